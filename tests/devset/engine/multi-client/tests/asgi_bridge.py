"""httpx transport that runs an ASGI app in-process and streams its response body.

httpx.ASGITransport buffers whole responses, which never completes for SSE streams.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio
import httpx
from anyio.abc import TaskGroup
from anyio.streams.memory import MemoryObjectReceiveStream
from starlette.types import ASGIApp, Message


class _ChunkStream(httpx.AsyncByteStream):
    def __init__(self, chunks: MemoryObjectReceiveStream[bytes], disconnected: anyio.Event) -> None:
        self._chunks, self._disconnected = chunks, disconnected

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._chunks:
            yield chunk

    async def aclose(self) -> None:
        self._disconnected.set()
        await self._chunks.aclose()


class StreamingASGITransport(httpx.AsyncBaseTransport):
    def __init__(self, app: ASGIApp, task_group: TaskGroup) -> None:
        self.app, self._tg = app, task_group
        self.requests: list[tuple[str, str, str | None]] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = await request.aread()
        self.requests.append((request.method, request.url.path, request.headers.get("authorization")))
        scope: dict[str, Any] = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": request.method,
            "scheme": request.url.scheme,
            "path": request.url.path,
            "raw_path": request.url.raw_path.split(b"?")[0],
            "root_path": "",
            "query_string": request.url.query,
            "headers": [(k.lower(), v) for k, v in request.headers.raw],
            "client": ("127.0.0.1", 50000),
            "server": (request.url.host, request.url.port or 80),
        }
        send_chunk, recv_chunk = anyio.create_memory_object_stream[bytes](64)
        started, disconnected = anyio.Event(), anyio.Event()
        head: dict[str, Any] = {"status": 500, "headers": []}
        pending = [{"type": "http.request", "body": body, "more_body": False}]

        async def receive() -> Message:
            if pending:
                return pending.pop()
            await disconnected.wait()
            return {"type": "http.disconnect"}

        async def send(message: Message) -> None:
            if message["type"] == "http.response.start":
                head.update(status=message["status"], headers=message.get("headers", []))
                started.set()
            elif message["type"] == "http.response.body":
                try:
                    if message.get("body"):
                        await send_chunk.send(message["body"])
                    if not message.get("more_body", False):
                        await send_chunk.aclose()
                except (anyio.ClosedResourceError, anyio.BrokenResourceError):
                    disconnected.set()

        async def run_app() -> None:
            try:
                await self.app(scope, receive, send)
            finally:
                started.set()
                await send_chunk.aclose()

        self._tg.start_soon(run_app)
        await started.wait()
        headers = [(bytes(k), bytes(v)) for k, v in head["headers"]]
        return httpx.Response(head["status"], headers=headers, stream=_ChunkStream(recv_chunk, disconnected), request=request)


@asynccontextmanager
async def serving(app: ASGIApp) -> AsyncIterator[StreamingASGITransport]:
    """Run `app` for the duration of the block and yield a transport bound to it."""
    async with anyio.create_task_group() as tg:
        yield StreamingASGITransport(app, tg)
        tg.cancel_scope.cancel()
