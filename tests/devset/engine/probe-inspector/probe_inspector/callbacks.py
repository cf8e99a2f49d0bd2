"""Answers to server-initiated requests (sampling, elicitation, roots) plus notification bookkeeping."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from pydantic import FileUrl

import mcp.types as types
from mcp import ClientSession
from mcp.shared.context import RequestContext
from mcp.shared.session import RequestResponder

logger = logging.getLogger(__name__)

ServerMessage = RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception


@dataclass
class ProgressRecorder:
    """A ``progress_callback`` that keeps every update and optionally echoes it."""

    echo: bool = False
    stream: TextIO | None = None
    events: list[tuple[float, float | None, str | None]] = field(default_factory=list)

    async def __call__(self, progress: float, total: float | None, message: str | None) -> None:
        self.events.append((progress, total, message))
        if self.echo:
            shown = f"{100.0 * progress / total:.1f}%" if total else f"{progress:g}"
            print(f"  .. {shown} {message or ''}".rstrip(), file=self.stream or sys.stdout)


@dataclass
class ClientCallbacks:
    sampling_reply: str = "(probe-inspector) {last}"
    sampling_model: str = "probe-echo-1"
    auto_accept_elicitation: bool = False
    elicitation_answers: dict[str, Any] = field(default_factory=dict)
    roots: list[Path] = field(default_factory=list)

    sampling_requests: list[types.CreateMessageRequestParams] = field(default_factory=list)
    elicitations: list[types.ElicitRequestParams] = field(default_factory=list)
    log_messages: list[types.LoggingMessageNotificationParams] = field(default_factory=list)
    changed_lists: set[str] = field(default_factory=set)
    updated_resources: list[str] = field(default_factory=list)
    server_requests: list[str] = field(default_factory=list)

    async def sampling(
        self, context: RequestContext[ClientSession, Any], params: types.CreateMessageRequestParams
    ) -> types.CreateMessageResult | types.ErrorData:
        self.sampling_requests.append(params)
        limit = params.maxTokens
        if limit <= 0 or not params.messages:
            return types.ErrorData(code=types.INVALID_PARAMS, message="nothing to sample")
        last = params.messages[-1]
        text = " ".join(b.text for b in last.content_as_list if isinstance(b, types.TextContent))
        prefs = params.modelPreferences
        hint = next((h.name for h in (prefs.hints or []) if h.name), None) if prefs else None
        words = self.sampling_reply.format(last=text, system=params.systemPrompt or "").split()
        stop_reason = "endTurn"
        if len(words) > limit:
            words, stop_reason = words[:limit], "maxTokens"
        content = types.TextContent(type="text", text=" ".join(words))
        return types.CreateMessageResult(
            role="assistant", content=content, model=hint or self.sampling_model, stopReason=stop_reason
        )

    async def elicitation(
        self, context: RequestContext[ClientSession, Any], params: types.ElicitRequestParams
    ) -> types.ElicitResult | types.ErrorData:
        self.elicitations.append(params)
        if isinstance(params, types.ElicitRequestURLParams):
            logger.info("server asked to open %s (elicitation %s)", params.url, params.elicitationId)
            return types.ElicitResult(action="decline")
        if not self.auto_accept_elicitation:
            return types.ElicitResult(action="decline")
        schema = params.requestedSchema
        content: dict[str, str | int | float | bool | list[str] | None] = {}
        for name, prop in schema.get("properties", {}).items():
            if name in self.elicitation_answers:
                content[name] = self.elicitation_answers[name]
            elif "default" in prop:
                content[name] = prop["default"]
        if set(schema.get("required", [])) - content.keys():
            return types.ElicitResult(action="cancel")
        return types.ElicitResult(action="accept", content=content)

    async def list_roots(self, context: RequestContext[ClientSession, Any]) -> types.ListRootsResult:
        return types.ListRootsResult(
            roots=[types.Root(uri=FileUrl(p.resolve().as_uri()), name=p.name or str(p)) for p in self.roots]
        )

    async def on_log(self, params: types.LoggingMessageNotificationParams) -> None:
        self.log_messages.append(params)
        logging.getLogger(f"server.{params.logger or 'root'}").info("[%s] %s", params.level, params.data)

    async def on_message(self, message: ServerMessage) -> None:
        match message:
            case types.ServerNotification(root=notification):
                self._on_notification(notification)
            case RequestResponder():
                self.server_requests.append(message.request.root.method)
            case Exception():
                logger.warning("transport error: %s", message)

    def _on_notification(self, notification: types.ServerNotificationType) -> None:
        match notification:
            case types.ToolListChangedNotification():
                self.changed_lists.add("tools")
            case types.ResourceListChangedNotification():
                self.changed_lists.add("resources")
            case types.PromptListChangedNotification():
                self.changed_lists.add("prompts")
            case types.ResourceUpdatedNotification(params=params):
                self.updated_resources.append(str(params.uri))
            case _:
                pass

    def log_lines(self) -> list[str]:
        return [f"[{m.level}] {m.logger or '-'}: {m.data}" for m in self.log_messages]
