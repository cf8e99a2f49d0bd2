from __future__ import annotations

import os
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any
from unittest import mock

import anyio
import httpx

sys.path.insert(0, os.path.dirname(__file__))

from harness import CONTACT, SYMPTOMS  # noqa: E402

from mcp.shared.memory import create_client_server_memory_streams  # noqa: E402

from intakedesk.asgi import build_app  # noqa: E402
from intakedesk.kiosk import AnswerBook, DeskUnavailable, connect_http, probe_health  # noqa: E402
from intakedesk.server import mcp  # noqa: E402


async def test_connect_http_configures_transport_and_runs_a_visit() -> None:
    seen: dict[str, Any] = {}

    @asynccontextmanager
    async def fake_streamablehttp_client(url: str, **kwargs: Any) -> AsyncIterator[Any]:
        seen["url"] = url
        seen.update(kwargs)
        server = mcp._mcp_server
        async with create_client_server_memory_streams() as (client_streams, server_streams):
            async with anyio.create_task_group() as tg:
                tg.start_soon(
                    lambda: server.run(server_streams[0], server_streams[1], server.create_initialization_options())
                )
                yield client_streams[0], client_streams[1], lambda: "desk-session-7"
                tg.cancel_scope.cancel()

    answers = AnswerBook({"ContactDetails": CONTACT, "SymptomCheck": SYMPTOMS})
    with mock.patch("intakedesk.kiosk.streamablehttp_client", fake_streamablehttp_client):
        async with connect_http("http://desk.local:8765/mcp", answers, token="s3cret") as kiosk:
            outcome = await kiosk.call("start_intake", {"form_id": "new-patient"})
            index = await kiosk.tool_index()

    assert seen["url"] == "http://desk.local:8765/mcp"
    assert seen["headers"] == {"Authorization": "Bearer s3cret"}
    assert seen["timeout"] == timedelta(seconds=15)
    assert seen["sse_read_timeout"] == timedelta(minutes=10)
    assert kiosk.http_session_id == "desk-session-7"
    assert kiosk.server_name == "clinic-intake"
    assert outcome.ok
    assert index["queue_snapshot"]["readOnly"] is True
    assert index["queue_snapshot"]["structured"] is True
    assert index["start_intake"]["required"] == ["form_id"]
    assert index["start_intake"]["title"] == "Start intake"


async def test_health_probe_against_the_mounted_app() -> None:
    app = build_app(json_response=True)
    transport = httpx.ASGITransport(app=app)
    body = await probe_health("http://desk.test/desk", transport=transport)

    assert body["status"] == "ok"
    assert body["name"] == "clinic-intake"
    assert body["serverName"] == "Riverside Family Clinic"
    assert body["listen"] == {"host": mcp.settings.host, "port": mcp.settings.port}
    assert body["http"] == {"path": "/mcp", "sse": "/sse"}
    assert mcp.settings.json_response is True
    mcp.settings.json_response = False


async def test_health_probe_reports_unreachable_and_failing_desks() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    def broken(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503, json={"status": "starting"})

    errors: list[str] = []
    for handler in (refuse, broken):
        try:
            await probe_health("http://desk.invalid", transport=httpx.MockTransport(handler))
        except DeskUnavailable as exc:
            errors.append(str(exc))

    assert errors == ["desk at http://desk.invalid is not reachable", "desk answered 503"]
