"""In-memory client/server wiring shared by the test modules."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

from mcp.shared.memory import create_connected_server_and_client_session
from mcp.types import Implementation

from formflow.autofill import ScriptedResponder
from formflow.client import FormflowClient
from formflow.server import mcp

CLIENT_INFO = Implementation(name="formflow-tests", version="0.0.1")


@asynccontextmanager
async def connect(responder: ScriptedResponder | None = None) -> AsyncIterator[FormflowClient]:
    responder = responder if responder is not None else ScriptedResponder()
    async with create_connected_server_and_client_session(
        mcp._mcp_server,
        read_timeout_seconds=timedelta(seconds=10),
        sampling_callback=responder.on_sample,
        list_roots_callback=responder.on_list_roots,
        logging_callback=responder.on_log,
        message_handler=responder.on_message,
        client_info=CLIENT_INFO,
        elicitation_callback=responder.on_elicit,
    ) as session:
        yield FormflowClient(session)


class ProgressLog:
    def __init__(self) -> None:
        self.events: list[tuple[float, float | None, str | None]] = []

    async def __call__(self, progress: float, total: float | None, message: str | None) -> None:
        self.events.append((progress, total, message))
