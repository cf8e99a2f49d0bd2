"""End-to-end tests: DeckClient against the server over in-memory streams."""

from __future__ import annotations

from typing import Any
from unittest import mock

import anyio
from pydantic import AnyUrl

from mcp import ClientSession
from mcp.shared.context import RequestContext
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.types import (
    CreateMessageRequestParams,
    CreateMessageResult,
    ElicitRequestParams,
    ElicitResult,
    ErrorData,
    ListPromptsResult,
    Prompt,
    TextContent,
    TextResourceContents,
)

from promptdeck.chat import transcript
from promptdeck.client import DeckClient, heuristic_sampler
from promptdeck.server import build_server


def test_list_render_and_complete() -> None:
    async def main() -> None:
        async with create_connected_server_and_client_session(build_server()) as session:
            deck = DeckClient(session)
            names = [p.name for p in await deck.all_prompts()]
            assert names == ["code_review", "commit_message", "incident_summary"]
            turns = await deck.render("commit_message", {"change": "fix typo", "style": "plain"})
            assert [t.role for t in turns] == ["system", "user"]
            assert "plain commit message" in turns[1].text
            assert transcript(turns).startswith("## system\n")
            assert await deck.complete_argument("code_review", "focus", "s") == ["security", "style"]
            assert await deck.complete_prompt_name("co") == ["code_review", "commit_message"]
            assert "{timeline}" in await deck.template_source("incident_summary")

    anyio.run(main)


def test_suggest_uses_sampling() -> None:
    seen: list[CreateMessageRequestParams] = []

    async def sampler(
        context: RequestContext[ClientSession, Any], params: CreateMessageRequestParams
    ) -> CreateMessageResult | ErrorData:
        seen.append(params)
        return await heuristic_sampler(context, params)

    async def main() -> None:
        async with create_connected_server_and_client_session(build_server(), sampling_callback=sampler) as session:
            suggestion = await DeckClient(session).suggest("summarize the incident timeline for customers")
            assert suggestion == "incident_summary"

    anyio.run(main)
    assert seen[0].maxTokens == 20
    assert seen[0].systemPrompt == "You pick the best prompt from a catalog."
    assert seen[0].modelPreferences is not None and seen[0].modelPreferences.speedPriority == 0.9


def test_add_prompt_with_confirmation() -> None:
    answers = iter(["decline", "accept"])
    notified: list[Any] = []

    async def confirm(
        context: RequestContext[ClientSession, Any], params: ElicitRequestParams
    ) -> ElicitResult | ErrorData:
        action = next(answers)
        if action == "accept":
            return ElicitResult(action="accept", content={"overwrite": True, "note": "typo"})
        return ElicitResult(action="decline")

    async def handler(message: Any) -> None:
        notified.append(message)

    async def main() -> None:
        server = build_server()
        async with create_connected_server_and_client_session(
            server, elicitation_callback=confirm, message_handler=handler
        ) as session:
            added = await session.call_tool("add_prompt", {"name": "haiku", "template": "A haiku about {topic}"})
            assert not added.isError
            first = added.content[0]
            assert isinstance(first, TextContent) and "added prompt 'haiku' with 1 argument" in first.text
            kept = await session.call_tool("add_prompt", {"name": "haiku", "template": "x"})
            assert isinstance(kept.content[0], TextContent) and kept.content[0].text.startswith("kept")
            replaced = await session.call_tool("add_prompt", {"name": "haiku", "template": "Two lines on {topic}"})
            assert isinstance(replaced.content[0], TextContent)
            assert replaced.content[0].text.startswith("replaced")
            rendered = await session.get_prompt("haiku", {"topic": "tea"})
            assert isinstance(rendered.messages[0].content, TextContent)
            assert rendered.messages[0].content.text == "Two lines on tea"
            stats = await session.read_resource(AnyUrl("deck://stats"))
            contents = stats.contents[0]
            assert isinstance(contents, TextResourceContents) and '"haiku"' in contents.text

    anyio.run(main)
    assert notified, "expected a prompts/list_changed notification"


def test_all_prompts_paginates() -> None:
    session = mock.AsyncMock(spec=ClientSession)
    session.list_prompts.side_effect = [
        ListPromptsResult(prompts=[Prompt(name="a")], nextCursor="2"),
        ListPromptsResult(prompts=[Prompt(name="b")]),
    ]

    async def main() -> None:
        prompts = await DeckClient(session).all_prompts()
        assert [p.name for p in prompts] == ["a", "b"]
        assert session.list_prompts.await_args_list == [mock.call(None), mock.call("2")]

    anyio.run(main)
