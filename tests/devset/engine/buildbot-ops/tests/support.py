"""Shared helpers for the buildops test-suite."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from mcp.client.session import ClientSession, ElicitationFnT, SamplingFnT
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.shared.session import RequestResponder
from mcp.types import ClientResult, LoggingMessageNotificationParams, ServerNotification, ServerRequest

from buildops import subscriptions
from buildops.app import get_server
from buildops.server import BUILD_QUEUE


def reset_state() -> None:
    BUILD_QUEUE.clear()
    subscriptions.reset()


@dataclass
class Inbox:
    """message_handler that keeps every server notification (unwrapped) and every exception."""

    notifications: list[Any] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    errors: list[Exception] = field(default_factory=list)

    async def __call__(
        self,
        message: RequestResponder[ServerRequest, ClientResult] | ServerNotification | Exception,
    ) -> None:
        if isinstance(message, ServerNotification):
            self.notifications.append(message.root)
        elif isinstance(message, Exception):
            self.errors.append(message)
        else:
            self.requests.append(message.request.root.method)

    def of_type(self, kind: type[Any]) -> list[Any]:
        return [n for n in self.notifications if isinstance(n, kind)]


@dataclass
class LogSink:
    records: list[LoggingMessageNotificationParams] = field(default_factory=list)

    async def __call__(self, params: LoggingMessageNotificationParams) -> None:
        self.records.append(params)

    def messages(self, level: str | None = None) -> list[str]:
        return [str(r.data) for r in self.records if level is None or r.level == level]


@asynccontextmanager
async def connect(
    *,
    inbox: Inbox | None = None,
    logs: LogSink | None = None,
    sampling_callback: SamplingFnT | None = None,
    elicitation_callback: ElicitationFnT | None = None,
) -> AsyncIterator[ClientSession]:
    server = get_server()
    async with create_connected_server_and_client_session(
        server._mcp_server,
        message_handler=inbox,
        logging_callback=logs,
        sampling_callback=sampling_callback,
        elicitation_callback=elicitation_callback,
        raise_exceptions=False,
    ) as session:
        yield session


def seed_builds(pipeline: str = "api-gateway", count: int = 3, *, fail_every: int = 0) -> list[str]:
    ids: list[str] = []
    for n in range(1, count + 1):
        build = BUILD_QUEUE.enqueue(pipeline, requested_by="seed")
        fail = "test" if fail_every and n % fail_every == 0 else None
        while BUILD_QUEUE.advance(build.build_id, fail_step=fail) is not None:
            pass
        ids.append(build.build_id)
    return ids
