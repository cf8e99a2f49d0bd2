from __future__ import annotations

import os
import sys
from datetime import timedelta

sys.path.insert(0, os.path.dirname(__file__))

from servers import build_notes_server, build_weather_server

from toolbridge import SyncMCPAdapter
from toolbridge.sync import AdapterNotRunningError


def test_sync_adapter_runs_tools_from_plain_code() -> None:
    adapter = SyncMCPAdapter(
        {
            "weather": {"transport": "memory", "server": build_weather_server()},
            "notes": {"transport": "memory", "server": build_notes_server()},
        },
        call_timeout=timedelta(seconds=5),
    )
    with adapter as tools:
        names = {t.name for t in tools}
        assert {"weather__get_forecast", "notes__add_note"} <= names
        assert adapter.running and adapter.client is not None

        forecast = adapter.tool("weather__get_forecast")(city="Lima", days=2)
        assert forecast.artifact is not None
        assert forecast.artifact["structuredContent"]["high_c"] == [12.5, 14.0]

        stored = adapter.tool("notes__add_note").invoke('{"key": "k", "text": "v"}', timeout=5)
        assert stored.artifact == {"structuredContent": {"stored": "k", "count": 3}}

        failed = adapter.tool("weather__fail")(reason="ice")
        assert failed.isError

        handle = adapter.run(_server_label(adapter), timeout=5)
        assert handle == "weather"

    assert not adapter.running
    try:
        adapter.run(_server_label(adapter))
    except AdapterNotRunningError:
        pass
    else:
        raise AssertionError("closed adapter must refuse work")


async def _server_label(adapter: SyncMCPAdapter) -> str:
    assert adapter.client is not None
    return adapter.client.handle("weather").server_info.name
