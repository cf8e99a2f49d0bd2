"""Bridge server-initiated MCP traffic (sampling, elicitation, roots, logs, notifications)
to the agent framework's hooks."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import mcp.types as types
from mcp import ClientSession
from mcp.client.session import ElicitationFnT, ListRootsFnT, SamplingFnT
from mcp.shared.context import RequestContext
from mcp.shared.session import RequestResponder
from pydantic import FileUrl

from agentmesh.framework import ChatModel, ChatTurn, MessagePart, text_part

AskUser = Callable[[str, dict[str, Any]], Awaitable[dict[str, Any] | None]]
ServerMessage = RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception

_STOP_REASONS: dict[str, types.StopReason] = {"end_turn": "endTurn", "max_tokens": "maxTokens"}


@dataclass
class HookEvent:
    server: str
    kind: str
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass
class AgentHooks:
    """Framework-side handlers. Every field is optional; missing ones make the client decline."""

    llm: ChatModel | None = None
    ask_user: AskUser | None = None
    roots: list[Path] = field(default_factory=list)
    on_tools_changed: Callable[[str], Awaitable[None]] | None = None
    on_resource_updated: Callable[[str, str], Awaitable[None]] | None = None
    max_sampling_tokens: int = 1024
    events: list[HookEvent] = field(default_factory=list)

    def bind(self, server: str) -> BoundHooks:
        return BoundHooks(self, server)


class BoundHooks:
    """The callbacks handed to one ``ClientSession``; knows which server it is talking to."""

    def __init__(self, hooks: AgentHooks, server: str) -> None:
        self.hooks = hooks
        self.server = server
        self.log = logging.getLogger(f"agentmesh.mcp.{server}")

    def _record(self, kind: str, **detail: Any) -> None:
        self.hooks.events.append(HookEvent(self.server, kind, detail))

    @property
    def sampling_callback(self) -> SamplingFnT | None:
        return self.sample if self.hooks.llm is not None else None

    @property
    def elicitation_callback(self) -> ElicitationFnT | None:
        return self.elicit if self.hooks.ask_user is not None else None

    @property
    def list_roots_callback(self) -> ListRootsFnT | None:
        return self.list_roots if self.hooks.roots else None

    async def sample(
        self, context: RequestContext[ClientSession, Any], params: types.CreateMessageRequestParams
    ) -> types.CreateMessageResult | types.ErrorData:
        llm = self.hooks.llm
        if llm is None:
            return types.ErrorData(code=types.INVALID_REQUEST, message="sampling disabled")
        max_tokens = params.maxTokens
        if max_tokens > self.hooks.max_sampling_tokens:
            limit = self.hooks.max_sampling_tokens
            return types.ErrorData(code=types.INVALID_PARAMS, message=f"maxTokens {max_tokens} exceeds limit {limit}")
        turns = [ChatTurn(m.role, [_sampling_part(b) for b in m.content_as_list]) for m in params.messages]
        prefs = params.modelPreferences
        hints = [h.name for h in prefs.hints if h.name] if prefs and prefs.hints else []
        system = params.systemPrompt
        reply = await llm.complete(system, turns, max_tokens=max_tokens, stop=params.stopSequences, model_hints=hints)
        self._record("sampling", request_id=context.request_id, system=system, model=reply.model)
        return types.CreateMessageResult(
            role="assistant",
            content=types.TextContent(type="text", text=reply.text),
            model=reply.model,
            stopReason=_STOP_REASONS.get(reply.stop_reason, reply.stop_reason),
        )

    async def elicit(
        self, context: RequestContext[ClientSession, Any], params: types.ElicitRequestParams
    ) -> types.ElicitResult | types.ErrorData:
        if isinstance(params, types.ElicitRequestURLParams):
            self._record("elicit_url", url=params.url, elicitation_id=params.elicitationId)
            return types.ElicitResult(action="decline")
        assert self.hooks.ask_user is not None
        schema = params.requestedSchema
        self._record("elicit_form", message=params.message, fields=sorted(schema.get("properties", {})))
        answer = await self.hooks.ask_user(params.message, schema)
        if answer is None:
            return types.ElicitResult(action="decline")
        return types.ElicitResult(action="accept", content=answer)

    async def list_roots(self, context: RequestContext[ClientSession, Any]) -> types.ListRootsResult:
        roots = [types.Root(uri=FileUrl(p.resolve().as_uri()), name=p.name) for p in self.hooks.roots]
        return types.ListRootsResult(roots=roots)

    async def logging_callback(self, params: types.LoggingMessageNotificationParams) -> None:
        level = logging.getLevelName(params.level.upper())
        self.log.log(level if isinstance(level, int) else logging.INFO, "[%s] %s", params.logger, params.data)
        self._record("log", level=params.level, logger=params.logger, data=params.data)

    async def message_handler(self, message: ServerMessage) -> None:
        if isinstance(message, Exception):
            self._record("error", error=repr(message))
            return
        if isinstance(message, RequestResponder):
            self._record("request", method=_request_method(message))
            return

        match message.root:
            case types.ToolListChangedNotification():
                self._record("tools_changed")
                if self.hooks.on_tools_changed is not None:
                    await self.hooks.on_tools_changed(self.server)
            case types.ResourceUpdatedNotification(params=params):
                self._record("resource_updated", uri=str(params.uri))
                if self.hooks.on_resource_updated is not None:
                    await self.hooks.on_resource_updated(self.server, str(params.uri))
            case types.ProgressNotification(params=params):
                self._record("progress", token=params.progressToken, progress=params.progress)
            case types.LoggingMessageNotification():
                pass  # already handled by logging_callback
            case other:
                self._record("notification", method=other.method)


def _request_method(responder: RequestResponder[types.ServerRequest, types.ClientResult]) -> str:
    return responder.request.root.method


def _sampling_part(block: types.SamplingMessageContentBlock) -> MessagePart:
    if isinstance(block, types.TextContent):
        return text_part(block.text)
    return MessagePart("data", payload=block.model_dump())
