"""Shared test plumbing: a fresh data directory per test and an in-memory session."""

from __future__ import annotations

import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

from mcp import ClientSession
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.types import CallToolResult, Implementation

from syncdesk.app import SETTINGS, use_settings
from syncdesk.server import mcp
from syncdesk.settings import DeskSettings


def fresh_settings(**overrides: Any) -> DeskSettings:
    root = Path(tempfile.mkdtemp(prefix="syncdesk-test-"))
    settings = SETTINGS.with_root(root)
    if overrides:
        from dataclasses import replace

        settings = replace(settings, **overrides)
    use_settings(settings)
    return settings


@asynccontextmanager
async def connected(**kwargs: Any) -> AsyncIterator[ClientSession]:
    """A client session talking to the syncdesk server over memory streams."""
    fresh_settings()
    async with create_connected_server_and_client_session(
        mcp._mcp_server,
        read_timeout_seconds=timedelta(seconds=10),
        client_info=Implementation(name="pytest-agent", version="0.0.1"),
        **kwargs,
    ) as session:
        yield session


def first_text(result: CallToolResult) -> str:
    block = result.content[0]
    assert block.type == "text", block
    return block.text
