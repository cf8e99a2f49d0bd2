from __future__ import annotations

import json

import anyio
import mcp.types as types
from mcp.shared.memory import create_connected_server_and_client_session
from pydantic import AnyUrl

from docsearch.server import mcp


async def test_static_resources_log_through_get_context() -> None:
    logs: list[str] = []

    async def on_log(params: types.LoggingMessageNotificationParams) -> None:
        logs.append(f"{params.level}:{params.data}")

    async with create_connected_server_and_client_session(mcp, logging_callback=on_log) as session:
        listed = await session.list_resources()
        by_name = {r.name: r for r in listed.resources}
        assert by_name["index"].uri == AnyUrl("docs://index")
        assert by_name["index"].mimeType == "application/json"

        index = await session.read_resource(AnyUrl("docs://index"))
        contents = index.contents[0]
        assert isinstance(contents, types.TextResourceContents)
        assert [p["slug"] for p in json.loads(contents.text)][:2] == ["sso-setup", "getting-started"]

        sections = await session.read_resource(by_name["sections"].uri)
        sections_text = sections.contents[0]
        assert isinstance(sections_text, types.TextResourceContents)
        assert json.loads(sections_text.text) == {"guides": 2, "reference": 2, "admin": 1}
        with anyio.fail_after(2):
            while len(logs) < 2:
                await anyio.sleep(0.01)

    assert logs == ["debug:index requested (5 pages)", "info:sections requested"]


async def test_page_templates() -> None:
    async with create_connected_server_and_client_session(mcp) as session:
        templates = await session.list_resource_templates()
        assert {t.uriTemplate for t in templates.resourceTemplates} == {
            "docs://page/{slug}",
            "docs://page/{slug}/{anchor}",
        }
        page = await session.read_resource(AnyUrl("docs://page/webhooks"))
        body = page.contents[0]
        assert isinstance(body, types.TextResourceContents)
        assert body.text.startswith("# Webhooks")
        assert body.mimeType == "text/markdown"
        assert body.uri.scheme == "docs" and body.uri.host == "page"

        section = await session.read_resource(AnyUrl("docs://page/sso-setup/oidc"))
        section_body = section.contents[0]
        assert isinstance(section_body, types.TextResourceContents)
        assert "issuer URL" in section_body.text


async def test_prompts_and_completion() -> None:
    async with create_connected_server_and_client_session(mcp) as session:
        prompt = await session.get_prompt("explain_topic", {"slug": "rate-limits", "audience": "admin"})
        assert [m.role for m in prompt.messages] == ["user", "user", "assistant"]
        first = prompt.messages[0].content
        assert isinstance(first, types.TextContent) and "to a admin" in first.text

        trouble = await session.get_prompt("troubleshoot", {"error_message": "webhook signature mismatch"})
        trouble_text = trouble.messages[0].content
        assert isinstance(trouble_text, types.TextContent) and "docs://page/webhooks" in trouble_text.text

        slugs = await session.complete(types.ResourceTemplateReference(type="ref/resource", uri="docs://page/{slug}"), {"name": "slug", "value": "web"})
        assert slugs.completion.values == ["webhook-testing", "webhooks"]
        assert slugs.completion.hasMore is False

        anchors = await session.complete(
            types.ResourceTemplateReference(type="ref/resource", uri="docs://page/{slug}/{anchor}"),
            {"name": "anchor", "value": ""},
            context_arguments={"slug": "webhooks"},
        )
        assert anchors.completion.values == ["signing", "retries"]

        audience = await session.complete(types.PromptReference(type="ref/prompt", name="explain_topic"), {"name": "audience", "value": "ad"})
        assert audience.completion.values == ["admin"]
