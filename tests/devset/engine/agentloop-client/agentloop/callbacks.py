"""Client-side handlers for requests the server sends back: sampling, elicitation, roots, logs."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import mcp.types as types
from mcp.client.session import ClientSession
from mcp.shared.context import RequestContext
from pydantic import FileUrl

from agentloop.llm import ChatMessage, ChatModel

log = logging.getLogger("agentloop.callbacks")

ClientContext = RequestContext[ClientSession, Any]


class LLMSamplingHandler:
    """Answers ``sampling/createMessage`` with the agent's own model."""

    def __init__(self, model: ChatModel, *, max_tokens_cap: int = 2048) -> None:
        self.model = model
        self.max_tokens_cap = max_tokens_cap
        self.served = 0

    async def __call__(
        self, context: ClientContext, params: types.CreateMessageRequestParams
    ) -> types.CreateMessageResult | types.CreateMessageResultWithTools | types.ErrorData:
        if params.tools:
            return types.ErrorData(code=types.INVALID_REQUEST, message="tool use inside sampling is not supported")
        messages: list[ChatMessage] = []
        if params.systemPrompt:
            messages.append(ChatMessage("system", params.systemPrompt))
        for message in params.messages:
            blocks = message.content if isinstance(message.content, list) else [message.content]
            texts: list[str] = []
            for block in blocks:
                if not isinstance(block, types.TextContent):
                    return types.ErrorData(code=types.INVALID_PARAMS, message=f"unsupported {block.type} content")
                texts.append(block.text)
            messages.append(ChatMessage(message.role, "\n".join(texts)))
        reply = await self.model.complete(
            messages,
            max_tokens=min(params.maxTokens, self.max_tokens_cap),
            stop=params.stopSequences or (),
        )
        self.served += 1
        stop_reason = {"end_turn": "endTurn", "max_tokens": "maxTokens", "stop_sequence": "stopSequence"}.get(
            reply.stop_reason, "endTurn"
        )
        return types.CreateMessageResult(
            role="assistant",
            content=types.TextContent(type="text", text=reply.text),
            model=self.model.name,
            stopReason=stop_reason,
        )


@dataclass
class ConsolePrompter:
    """Answers elicitation by asking a human on the console (``input``/``print`` are injectable)."""

    ask: Callable[[str], str] = input
    say: Callable[[str], None] = print
    history: list[types.ElicitResult] = field(default_factory=list)

    async def __call__(
        self, context: ClientContext, params: types.ElicitRequestParams
    ) -> types.ElicitResult | types.ErrorData:
        result = self._url(params) if isinstance(params, types.ElicitRequestURLParams) else self._form(params)
        self.history.append(result)
        return result

    def _url(self, params: types.ElicitRequestURLParams) -> types.ElicitResult:
        self.say(f"{params.message}\nOpen: {params.url}  (id {params.elicitationId})")
        answer = self.ask("Open this link? [y/N] ").strip().lower()
        return types.ElicitResult(action="accept" if answer in ("y", "yes") else "decline")

    def _form(self, params: types.ElicitRequestFormParams) -> types.ElicitResult:
        self.say(params.message)
        schema = params.requestedSchema
        required = set(schema.get("required", []))
        content: dict[str, str | int | float | bool | list[str] | None] = {}
        for name, prop in schema.get("properties", {}).items():
            label = prop.get("description") or name
            raw = self.ask(f"{label}: ").strip()
            if raw.lower() == "cancel":
                return types.ElicitResult(action="cancel")
            if not raw:
                if name in required:
                    return types.ElicitResult(action="decline")
                continue
            try:
                content[name] = _coerce(raw, prop)
            except ValueError:
                self.say(f"could not understand {raw!r} for {name}")
                return types.ElicitResult(action="decline")
        return types.ElicitResult(action="accept", content=content)


def _coerce(raw: str, prop: dict[str, Any]) -> str | int | float | bool:
    kind = prop.get("type", "string")
    if "enum" in prop and raw not in prop["enum"]:
        raise ValueError(raw)
    if kind == "boolean":
        if raw.lower() in ("y", "yes", "true", "1"):
            return True
        if raw.lower() in ("n", "no", "false", "0"):
            return False
        raise ValueError(raw)
    if kind == "integer":
        return int(raw)
    if kind == "number":
        return float(raw)
    return raw


class StaticRoots:
    """Exposes a fixed set of workspace folders as MCP roots."""

    def __init__(self, folders: Sequence[Path]) -> None:
        self.folders = [p.resolve() for p in folders]

    async def __call__(self, context: ClientContext) -> types.ListRootsResult | types.ErrorData:
        return types.ListRootsResult(
            roots=[types.Root(uri=FileUrl(p.as_uri()), name=p.name or str(p)) for p in self.folders]
        )


@dataclass
class LogCollector:
    """Forwards server log notifications to ``logging`` and keeps them for the transcript."""

    entries: list[types.LoggingMessageNotificationParams] = field(default_factory=list)

    async def __call__(self, params: types.LoggingMessageNotificationParams) -> None:
        self.entries.append(params)
        level = logging.getLevelName(params.level.upper())
        log.log(level if isinstance(level, int) else logging.INFO, "[%s] %s", params.logger or "server", params.data)

    def messages(self) -> list[str]:
        return [str(e.data) for e in self.entries]
