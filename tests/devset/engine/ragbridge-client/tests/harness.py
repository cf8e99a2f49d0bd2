"""Connect a TracingClientSession to the fixture server over memory streams."""

from __future__ import annotations

import os
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "src"))

from knowledge_server import kb  # noqa: E402
from mcp.shared.memory import create_client_server_memory_streams  # noqa: E402

from ragbridge.session import TracingClientSession  # noqa: E402


@asynccontextmanager
async def traced_session(**kwargs: Any) -> AsyncIterator[TracingClientSession]:
    server = kb._mcp_server
    async with create_client_server_memory_streams() as (client_streams, server_streams):
        async with anyio.create_task_group() as tg:
            tg.start_soon(lambda: server.run(*server_streams, server.create_initialization_options()))
            async with TracingClientSession(*client_streams, **kwargs) as session:
                await session.initialize()
                yield session
            tg.cancel_scope.cancel()
