from __future__ import annotations

import base64
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import mcp.types as types  # noqa: E402
from mcp.shared.memory import create_connected_server_and_client_session  # noqa: E402
from pydantic import AnyUrl  # noqa: E402
from support import make_settings  # noqa: E402

from tenantd.server import create_server  # noqa: E402


async def test_static_and_file_resources() -> None:
    mcp = create_server(make_settings())
    async with create_connected_server_and_client_session(mcp) as session:
        listed = {str(r.uri): r for r in (await session.list_resources()).resources}
        assert set(listed) == {"tenantd://plans", "tenantd://legal/terms.json", "tenantd://brand/logo.png"}
        assert listed["tenantd://plans"].title == "Plan catalog"
        assert listed["tenantd://legal/terms.json"].mimeType == "application/json"

        plans = (await session.read_resource(AnyUrl("tenantd://plans"))).contents[0]
        assert isinstance(plans, types.TextResourceContents)
        assert json.loads(plans.text)["team"]["seats"] == 25

        # FileResource serves non-text/* mime types as base64 blobs.
        terms = (await session.read_resource(AnyUrl("tenantd://legal/terms.json"))).contents[0]
        assert isinstance(terms, types.BlobResourceContents)
        assert json.loads(base64.b64decode(terms.blob))["retention_days"] == 90

        logo = (await session.read_resource(AnyUrl("tenantd://brand/logo.png"))).contents[0]
        assert isinstance(logo, types.BlobResourceContents) and logo.mimeType == "image/png"
        assert base64.b64decode(logo.blob).startswith(b"\x89PNG")


async def test_templates_and_completions() -> None:
    mcp = create_server(make_settings())
    async with create_connected_server_and_client_session(mcp) as session:
        templates = (await session.list_resource_templates()).resourceTemplates
        assert sorted(t.uriTemplate for t in templates) == [
            "tenantd://tenants/{tenant_id}/audit/{day}",
            "tenantd://tenants/{tenant_id}/profile",
        ]
        profile = (await session.read_resource(AnyUrl("tenantd://tenants/acme/profile"))).contents[0]
        assert isinstance(profile, types.TextResourceContents)
        assert json.loads(profile.text)["members"] == ["ada@acme.test", "bob@acme.test"]
        audit = (await session.read_resource(AnyUrl("tenantd://tenants/acme/audit/2024-05-01"))).contents[0]
        assert isinstance(audit, types.TextResourceContents) and audit.mimeType == "text/csv"
        assert audit.text.splitlines() == ["day,action,actor", "2024-05-01,provisioned,system"]

        ref = types.ResourceTemplateReference(type="ref/resource", uri="tenantd://tenants/{tenant_id}/audit/{day}")
        tenants = await session.complete(ref, {"name": "tenant_id", "value": "g"})
        assert tenants.completion.values == ["globex"]
        days = await session.complete(ref, {"name": "day", "value": "2024-05"}, {"tenant_id": "acme"})
        assert days.completion.values == ["2024-05-01", "2024-05-02"]
        assert days.completion.total == 2 and days.completion.hasMore is False
        tone = await session.complete(
            types.PromptReference(type="ref/prompt", name="onboarding_email"), {"name": "tone", "value": "f"}
        )
        assert tone.completion.values == ["friendly", "formal"]
        nothing = await session.complete(
            types.PromptReference(type="ref/prompt", name="incident_brief"), {"name": "summary", "value": "x"}
        )
        assert nothing.completion.values == []


async def test_prompts_render_with_tenant_data() -> None:
    mcp = create_server(make_settings())
    async with create_connected_server_and_client_session(mcp) as session:
        prompts = {p.name: p for p in (await session.list_prompts()).prompts}
        onboarding = prompts["onboarding_email"]
        assert onboarding.title == "Onboarding email"
        assert [(a.name, a.required) for a in onboarding.arguments or []] == [("tenant_id", True), ("tone", False)]
        rendered = await session.get_prompt("onboarding_email", {"tenant_id": "initech", "tone": "formal"})
        roles = [m.role for m in rendered.messages]
        assert roles == ["user", "assistant"]
        first = rendered.messages[0].content
        assert isinstance(first, types.TextContent)
        assert first.text.startswith("Write a formal onboarding email for Initech on the enterprise plan")
        brief = await session.get_prompt("incident_brief", {"summary": "db failover"})
        body = brief.messages[0].content
        assert isinstance(body, types.TextContent) and body.text.startswith("Severity: minor")
