"""Shared fixtures: a sample directory tree and an in-memory client/server pair."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from mcp.client.session import ClientSession, ElicitationFnT
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.types import LATEST_PROTOCOL_VERSION, CallToolResult, Implementation, InitializeResult, ServerCapabilities

from sandboxfs import SandboxSettings, build_server
from sandboxfs.client import NotificationLog, RootsProvider, SandboxClient, result_text


def tiny_png() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + bytes(range(32))


def make_tree(base: Path) -> Path:
    root = base / "project"
    for sub in ("src", "data", "logs"):
        (root / sub).mkdir(parents=True)
    (root / "README.md").write_text("# Demo project\n\nUsed by the sandboxfs tests.\n")
    (root / "src" / "app.py").write_text("def main():\n    print('hello')\n")
    (root / "src" / "util.py").write_text("".join(f"line {i}\n" for i in range(1, 21)))
    (root / "data" / "config.json").write_text('{"name": "demo", "debug": false}\n')
    (root / "data" / "logo.png").write_bytes(tiny_png())
    for i in range(12):
        (root / "logs" / f"run_{i:02d}.log").write_text(f"run {i} ok\n")
    return root


@dataclass
class Harness:
    session: ClientSession
    log: NotificationLog


@asynccontextmanager
async def connected(
    root: Path | None,
    *,
    page_size: int = 50,
    roots: RootsProvider | None = None,
    read_only: Sequence[Path] = (),
    elicitation: ElicitationFnT | None = None,
) -> AsyncIterator[Harness]:
    settings = SandboxSettings(
        allowed_roots=[root] if root else [],
        read_only_roots=list(read_only),
        page_size=page_size,
        use_client_roots=roots is not None,
        log_level="debug",
    )
    log = NotificationLog()
    async with create_connected_server_and_client_session(
        build_server(settings),
        read_timeout_seconds=timedelta(seconds=10),
        list_roots_callback=roots,
        logging_callback=log.on_log,
        message_handler=log,
        elicitation_callback=elicitation,
    ) as session:
        yield Harness(session, log)


def wrap(session: ClientSession) -> SandboxClient:
    """A SandboxClient over an already-initialized in-memory session."""
    init = InitializeResult(
        protocolVersion=LATEST_PROTOCOL_VERSION,
        capabilities=session.get_server_capabilities() or ServerCapabilities(),
        serverInfo=Implementation(name="sandboxfs", version="0.6.2"),
    )
    return SandboxClient(session, init)


def ok(result: CallToolResult) -> str:
    assert not result.isError, result.content
    return result_text(result)


def failure(result: CallToolResult) -> str:
    assert result.isError, result.content
    return result_text(result)


def structured(result: CallToolResult) -> dict[str, Any]:
    ok(result)
    assert result.structuredContent is not None
    return result.structuredContent
