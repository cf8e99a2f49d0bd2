"""A custom MCP transport over any pair of text object streams.

Useful when the bytes travel over something the SDK has no transport for: a
browser bridge, a message queue, an IPC channel. One JSON-RPC message per
frame; framing is handled by ``streamkit.codec``.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio
from anyio.abc import ObjectReceiveStream, ObjectSendStream
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream
from mcp.shared.message import SessionMessage

from streamkit._types import StreamPair
from streamkit.codec import decode, encode

logger = logging.getLogger(__name__)

TextEnd = tuple[ObjectSendStream[str], ObjectReceiveStream[str]]


def text_channel_pair(buffer: int = 16) -> tuple[TextEnd, TextEnd]:
    """Two connected ends of a text channel (like a socketpair for frames)."""
    a_to_b_send, a_to_b_recv = anyio.create_memory_object_stream[str](buffer)
    b_to_a_send, b_to_a_recv = anyio.create_memory_object_stream[str](buffer)
    return (a_to_b_send, b_to_a_recv), (b_to_a_send, a_to_b_recv)


async def _read_frames(
    incoming: ObjectReceiveStream[str],
    sink: MemoryObjectSendStream[SessionMessage | Exception],
) -> None:
    async with sink:
        try:
            async for frame in incoming:
                try:
                    message = decode(frame)
                except ValueError as exc:
                    logger.warning("undecodable frame: %.80s", frame)
                    await sink.send(exc)
                    continue
                await sink.send(message)
        except anyio.EndOfStream:
            pass
        except (anyio.ClosedResourceError, anyio.BrokenResourceError):
            logger.debug("text channel closed while reading")


async def _write_frames(source: MemoryObjectReceiveStream[SessionMessage], outgoing: ObjectSendStream[str]) -> None:
    async with source:
        async for message in source:
            try:
                await outgoing.send(encode(message))
            except (anyio.ClosedResourceError, anyio.BrokenResourceError):
                logger.debug("text channel closed while writing")
                return


@asynccontextmanager
async def text_channel_transport(end: TextEnd) -> AsyncIterator[StreamPair]:
    """Adapt one end of a text channel to the (read, write) pair MCP sessions use.

    Works for either role: hand the pair to ``ClientSession`` or to
    ``Server.run``.
    """
    outgoing, incoming = end
    read_writer: MemoryObjectSendStream[SessionMessage | Exception]
    read_stream: MemoryObjectReceiveStream[SessionMessage | Exception]
    write_stream: MemoryObjectSendStream[SessionMessage]
    write_reader: MemoryObjectReceiveStream[SessionMessage]
    read_writer, read_stream = anyio.create_memory_object_stream(0)
    write_stream, write_reader = anyio.create_memory_object_stream(0)

    async with anyio.create_task_group() as tg:
        tg.start_soon(_read_frames, incoming, read_writer)
        tg.start_soon(_write_frames, write_reader, outgoing)
        try:
            yield read_stream, write_stream
        finally:
            tg.cancel_scope.cancel()
            await read_stream.aclose()
            await write_stream.aclose()
