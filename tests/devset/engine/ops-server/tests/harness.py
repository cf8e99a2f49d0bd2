"""Shared helpers for the opsdeck tests: an in-memory deck plus recorders."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import httpx
from mcp import ClientSession
from mcp.client.session import ElicitationFnT
from mcp.server.fastmcp import FastMCP
from mcp.shared.context import RequestContext
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.types import ElicitRequestParams, ElicitResult, ErrorData, Implementation, LoggingMessageNotificationParams

from opsdeck.client import NotificationLog
from opsdeck.config import DeckSettings
from opsdeck.inventory import ClusterInventory, demo_inventory
from opsdeck.server import build_server
from opsdeck.state import AppState


@dataclass
class Deck:
    mcp: FastMCP[AppState]
    inventory: ClusterInventory
    webhook_calls: list[httpx.Request] = field(default_factory=list)


def make_deck(**overrides: Any) -> Deck:
    settings = DeckSettings(**overrides)
    inventory = demo_inventory(settings.cluster)
    calls: list[httpx.Request] = []

    def hook(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(200, json={"ok": True})

    mcp = build_server(
        settings,
        inventory=inventory,
        webhook_transport=httpx.MockTransport(hook),
    )
    return Deck(mcp=mcp, inventory=inventory, webhook_calls=calls)


@dataclass
class Recorder:
    logs: list[LoggingMessageNotificationParams] = field(default_factory=list)
    progress: list[tuple[float, float | None, str | None]] = field(default_factory=list)
    notifications: NotificationLog = field(default_factory=NotificationLog)

    async def on_log(self, params: LoggingMessageNotificationParams) -> None:
        self.logs.append(params)

    async def on_progress(self, progress: float, total: float | None, message: str | None) -> None:
        self.progress.append((progress, total, message))


def answer_with(action: str, **content: Any) -> ElicitationFnT:
    async def callback(
        context: RequestContext[ClientSession, Any], params: ElicitRequestParams
    ) -> ElicitResult | ErrorData:
        if action == "accept":
            return ElicitResult(action="accept", content=content)
        return ElicitResult(action="decline" if action == "decline" else "cancel")

    return callback


@asynccontextmanager
async def open_session(
    deck: Deck,
    recorder: Recorder | None = None,
    elicitation: ElicitationFnT | None = None,
) -> AsyncIterator[ClientSession]:
    recorder = recorder or Recorder()
    async with create_connected_server_and_client_session(
        deck.mcp._mcp_server,
        read_timeout_seconds=timedelta(seconds=10),
        logging_callback=recorder.on_log,
        message_handler=recorder.notifications,
        elicitation_callback=elicitation,
        client_info=Implementation(name="opsdeck-tests", version="0.0.1"),
        raise_exceptions=False,
    ) as session:
        yield session
