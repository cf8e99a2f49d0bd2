from __future__ import annotations

import json
import sys
from pathlib import Path

from mcp.server.fastmcp.prompts.base import UserMessage
from mcp.types import (
    BlobResourceContents,
    EmbeddedResource,
    PromptReference,
    ResourceTemplateReference,
    TextContent,
    TextResourceContents,
)
from pydantic import AnyUrl

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import make_deck, open_session  # noqa: E402

from opsdeck.client import DeckClient  # noqa: E402


async def test_list_resources_and_templates() -> None:
    deck = make_deck()
    async with open_session(deck) as session:
        listing = await session.list_resources()
        templates = await session.list_resource_templates()
        index = await DeckClient(session).resource_index()
    by_uri = {str(r.uri): r for r in listing.resources}
    assert set(by_uri) >= {
        "ops://cluster/summary",
        "ops://alerts/active",
        "ops://runbooks/oncall",
        "ops://runbooks/topology.svg",
        "ops://deck/about",
    }
    summary = by_uri["ops://cluster/summary"]
    assert summary.uri.scheme == "ops" and summary.uri.host == "cluster" and summary.uri.path == "/summary"
    assert summary.mimeType == "application/json" and summary.title == "Cluster summary"
    assert by_uri["ops://runbooks/topology.svg"].mimeType == "image/svg+xml"
    assert {t.uriTemplate for t in templates.resourceTemplates} == {
        "ops://deployments/{namespace}/{name}",
        "ops://pipelines/{run_id}/log",
    }
    assert index["runbooks"] == ["/oncall", "/topology.svg"]
    assert index["templates"][0].startswith("ops://")


async def test_read_resources() -> None:
    deck = make_deck()
    async with open_session(deck) as session:
        client = DeckClient(session)
        summary = json.loads(await client.read("ops://cluster/summary"))
        manifest = json.loads(await client.read("ops://deployments/payments/fraud-scorer"))
        log = await client.read("ops://pipelines/run-481/log")
        runbook = await client.read("ops://runbooks/oncall")
        diagram = await session.read_resource(AnyUrl("ops://runbooks/topology.svg"))
        missing = await session.call_tool("get_deployment", {"namespace": "x", "name": "y"})
    assert summary["crashLooping"] == ["fraud-scorer-7d9f1"] and summary["isDegraded"] is True
    assert manifest["status"]["readyReplicas"] == 1 and manifest["spec"]["replicas"] == 2
    assert isinstance(log, str) and "[ failed] test (188.0s)" in log
    assert isinstance(runbook, str) and runbook.startswith("# On-call runbook")
    blob = diagram.contents[0]
    assert isinstance(blob, BlobResourceContents) and blob.mimeType == "image/svg+xml"
    assert str(blob.uri) == "ops://runbooks/topology.svg"
    assert missing.isError


async def test_completion_for_templates_and_prompts() -> None:
    deck = make_deck()
    async with open_session(deck) as session:
        ns = await session.complete(
            ResourceTemplateReference(type="ref/resource", uri="ops://deployments/{namespace}/{name}"),
            {"name": "namespace", "value": "pa"},
        )
        names = await session.complete(
            ResourceTemplateReference(type="ref/resource", uri="ops://deployments/{namespace}/{name}"),
            {"name": "name", "value": ""},
            context_arguments={"namespace": "platform"},
        )
        services = await session.complete(
            PromptReference(type="ref/prompt", name="incident_triage"), {"name": "service", "value": "f"}
        )
        nothing = await session.complete(
            PromptReference(type="ref/prompt", name="incident_triage"), {"name": "severity", "value": ""}
        )
    assert ns.completion.values == ["payments"] and ns.completion.hasMore is False
    assert names.completion.values == ["ingress-gateway"] and names.completion.total == 1
    assert services.completion.values == ["fraud-scorer"]
    assert nothing.completion.values == [] and nothing.completion.hasMore is None


async def test_prompts_render_messages() -> None:
    deck = make_deck()
    async with open_session(deck) as session:
        listed = await session.list_prompts()
        triage = await session.get_prompt("incident_triage", {"service": "ledger-api", "severity": "sev1"})
        unknown = await session.get_prompt("incident_triage", {"service": "billing"})
        checklist = await session.get_prompt("deploy_checklist", {"service": "ledger-api"})
    prompts = {p.name: p for p in listed.prompts}
    assert prompts["incident_triage"].title == "Incident triage"
    assert [a.name for a in prompts["incident_triage"].arguments or []] == ["service", "severity"]
    assert "ctx" not in [a.name for a in prompts["postmortem"].arguments or []]
    assert [m.role for m in triage.messages] == ["user", "user", "assistant"]
    embedded = triage.messages[1].content
    assert isinstance(embedded, EmbeddedResource)
    assert isinstance(embedded.resource, TextResourceContents)
    assert embedded.resource.uri == AnyUrl("ops://deployments/payments/ledger-api")
    assert embedded.resource.mimeType == "application/json"
    assert json.loads(embedded.resource.text)["metadata"]["name"] == "ledger-api"
    first = unknown.messages[1].content
    assert isinstance(first, TextContent) and "No deployment called billing" in first.text
    assert len(checklist.messages) == 1 and checklist.messages[0].role == "user"

    rendered = await deck.mcp.get_prompt("deploy_checklist", {"service": "gateway"})
    assert rendered.messages[0].model_dump()["content"]["type"] == "text"
    assert UserMessage("x").role == "user"
