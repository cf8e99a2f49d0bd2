"""Adapters from byte streams to the (read_stream, write_stream) pair MCP sessions use."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio
from anyio.abc import ByteReceiveStream, ByteSendStream, ByteStream
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream

from mcp.shared.message import SessionMessage
from rpk.framing import FrameDecoder, encode_line

log = logging.getLogger(__name__)

ReadStream = MemoryObjectReceiveStream[SessionMessage | Exception]
WriteStream = MemoryObjectSendStream[SessionMessage]


class LineTransport:
    """Newline-delimited JSON over any pair of anyio byte streams.

    Usage::

        async with LineTransport(proc.stdout, proc.stdin) as (read, write):
            async with ClientSession(read, write) as session:
                ...
    """

    def __init__(self, receive: ByteReceiveStream, send: ByteSendStream, *, buffer: int = 16):
        self._receive = receive
        self._send = send
        self._buffer = buffer
        self.frames_in = 0
        self.frames_out = 0
        self._tg: anyio.abc.TaskGroup | None = None

    async def __aenter__(self) -> tuple[ReadStream, WriteStream]:
        read_writer, read_stream = anyio.create_memory_object_stream[SessionMessage | Exception](self._buffer)
        write_stream, write_reader = anyio.create_memory_object_stream[SessionMessage](self._buffer)
        self._tg = anyio.create_task_group()
        await self._tg.__aenter__()
        self._tg.start_soon(self._pump_in, read_writer)
        self._tg.start_soon(self._pump_out, write_reader)
        return read_stream, write_stream

    async def __aexit__(self, *exc_info) -> bool | None:
        assert self._tg is not None
        self._tg.cancel_scope.cancel()
        return await self._tg.__aexit__(*exc_info)

    async def _pump_in(self, writer: MemoryObjectSendStream[SessionMessage | Exception]) -> None:
        decoder = FrameDecoder()
        async with writer:
            try:
                async for chunk in self._receive:
                    for item in decoder.feed(chunk):
                        if isinstance(item, SessionMessage):
                            self.frames_in += 1
                        await writer.send(item)
            except (anyio.EndOfStream, anyio.ClosedResourceError, anyio.BrokenResourceError):
                log.debug("inbound byte stream closed")

    async def _pump_out(self, reader: MemoryObjectReceiveStream[SessionMessage]) -> None:
        async with reader:
            async for message in reader:
                await self._send.send(encode_line(message))
                self.frames_out += 1


@asynccontextmanager
async def tcp_transport(host: str, port: int) -> AsyncIterator[tuple[ReadStream, WriteStream]]:
    stream: ByteStream = await anyio.connect_tcp(host, port)
    async with stream, LineTransport(stream, stream) as pair:
        yield pair


@asynccontextmanager
async def websocket_transport(url: str) -> AsyncIterator[tuple[ReadStream, WriteStream]]:
    """Connect over the SDK's websocket client (needs the ``mcp[ws]`` extra)."""
    try:
        from mcp.client.websocket import websocket_client
    except ImportError as exc:  # websockets not installed
        raise RuntimeError("websocket transport requires `pip install mcp[ws]`") from exc
    async with websocket_client(url) as (read, write):
        yield read, write


@asynccontextmanager
async def memory_pair(buffer: int = 16):
    """Two connected LineTransports over in-process byte pipes (handy for tests)."""
    a_send, b_recv = anyio.create_memory_object_stream[bytes](buffer)
    b_send, a_recv = anyio.create_memory_object_stream[bytes](buffer)
    async with (
        LineTransport(_BytesIn(a_recv), _BytesOut(a_send)) as side_a,
        LineTransport(_BytesIn(b_recv), _BytesOut(b_send)) as side_b,
    ):
        yield side_a, side_b


class _BytesIn(ByteReceiveStream):
    def __init__(self, stream: MemoryObjectReceiveStream[bytes]):
        self._stream = stream

    async def receive(self, max_bytes: int = 65536) -> bytes:
        return await self._stream.receive()

    async def aclose(self) -> None:
        await self._stream.aclose()


class _BytesOut(ByteSendStream):
    def __init__(self, stream: MemoryObjectSendStream[bytes]):
        self._stream = stream

    async def send(self, item: bytes) -> None:
        # split big frames to exercise the decoder's buffering
        for i in range(0, len(item), 512):
            await self._stream.send(item[i : i + 512])

    async def aclose(self) -> None:
        await self._stream.aclose()
