from __future__ import annotations

import os
import sys
from datetime import timedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pydantic import AnyUrl  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402
from support import connect, fresh_app, structured, text_of  # noqa: E402

from pluginhost.events import EventLog  # noqa: E402
from pluginhost.remote import call_with_retry, result_text  # noqa: E402
from pluginhost.web import build_asgi  # noqa: E402


async def test_host_status_reads_ambient_context() -> None:
    app = fresh_app()
    async with connect(app) as session:
        await session.call_tool("add_note", {"topic": "a", "text": "b"})
        status = structured(await session.call_tool("host_status", {}))
        assert status["server"] == "pluginhost"
        assert status["calls"] == {"add_note": 1}
        assert status["loop_running"] is True
        info = structured(await session.call_tool("host_info", {}))
        assert info["plugins"] == ["notes", "files", "assistant", "ops"]


async def test_logging_level_and_broadcast() -> None:
    app = fresh_app("ops")
    events = EventLog()
    async with connect(app, events) as session:
        await session.set_logging_level("warning")
        status = structured(await session.call_tool("host_status", {}))
        assert status["log_level"] == "warning"
        assert text_of(await session.call_tool("announce", {})) == "announced"
    assert events.list_changed == ["tools"]
    assert events.logs[-1].level == "notice"
    assert events.logs[-1].data == {"event": "tools_changed"}


async def test_subscription_gets_resource_updates() -> None:
    app = fresh_app("notes,ops")
    events = EventLog()
    async with connect(app, events) as session:
        await session.subscribe_resource(AnyUrl("notes://alpha"))
        await session.call_tool("add_note", {"topic": "alpha", "text": "one"})
        await session.call_tool("add_note", {"topic": "beta", "text": "two"})
        await session.unsubscribe_resource(AnyUrl("notes://alpha"))
        await session.call_tool("add_note", {"topic": "alpha", "text": "three"})
    assert events.updated == ["notes://alpha"]


async def test_catalog_pages() -> None:
    app = fresh_app("notes,files,assistant,ops,weather")
    async with connect(app) as session:
        seen: list[str] = []
        cursor: str | None = None
        pages = 0
        while True:
            args = {"cursor": cursor} if cursor else {}
            page = structured(await session.call_tool("plugin_catalog", args))
            seen.extend(entry["name"] for entry in page["plugins"])
            pages += 1
            cursor = page["nextCursor"]
            if cursor is None:
                break
        assert seen == ["notes", "files", "assistant", "ops", "weather"]
        assert pages == 3
        assert page["plugins"][-1]["isError"] is True


async def test_retry_after_timeout() -> None:
    app = fresh_app("ops")
    async with connect(app) as session:
        result = await call_with_retry(
            session, "flaky_sleep", {"seconds": 2.0}, attempts=3, timeout=timedelta(milliseconds=300)
        )
        assert result_text(result) == "attempt 2"


def test_healthz_route() -> None:
    fresh_app("notes,ops")
    with TestClient(build_asgi()) as client:
        response = client.get("/healthz")
        assert response.status_code == 200
        assert response.json() == {"status": "ok", "plugins": ["notes", "ops"]}
