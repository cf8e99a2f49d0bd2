"""Recording message/logging handlers for client sessions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import anyio
import mcp.types as types
from mcp.shared.session import RequestResponder


@dataclass
class MessageRecorder:
    """A ``message_handler`` that keeps everything the server pushed."""

    notifications: list[types.ServerNotification] = field(default_factory=list)
    requests: list[types.ServerRequest] = field(default_factory=list)
    errors: list[Exception] = field(default_factory=list)

    async def __call__(
        self,
        message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception,
    ) -> None:
        if isinstance(message, Exception):
            self.errors.append(message)
        elif isinstance(message, types.ServerNotification):
            self.notifications.append(message)
        else:
            self.requests.append(message.request)
        await anyio.lowlevel.checkpoint()

    def of_type(self, kind: type[Any]) -> list[Any]:
        """Unwrap recorded notifications of one concrete type."""
        return [n.root for n in self.notifications if isinstance(n.root, kind)]

    @property
    def log_messages(self) -> list[types.LoggingMessageNotificationParams]:
        return [n.params for n in self.of_type(types.LoggingMessageNotification)]

    @property
    def progress(self) -> list[tuple[float, float | None]]:
        return [(n.params.progress, n.params.total) for n in self.of_type(types.ProgressNotification)]

    def methods(self) -> list[str]:
        return [n.root.method for n in self.notifications]

    def clear(self) -> None:
        self.notifications.clear()
        self.requests.clear()
        self.errors.clear()


class LogCollector:
    """A ``logging_callback`` that stores log records by level."""

    def __init__(self) -> None:
        self.records: list[types.LoggingMessageNotificationParams] = []

    async def __call__(self, params: types.LoggingMessageNotificationParams) -> None:
        self.records.append(params)

    def at(self, level: types.LoggingLevel) -> list[Any]:
        return [r.data for r in self.records if r.level == level]
