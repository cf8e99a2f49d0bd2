"""A JSON-RPC tap on the hub's upstream links, for debugging and metrics."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream
from pydantic import ValidationError

from mcp.shared.message import SessionMessage
from mcp.types import JSONRPCError, JSONRPCMessage, JSONRPCNotification, JSONRPCRequest, JSONRPCResponse


@dataclass(frozen=True)
class Frame:
    upstream: str
    method: str | None
    request_id: str | int | None
    raw: str


@dataclass
class WireTap:
    """Records every frame the hub sends to its in-process upstreams."""

    frames: list[Frame] = field(default_factory=list)

    async def pump(
        self, upstream: str, source: MemoryObjectReceiveStream[SessionMessage], sink: MemoryObjectSendStream[SessionMessage]
    ) -> None:
        async with source, sink:
            async for message in source:
                root = message.message.root
                method = root.method if isinstance(root, JSONRPCRequest | JSONRPCNotification) else None
                request_id = None if isinstance(root, JSONRPCNotification) else root.id
                raw = message.message.model_dump_json(by_alias=True, exclude_none=True)
                self.frames.append(Frame(upstream, method, request_id, raw))
                await sink.send(message)

    def methods(self, upstream: str) -> list[str]:
        return [f.method for f in self.frames if f.upstream == upstream and f.method is not None]

    def requests(self, upstream: str, method: str) -> list[Frame]:
        return [f for f in self.frames if f.upstream == upstream and f.method == method and f.request_id is not None]


def parse_frame(line: str) -> JSONRPCRequest | JSONRPCNotification | JSONRPCResponse | JSONRPCError | None:
    try:
        return JSONRPCMessage.model_validate_json(line).root
    except ValidationError:
        return None


def replay_summary(lines: Iterable[str]) -> dict[str, int]:
    """Summarise a captured log, e.g. one written from ``Frame.raw`` lines."""
    summary: Counter[str] = Counter()
    for parsed in map(parse_frame, lines):
        if isinstance(parsed, JSONRPCRequest | JSONRPCNotification):
            summary[f"{'request' if isinstance(parsed, JSONRPCRequest) else 'notification'}:{parsed.method}"] += 1
        else:
            summary["malformed" if parsed is None else type(parsed).__name__] += 1
    return dict(summary)
