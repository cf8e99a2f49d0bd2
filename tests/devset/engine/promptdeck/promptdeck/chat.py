"""Turning MCP prompt results into chat turns for LLM APIs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from mcp.types import (
    EmbeddedResource,
    GetPromptResult,
    ImageContent,
    PromptMessage,
    ResourceLink,
    TextContent,
    TextResourceContents,
)

Role = Literal["system", "user", "assistant"]


@dataclass
class ChatTurn:
    role: Role
    text: str
    attachments: tuple[str, ...] = ()


def turn_from_message(message: PromptMessage) -> ChatTurn:
    content = message.content
    if isinstance(content, TextContent):
        return ChatTurn(message.role, content.text)
    if isinstance(content, ImageContent):
        return ChatTurn(message.role, "", (f"data:{content.mimeType};base64,{content.data}",))
    if isinstance(content, EmbeddedResource):
        res = content.resource
        if isinstance(res, TextResourceContents):
            return ChatTurn(message.role, f"<file uri=\"{res.uri}\">\n{res.text}\n</file>")
        return ChatTurn(message.role, "", (str(res.uri),))
    if isinstance(content, ResourceLink):
        return ChatTurn(message.role, f"See {content.name}: {content.uri}")
    return ChatTurn(message.role, f"[{content.type} content omitted]")


def to_chat(result: GetPromptResult, *, system_from_leading_assistant: bool = True) -> list[ChatTurn]:
    turns = [turn_from_message(m) for m in result.messages]
    if system_from_leading_assistant and len(turns) > 1 and turns[0].role == "assistant":
        turns[0] = ChatTurn("system", turns[0].text, turns[0].attachments)
    return turns


def transcript(turns: Iterable[ChatTurn]) -> str:
    lines = []
    for turn in turns:
        lines.append(f"## {turn.role}")
        if turn.text:
            lines.append(turn.text)
        lines.extend(f"[attachment] {a}" for a in turn.attachments)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
