"""Elicitation: when a server asks for input, ask the person who ran the command."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Protocol

import anyio
from mcp import ClientSession
from mcp.shared.context import RequestContext
from mcp.types import (
    INVALID_PARAMS,
    ElicitRequestFormParams,
    ElicitRequestParams,
    ElicitRequestURLParams,
    ElicitResult,
    ErrorData,
)


class ChatClient(Protocol):
    async def post(self, channel: str, text: str, *, thread: str | None = None) -> None: ...


@dataclass
class PendingQuestion:
    channel: str
    user: str
    fields: dict[str, dict[str, Any]]
    answer: dict[str, Any] | None = None
    declined: bool = False
    done: anyio.Event = field(default_factory=anyio.Event)


class ChannelElicitor:
    """Posts the server's question in the thread and waits for ``/answer`` from the same user."""

    def __init__(self, chat: ChatClient, timeout_s: float = 120.0) -> None:
        self.chat = chat
        self.timeout_s = timeout_s
        self.pending: dict[str, PendingQuestion] = {}
        self.current_channel: str | None = None
        self.current_user: str | None = None

    def _coerce(self, schema: dict[str, Any], raw: dict[str, str]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, prop in schema.items():
            if key not in raw:
                continue
            value = raw[key]
            kind = prop.get("type")
            if kind == "boolean":
                out[key] = value.lower() in {"y", "yes", "true", "1"}
            elif kind == "integer":
                out[key] = int(value)
            elif kind == "number":
                out[key] = float(value)
            else:
                out[key] = value
        return out

    async def __call__(
        self,
        context: RequestContext[ClientSession, Any],
        params: ElicitRequestParams,
    ) -> ElicitResult | ErrorData:
        channel, user = self.current_channel, self.current_user
        if channel is None or user is None:
            return ErrorData(code=INVALID_PARAMS, message="no interactive user for this request")

        if isinstance(params, ElicitRequestURLParams):
            await self.chat.post(channel, f"<@{user}> the server needs you to visit {params.url} ({params.message})")
            return ElicitResult(action="accept")

        assert isinstance(params, ElicitRequestFormParams)
        props: dict[str, dict[str, Any]] = params.requestedSchema.get("properties", {})
        question = PendingQuestion(channel, user, props)
        self.pending[f"{channel}:{user}"] = question
        lines = [f"<@{user}> {params.message}", f"(request {context.request_id}) reply with `/answer key=value ...`:"]
        lines += [f"• `{k}` ({p.get('type', 'string')}): {p.get('description', '')}" for k, p in props.items()]
        await self.chat.post(channel, "\n".join(lines))

        with anyio.move_on_after(self.timeout_s):
            await question.done.wait()
        self.pending.pop(f"{channel}:{user}", None)

        if not question.done.is_set():
            return ElicitResult(action="cancel")
        if question.declined or question.answer is None:
            return ElicitResult(action="decline")
        return ElicitResult(action="accept", content=question.answer)

    def answer(self, channel: str, user: str, text: str) -> bool:
        question = self.pending.get(f"{channel}:{user}")
        if question is None:
            return False
        if text.strip() in {"no", "decline", "/decline"}:
            question.declined = True
        else:
            pairs = dict(part.split("=", 1) for part in text.split() if "=" in part)
            question.answer = self._coerce(question.fields, pairs)
        question.done.set()
        return True

    def describe(self) -> str:
        return json.dumps({k: list(v.fields) for k, v in self.pending.items()})
