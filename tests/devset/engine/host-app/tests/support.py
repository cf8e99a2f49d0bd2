"""Test plumbing: an in-memory transport opener and config helpers."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

import anyio

from mcp.server.fastmcp import FastMCP
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.shared.memory import create_client_server_memory_streams

from deskmate.config import HostConfig, ServerEntry, parse_config
from deskmate.transports import TransportHandle

TESTS_DIR = Path(__file__).resolve().parent
PROJECT_DIR = TESTS_DIR.parent
if str(TESTS_DIR) not in sys.path:
    sys.path.insert(0, str(TESTS_DIR))
logging.getLogger("mcp").setLevel(logging.WARNING)


class InMemoryOpener:
    """Connects config entries to in-process servers instead of real transports."""

    def __init__(self, servers: dict[str, Server[Any, Any] | FastMCP]) -> None:
        self.servers = servers
        self.opened: list[str] = []

    @asynccontextmanager
    async def open(self, entry: ServerEntry) -> AsyncIterator[TransportHandle]:
        target = self.servers[entry.name]
        lowlevel = target._mcp_server if isinstance(target, FastMCP) else target
        options = lowlevel.create_initialization_options(
            notification_options=NotificationOptions(tools_changed=True, resources_changed=True)
        )
        async with create_client_server_memory_streams() as (client_streams, server_streams):
            async with anyio.create_task_group() as tg:
                tg.start_soon(lambda: lowlevel.run(server_streams[0], server_streams[1], options))
                self.opened.append(entry.name)
                try:
                    yield TransportHandle(client_streams[0], client_streams[1], kind="memory")
                finally:
                    tg.cancel_scope.cancel()

    def __call__(self, entry: ServerEntry) -> AbstractAsyncContextManager[TransportHandle]:
        return self.open(entry)


def memory_config(*names: str, **extra: Any) -> HostConfig:
    document: dict[str, Any] = {
        "mcpServers": {name: {"command": f"{name}-server"} for name in names},
        "ui": {"logLevel": "debug"},
    }
    document.update(extra)
    return parse_config(document, environ={})


def child_pythonpath() -> str:
    entries = [str(PROJECT_DIR)] + [
        os.path.abspath(item) for item in os.environ.get("PYTHONPATH", "").split(os.pathsep) if item
    ]
    return os.pathsep.join(dict.fromkeys(entries))
