from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path

from mcp import types

from sandboxfs.client import SandboxTimeout
from tests.support import connected, make_tree, ok, wrap


class ProgressRecorder:
    def __init__(self) -> None:
        self.events: list[tuple[float, float | None, str | None]] = []

    async def __call__(self, progress: float, total: float | None, message: str | None) -> None:
        self.events.append((progress, total, message))


async def test_search_reports_cumulative_progress() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = make_tree(Path(tmp))
        for i in range(25):
            (root / "logs" / f"extra_{i:02d}.txt").write_text("x")
        async with connected(root) as h:
            recorder = ProgressRecorder()
            result = await h.session.call_tool(
                "search_files", {"path": ".", "pattern": "*.log", "excludePatterns": ["src"]}, progress_callback=recorder
            )
            assert len(ok(result).splitlines()) == 12
            values = [p for p, _, _ in recorder.events]
            assert values == sorted(values) and values[-1] == recorder.events[-1][1] == 3 + 2 + 12 + 25
            assert recorder.events[-1][2] == "12 matches so far"
            assert ok(await h.session.call_tool("search_files", {"path": "src", "pattern": "*.py"})).count(".py") == 2


async def test_log_messages_follow_client_level() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        async with connected(make_tree(Path(tmp))) as h:
            await h.session.call_tool("search_files", {"path": ".", "pattern": "*.md"})
            assert {log.level for log in h.log.logs} == {"debug", "info"}
            assert all(log.logger == "sandboxfs" for log in h.log.logs)
            assert h.log.logs[0].data == {"tool": "search_files", "arguments": ["path", "pattern"]}
            assert h.log.of_type(types.LoggingMessageNotification)

            h.log.logs.clear()
            await h.session.set_logging_level("warning")
            await h.session.call_tool("search_files", {"path": ".", "pattern": "*.md"})
            assert h.log.logs == []


async def test_client_wrapper_timeouts_and_ping() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        async with connected(make_tree(Path(tmp))) as h:
            client = wrap(h.session)
            assert client.server_label == f"sandboxfs 0.6.2 (protocol {types.LATEST_PROTOCOL_VERSION})"
            assert await client.ping()
            readme = next(r.uri for r in await client.resources() if r.name == "README.md")
            assert (await client.read_text(readme)).startswith("# Demo project")
            try:
                await client.call("search_files", {"path": ".", "pattern": "*"}, timeout=timedelta(microseconds=1))
            except SandboxTimeout as exc:
                assert "did not answer in time" in str(exc)
            else:
                raise AssertionError("expected a timeout")
