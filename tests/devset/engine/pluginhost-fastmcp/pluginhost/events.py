"""Client-side recording of server notifications, used by the CLI trace mode and tests."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import mcp.types as types
from mcp.shared.session import RequestResponder

IncomingMessage = RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception


@dataclass
class ProgressEvent:
    token: types.ProgressToken
    progress: float
    total: float | None
    message: str | None


@dataclass
class EventLog:
    logs: list[types.LoggingMessageNotificationParams] = field(default_factory=list)
    progress: list[ProgressEvent] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    list_changed: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    errors: list[Exception] = field(default_factory=list)

    async def on_log(self, params: types.LoggingMessageNotificationParams) -> None:
        self.logs.append(params)

    async def on_progress(self, progress: float, total: float | None, message: str | None) -> None:
        self.progress.append(ProgressEvent("callback", progress, total, message))

    async def handle(self, message: IncomingMessage) -> None:
        if isinstance(message, Exception):
            self.errors.append(message)
            return
        if isinstance(message, RequestResponder):
            self.requests.append(message.request.root.method)
            return
        notification = message.root
        if isinstance(notification, types.ProgressNotification):
            p = notification.params
            self.progress.append(ProgressEvent(p.progressToken, p.progress, p.total, p.message))
        elif isinstance(notification, types.ResourceUpdatedNotification):
            self.updated.append(str(notification.params.uri))
        elif isinstance(notification, types.ToolListChangedNotification):
            self.list_changed.append("tools")
        elif isinstance(notification, types.ResourceListChangedNotification):
            self.list_changed.append("resources")

    def log_lines(self) -> list[str]:
        return [f"[{p.level}] {p.logger or '-'}: {p.data}" for p in self.logs]


def parse_frames(lines: Iterable[str]) -> list[types.JSONRPCRequest | types.JSONRPCNotification | types.JSONRPCResponse | types.JSONRPCError]:
    """Parse newline-delimited JSON-RPC frames (as written by the stdio transport)."""
    frames: list[Any] = []
    for line in lines:
        line = line.strip()
        if not line:
            continue
        frames.append(types.JSONRPCMessage.model_validate_json(line).root)
    return frames


def frame_summary(frame: types.JSONRPCRequest | types.JSONRPCNotification | types.JSONRPCResponse | types.JSONRPCError) -> str:
    if isinstance(frame, types.JSONRPCRequest):
        return f"-> {frame.method} #{frame.id}"
    if isinstance(frame, types.JSONRPCNotification):
        return f"-> {frame.method}"
    if isinstance(frame, types.JSONRPCError):
        return f"<- error #{frame.id} {frame.error.code}: {frame.error.message}"
    return f"<- result #{frame.id} {json.dumps(sorted(frame.result))}"
