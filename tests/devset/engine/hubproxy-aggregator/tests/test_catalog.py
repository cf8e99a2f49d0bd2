from __future__ import annotations

import base64
import json

from pydantic import AnyUrl

import mcp.types as types
from mcp.shared.exceptions import McpError

from tests.harness import build_rig, connect
from tests.upstreams import PNG_BYTES


async def test_tools_are_namespaced_and_keep_schemas() -> None:
    rig = build_rig()
    async with connect(rig) as session:
        listed = await session.list_tools()
    tools = {tool.name: tool for tool in listed.tools}

    assert listed.nextCursor is None
    assert {"hub.status", "hub.whoami", "alpha.echo"} <= set(tools)
    # beta pages its tools two at a time; the hub must have followed nextCursor
    assert {"beta.lookup", "beta.store", "beta.touch", "beta.explode"} <= set(tools)
    echo = tools["alpha.echo"]
    assert echo.inputSchema["properties"]["text"]["type"] == "string"
    assert echo.annotations is not None and echo.annotations.readOnlyHint is True
    assert echo.meta == {"hubproxy/upstream": "alpha"}
    assert echo.description == "[alpha] Echo the text back."
    assert tools["alpha.add"].outputSchema is not None


async def test_resources_templates_and_reads() -> None:
    rig = build_rig()
    async with connect(rig) as session:
        resources = {str(r.uri): r for r in (await session.list_resources()).resources}
        templates = {t.uriTemplate: t for t in (await session.list_resource_templates()).resourceTemplates}
        readme = await session.read_resource(AnyUrl("notes://alpha/readme"))
        templated = await session.read_resource(AnyUrl("notes://alpha/standup"))
        logo = await session.read_resource(AnyUrl("memo://beta/logo.png"))
        detail = await session.read_resource(AnyUrl("hub://upstreams/alpha"))
        try:
            await session.read_resource(AnyUrl("memo://gamma/nothing"))
            raise AssertionError("reading an unknown resource should fail")
        except McpError as exc:
            missing = exc.error

    assert {"notes://alpha/readme", "memo://beta/todo", "hub://upstreams"} <= set(resources)
    todo = resources["memo://beta/todo"]
    assert (todo.uri.scheme, todo.uri.host, todo.uri.path, todo.mimeType) == ("memo", "beta", "/todo", "text/plain")
    assert templates["notes://alpha/{slug}"].name == "alpha.note" and "hub://upstreams/{name}" in templates

    first = readme.contents[0]
    assert isinstance(first, types.TextResourceContents) and first.mimeType == "text/markdown"
    assert isinstance(templated.contents[0], types.TextResourceContents)
    assert templated.contents[0].text == "note standup"
    blob = logo.contents[0]
    assert isinstance(blob, types.BlobResourceContents) and base64.b64decode(blob.blob) == PNG_BYTES
    assert isinstance(detail.contents[0], types.TextResourceContents)
    echo = next(t for t in json.loads(detail.contents[0].text)["tools"] if t["name"] == "echo")
    assert echo["inputSchema"]["required"] == ["text"] and echo["annotations"]["readOnlyHint"] is True
    assert (missing.code, missing.data) == (types.INVALID_PARAMS, {"uri": "memo://gamma/nothing"})


async def test_prompts_and_completions() -> None:
    rig = build_rig()
    async with connect(rig) as session:
        prompts = {p.name: p for p in (await session.list_prompts()).prompts}
        greet = await session.get_prompt("alpha.greet", {"name": "Ada"})
        route = await session.get_prompt("hub.route", {"task": "file a memo"})
        names = await session.complete(
            types.PromptReference(type="ref/prompt", name="alpha.greet"), {"name": "name", "value": "A"}
        )
        upstreams = await session.complete(
            types.ResourceTemplateReference(type="ref/resource", uri="hub://upstreams/{name}"),
            {"name": "name", "value": "b"},
        )

    assert set(prompts) == {"alpha.greet", "hub.route"}
    assert greet.messages[0].content == types.TextContent(type="text", text="Say hello to Ada")
    assert greet.description == "greet (via alpha)"
    assert [m.role for m in route.messages] == ["user", "assistant"]
    assert "beta.lookup" in str(route.messages[0].content)
    assert names.completion.values == ["Ada", "Alan"] and names.completion.hasMore is False
    assert upstreams.completion.values == ["beta"]
