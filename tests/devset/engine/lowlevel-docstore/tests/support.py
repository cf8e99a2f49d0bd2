"""Shared helpers for the docstore tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

import anyio

from mcp.client.session import ClientSession
from mcp.shared.memory import create_client_server_memory_streams

from docstore.client import DocstoreClient, NotificationLog
from docstore.config import DocstoreSettings
from docstore.seed import seed_store
from docstore.server import DocstoreServer, build_server
from docstore.storage import DocumentStore


def make_server(**http: object) -> DocstoreServer:
    settings = DocstoreSettings(page_size=4, prompt_page_size=1, max_document_bytes=4096)
    for key, value in http.items():
        setattr(settings.http, key, value)
    return build_server(seed_store(DocumentStore(max_document_bytes=4096)), settings)


@asynccontextmanager
async def connect(server: DocstoreServer) -> AsyncIterator[DocstoreClient]:
    """Run ``server`` on in-memory streams and yield a connected client."""
    notifications = NotificationLog()
    async with create_client_server_memory_streams() as (client_streams, server_streams):
        async with anyio.create_task_group() as tg:
            tg.start_soon(lambda: server.run(*server_streams, server.create_initialization_options()))
            try:
                async with ClientSession(
                    *client_streams,
                    read_timeout_seconds=timedelta(seconds=10),
                    message_handler=notifications,
                    logging_callback=notifications.on_log,
                ) as session:
                    init = await session.initialize()
                    yield DocstoreClient(session, init, notifications)
            finally:
                tg.cancel_scope.cancel()
