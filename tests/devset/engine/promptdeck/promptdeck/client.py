"""Client helpers used by the CLI and the Slack bot."""

from __future__ import annotations

import logging
import sys
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from datetime import timedelta
from typing import Any

from pydantic import AnyUrl

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamablehttp_client
from mcp.shared.context import RequestContext
from mcp.types import (
    CreateMessageRequestParams,
    CreateMessageResult,
    ElicitRequestParams,
    ElicitResult,
    ErrorData,
    Prompt,
    PromptReference,
    ResourceReference,
    TextContent,
    TextResourceContents,
)

from promptdeck.chat import ChatTurn, to_chat

log = logging.getLogger(__name__)


async def heuristic_sampler(
    context: RequestContext[ClientSession, Any], params: CreateMessageRequestParams
) -> CreateMessageResult | ErrorData:
    """A stand-in 'model' for the CLI: answers suggest_prompt by keyword overlap."""
    text = " ".join(m.content.text for m in params.messages if isinstance(m.content, TextContent))
    task, _, catalog = text.partition("Prompts:")
    words = set(task.lower().split())
    best, best_score = "", 0
    for line in catalog.splitlines():
        name, _, desc = line.removeprefix("- ").partition(":")
        score = len(words & set(desc.lower().split())) + len(words & set(name.split("_")))
        if score > best_score:
            best, best_score = name.strip(), score
    log.debug("sampling request (max %s tokens, system=%r) -> %s", params.maxTokens, params.systemPrompt, best)
    return CreateMessageResult(
        role="assistant",
        content=TextContent(type="text", text=best),
        model="promptdeck-heuristic",
        stopReason="endTurn",
    )


async def decline_elicitation(
    context: RequestContext[ClientSession, Any], params: ElicitRequestParams
) -> ElicitResult | ErrorData:
    return ElicitResult(action="decline")


class DeckClient:
    def __init__(self, session: ClientSession) -> None:
        self.session = session

    async def all_prompts(self) -> list[Prompt]:
        prompts: list[Prompt] = []
        cursor: str | None = None
        while True:
            page = await self.session.list_prompts(cursor)
            prompts.extend(page.prompts)
            if not page.nextCursor:
                return prompts
            cursor = page.nextCursor

    async def render(self, name: str, arguments: dict[str, str]) -> list[ChatTurn]:
        return to_chat(await self.session.get_prompt(name, arguments))

    async def complete_argument(
        self, prompt: str, argument: str, prefix: str, context: dict[str, str] | None = None
    ) -> list[str]:
        result = await self.session.complete(
            PromptReference(type="ref/prompt", name=prompt),
            {"name": argument, "value": prefix},
            context_arguments=context,
        )
        return result.completion.values

    async def complete_prompt_name(self, prefix: str) -> list[str]:
        result = await self.session.complete(
            ResourceReference(type="ref/resource", uri="deck://prompts/{name}"), {"name": "name", "value": prefix}
        )
        return result.completion.values

    async def template_source(self, name: str) -> str:
        result = await self.session.read_resource(AnyUrl(f"deck://prompts/{name}"))
        return "".join(c.text for c in result.contents if isinstance(c, TextResourceContents))

    async def suggest(self, task: str) -> str | None:
        result = await self.session.call_tool("suggest_prompt", {"task": task}, read_timeout_seconds=timedelta(seconds=30))
        if result.isError or result.structuredContent is None:
            return None
        return result.structuredContent.get("prompt")


@asynccontextmanager
async def connect(target: str | None = None, *, token: str | None = None) -> AsyncIterator[DeckClient]:
    """Connect to a deck: an http(s) URL, or (default) a local server spawned over stdio."""
    async with AsyncExitStack() as stack:
        if target and target.startswith(("http://", "https://")):
            headers = {"Authorization": f"Bearer {token}"} if token else None
            read, write, _ = await stack.enter_async_context(
                streamablehttp_client(target, headers=headers, sse_read_timeout=timedelta(minutes=5))
            )
        else:
            params = StdioServerParameters(command=sys.executable, args=["-m", "promptdeck", "serve"])
            read, write = await stack.enter_async_context(stdio_client(params))
        session = await stack.enter_async_context(
            ClientSession(
                read,
                write,
                read_timeout_seconds=timedelta(seconds=20),
                sampling_callback=heuristic_sampler,
                elicitation_callback=decline_elicitation,
            )
        )
        info = await session.initialize()
        log.info("connected to %s %s", info.serverInfo.name, info.serverInfo.version)
        yield DeckClient(session)
