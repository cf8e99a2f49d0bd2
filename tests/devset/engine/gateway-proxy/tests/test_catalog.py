"""The gateway's merged catalog: names, pagination, resources, prompts."""

from __future__ import annotations

import json

from pydantic import AnyUrl

import mcp.types as types

from tests.harness import WireLog, downstream, gateway_for
from tests.upstreams import build_alpha, build_beta


async def test_tools_are_namespaced_and_every_page_is_followed() -> None:
    beta, beta_state = build_beta()
    wires = {"beta": WireLog()}
    async with gateway_for({"alpha": build_alpha(), "beta": beta}, wires=wires) as gateway:
        async with downstream(gateway) as client:
            listed = await client.list_tools()

    by_name = {tool.name: tool for tool in listed.tools}
    assert set(by_name) == {
        "alpha.echo", "alpha.slow_sum", "alpha.reject", "alpha.explode",
        "beta.add", "beta.sleepy", "beta.touch", "beta.enable_extra",
        "gateway_status", "gateway_refresh",
    }  # fmt: skip
    assert listed.nextCursor is None
    # four beta tools, two per page: the gateway walked both pages
    assert wires["beta"].cursors("tools/list") == [None, "2"]
    assert beta_state.list_tool_calls == 2

    echo = by_name["alpha.echo"]
    assert echo.description is not None and echo.description.startswith("[alpha]")
    assert echo.inputSchema["properties"]["text"]["type"] == "string"
    assert echo.annotations is not None and echo.annotations.readOnlyHint is True
    assert echo.meta is not None and echo.meta["io.mcpgate/upstream"] == {"server": "alpha", "name": "echo"}
    assert by_name["beta.add"].outputSchema == {
        "type": "object",
        "properties": {"sum": {"type": "number"}},
        "required": ["sum"],
    }


async def test_resources_keep_their_shape_under_a_prefixed_scheme() -> None:
    beta, _ = build_beta()
    async with gateway_for({"alpha": build_alpha(), "beta": beta}) as gateway:
        async with downstream(gateway) as client:
            listed = await client.list_resources()
            templates = await client.list_resource_templates()
            catalog = await client.read_resource(AnyUrl("gateway://catalog"))

    by_uri = {str(r.uri): r for r in listed.resources}
    assert set(by_uri) == {
        "gateway://catalog",
        "alpha+memo://notes/welcome",
        "alpha+memo://notes/logo",
        "beta+ledger://accounts/1",
        "beta+ledger://accounts/2",
        "beta+ledger://accounts/3",
    }
    welcome = by_uri["alpha+memo://notes/welcome"]
    assert welcome.uri.scheme == "alpha+memo"
    assert (welcome.uri.host, welcome.uri.path) == ("notes", "/welcome")
    assert welcome.mimeType == "text/markdown"
    assert by_uri["beta+ledger://accounts/2"].name == "beta:account-2"
    assert [t.uriTemplate for t in templates.resourceTemplates] == ["upstream://{server}/{path}"]

    content = catalog.contents[0]
    assert isinstance(content, types.TextResourceContents)
    snapshot = json.loads(content.text)
    add = next(t for t in snapshot["tools"] if t["name"] == "beta.add")
    assert add["inputSchema"]["properties"]["a"] == {"type": "number"} and "outputSchema" in add
    assert [p["name"] for p in snapshot["prompts"]] == ["alpha.summarize"]


async def test_prompts_are_forwarded_with_roles_intact() -> None:
    async with gateway_for({"alpha": build_alpha()}) as gateway:
        async with downstream(gateway) as client:
            listed = await client.list_prompts()
            summary = await client.get_prompt("alpha.summarize", {"topic": "otters", "tone": "cheerful"})

    [prompt] = listed.prompts
    assert prompt.name == "alpha.summarize"
    assert [(a.name, a.required) for a in prompt.arguments or []] == [("topic", True), ("tone", False)]
    assert [m.role for m in summary.messages] == ["user", "assistant"]
    first = summary.messages[0].content
    assert isinstance(first, types.TextContent) and first.text == "Summarize otters in a cheerful tone."
