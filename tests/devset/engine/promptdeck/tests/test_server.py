"""Server-side tests that call FastMCP directly (no transport)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any, cast

import anyio

from mcp.server.fastmcp.prompts.base import AssistantMessage, UserMessage
from mcp.types import ContentBlock, TextContent

from promptdeck.library import PromptLibrary, default_library
from promptdeck.server import build_server, to_prompt

DECK_TOML = """
[prompts.standup]
title = "Standup"
description = "Daily standup update"
template = "Yesterday: {done}. Today: {plan}."
tags = ["team"]

[[prompts.standup.arguments]]
name = "done"

[[prompts.standup.arguments]]
name = "plan"
default = "more of the same"
"""


def test_library_from_toml() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "deck.toml"
        path.write_text(DECK_TOML)
        lib = PromptLibrary.from_toml(path)
    spec = lib.get("standup")
    assert [a.required for a in spec.arguments] == [True, False]
    assert spec.render({"done": "reviews"}) == "Yesterday: reviews. Today: more of the same."


def test_library_rejects_bad_choice() -> None:
    spec = default_library().get("commit_message")
    try:
        spec.render({"change": "x", "style": "haiku"})
    except ValueError as exc:
        assert "conventional" in str(exc)
    else:
        raise AssertionError("choice not enforced")


def test_prompt_render_direct() -> None:
    spec = default_library().get("commit_message")

    async def main() -> None:
        messages = await to_prompt(spec).render({"change": "bump deps"})
        assert isinstance(messages[0], AssistantMessage)
        assert isinstance(messages[1], UserMessage)
        assert isinstance(messages[1].content, TextContent)
        assert "conventional commit message" in messages[1].content.text

    anyio.run(main)


def test_get_prompt_and_resources() -> None:
    mcp = build_server()

    async def main() -> None:
        result = await mcp.get_prompt("code_review", {"diff": "-a\n+b", "focus": "security"})
        assert len(result.messages) == 1
        index = list(await mcp.read_resource("deck://prompts"))
        names = [p["name"] for p in json.loads(str(index[0].content))]
        assert names == ["code_review", "commit_message", "incident_summary"]
        source = list(await mcp.read_resource("deck://prompts/incident_summary"))
        assert "{audience}" in str(source[0].content)
        templates = await mcp.list_resource_templates()
        assert [t.uriTemplate for t in templates] == ["deck://prompts/{name}"]

    anyio.run(main)


def test_listed_prompts_and_tools() -> None:
    mcp = build_server()

    async def main() -> None:
        prompts = await mcp.list_prompts()
        by_name = {p.name: p for p in prompts}
        assert by_name["commit_message"].title == "Commit message"
        assert [a.name for a in by_name["commit_message"].arguments or []] == ["change", "style"]
        tools = {t.name: t for t in await mcp.list_tools()}
        assert tools["render_prompt"].annotations is not None
        assert tools["render_prompt"].annotations.readOnlyHint is True
        assert "arguments" in tools["render_prompt"].inputSchema["properties"]
        assert tools["suggest_prompt"].outputSchema is not None

    anyio.run(main)


def test_call_tool_direct_shape() -> None:
    mcp = build_server()

    async def main() -> None:
        out = await mcp.call_tool("check_template", {"template": "Hi {name}, see {ticket}"})
        # FastMCP returns (content blocks, structured output) for tools with an output schema
        assert isinstance(out, tuple)
        content, structured = cast(tuple[list[ContentBlock], dict[str, Any]], out)
        assert isinstance(content[0], TextContent)
        assert structured == {"placeholders": ["name", "ticket"], "valid": True}
        assert '"ticket"' in content[0].text

    anyio.run(main)
