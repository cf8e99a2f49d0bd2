"""Load MCP prompts as framework chat messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import mcp.types as types
from mcp import ClientSession, McpError

from .framework import ChatMessage
from .results import content_block_to_part


class PromptNotFoundError(LookupError):
    pass


@dataclass
class PromptInfo:
    name: str
    description: str | None
    arguments: list[str] = field(default_factory=list[str])
    required: list[str] = field(default_factory=list[str])


def prompt_message_to_chat(message: types.PromptMessage) -> ChatMessage:
    return ChatMessage(role=message.role, parts=[content_block_to_part(message.content)])


async def list_prompts(session: ClientSession) -> list[PromptInfo]:
    infos: list[PromptInfo] = []
    cursor: types.Cursor | None = None
    while True:
        page = await session.list_prompts(cursor=cursor)
        for prompt in page.prompts:
            args = prompt.arguments or []
            infos.append(
                PromptInfo(
                    name=prompt.name,
                    description=prompt.description or prompt.title,
                    arguments=[a.name for a in args],
                    required=[a.name for a in args if a.required],
                )
            )
        cursor = page.nextCursor
        if cursor is None:
            return infos


async def load_mcp_prompt(
    session: ClientSession,
    name: str,
    *,
    arguments: dict[str, Any] | None = None,
) -> list[ChatMessage]:
    """Render a prompt on the server and convert its messages.

    Prompt arguments are strings on the wire; other values are stringified.
    """
    str_args = {k: v if isinstance(v, str) else str(v) for k, v in (arguments or {}).items()}
    try:
        result = await session.get_prompt(name, arguments=str_args or None)
    except McpError as exc:
        if "Unknown prompt" in exc.error.message:
            raise PromptNotFoundError(name) from exc
        raise
    return [prompt_message_to_chat(m) for m in result.messages]


async def complete_prompt_argument(
    session: ClientSession,
    prompt_name: str,
    argument: str,
    partial: str,
    *,
    context: dict[str, str] | None = None,
) -> tuple[list[str], bool]:
    """Ask the server for argument completions; returns (values, has_more)."""
    result = await session.complete(
        types.PromptReference(type="ref/prompt", name=prompt_name),
        argument={"name": argument, "value": partial},
        context_arguments=context,
    )
    completion = result.completion
    return completion.values, bool(completion.hasMore)


async def complete_resource_argument(
    session: ClientSession,
    uri_template: str,
    argument: str,
    partial: str,
) -> list[str]:
    result = await session.complete(
        types.ResourceReference(type="ref/resource", uri=uri_template),
        argument={"name": argument, "value": partial},
    )
    return result.completion.values
