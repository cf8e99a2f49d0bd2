"""Shared stream and factory aliases.

Every transport in streamkit hands out the same pair the SDK's own
transports do: a receive stream that may carry exceptions from the wire and a
send stream of outgoing session messages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, TypeAlias

from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream
from mcp.client.session import ClientSession
from mcp.shared.message import SessionMessage

ReadStream: TypeAlias = MemoryObjectReceiveStream[SessionMessage | Exception]
WriteStream: TypeAlias = MemoryObjectSendStream[SessionMessage]
StreamPair: TypeAlias = tuple[ReadStream, WriteStream]

# Anything that builds a ClientSession from (read, write, **kwargs): the class
# itself, a subclass, or a functools.partial with callbacks pre-bound.
SessionFactory: TypeAlias = Callable[..., ClientSession]

Direction: TypeAlias = Literal["client->server", "server->client"]
