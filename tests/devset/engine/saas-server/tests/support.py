"""Shared helpers for the test-suite: a server wired to the fake backend and client callbacks."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import mcp.types as types
from mcp.client.session import ClientSession
from mcp.server.fastmcp import FastMCP
from mcp.shared.context import RequestContext
from mcp.shared.memory import create_connected_server_and_client_session

from fake_api import TOKEN, FakeIssueDesk
from issuedesk.config import ServerSettings
from issuedesk.remote import NotificationRecorder
from issuedesk.server import create_server
from issuedesk.state import AppContext


def make_settings(**overrides: Any) -> ServerSettings:
    base = ServerSettings(api_url="https://fake.issuedesk.test", api_token=TOKEN, workspace="acme")
    return base.with_overrides(**overrides)


def make_server(fake: FakeIssueDesk | None = None, **overrides: Any) -> tuple[FastMCP[AppContext], FakeIssueDesk]:
    fake = fake or FakeIssueDesk()
    return create_server(make_settings(**overrides), http_transport=fake.transport()), fake


@dataclass
class ClientLog:
    """Collects what the client received through the typed callbacks."""

    log_messages: list[types.LoggingMessageNotificationParams] = field(default_factory=list)
    sampling_requests: list[types.CreateMessageRequestParams] = field(default_factory=list)
    elicitations: list[types.ElicitRequestParams] = field(default_factory=list)

    async def on_log(self, params: types.LoggingMessageNotificationParams) -> None:
        self.log_messages.append(params)

    def texts(self, level: str | None = None) -> list[str]:
        return [str(p.data) for p in self.log_messages if level is None or p.level == level]


def canned_sampler(reply: str, log: ClientLog, *, stop_reason: str = "endTurn"):
    async def sampling_callback(
        context: RequestContext[ClientSession, Any], params: types.CreateMessageRequestParams
    ) -> types.CreateMessageResult:
        log.sampling_requests.append(params)
        return types.CreateMessageResult(
            role="assistant",
            content=types.TextContent(type="text", text=reply),
            model="fake-llm-1",
            stopReason=stop_reason,
        )

    return sampling_callback


def elicitation_answer(log: ClientLog, action: str = "accept", content: dict[str, Any] | None = None):
    async def elicitation_callback(
        context: RequestContext[ClientSession, Any], params: types.ElicitRequestParams
    ) -> types.ElicitResult | types.ErrorData:
        log.elicitations.append(params)
        if not isinstance(params, types.ElicitRequestFormParams):
            return types.ErrorData(code=types.INVALID_REQUEST, message="only form elicitation is supported")
        if "confirm" not in params.requestedSchema.get("properties", {}):
            return types.ErrorData(code=types.INVALID_PARAMS, message="unexpected schema")
        if action == "accept":
            return types.ElicitResult(action="accept", content=content or {"confirm": True})
        return types.ElicitResult(action="decline")

    return elicitation_callback


@asynccontextmanager
async def connected(
    fake: FakeIssueDesk | None = None,
    *,
    log: ClientLog | None = None,
    recorder: NotificationRecorder | None = None,
    sampling_reply: str | None = None,
    elicitation: str | None = None,
    elicitation_content: dict[str, Any] | None = None,
    **overrides: Any,
) -> AsyncIterator[ClientSession]:
    server, _ = make_server(fake, **overrides)
    log = log or ClientLog()
    async with create_connected_server_and_client_session(
        server._mcp_server,
        read_timeout_seconds=timedelta(seconds=10),
        logging_callback=log.on_log,
        message_handler=recorder,
        sampling_callback=canned_sampler(sampling_reply, log) if sampling_reply is not None else None,
        elicitation_callback=elicitation_answer(log, elicitation, elicitation_content) if elicitation else None,
        raise_exceptions=False,
    ) as session:
        yield session


def text_of(result: types.CallToolResult) -> str:
    parts = [block.text for block in result.content if isinstance(block, types.TextContent)]
    return "\n".join(parts)
