"""Recording JSON-RPC traffic, JSONL cassettes, and replaying them against a server."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

import anyio
from pydantic import BaseModel, ValidationError

import mcp.types as types
from mcp.shared.memory import create_client_server_memory_streams
from mcp.shared.message import SessionMessage
from mcp.types import JSONRPCError, JSONRPCMessage, JSONRPCNotification, JSONRPCRequest, JSONRPCResponse

from wiretest.redaction import redact
from wiretest.targets import AnyServer, init_options, lowlevel

logger = logging.getLogger(__name__)

Direction = Literal["client->server", "server->client"]
FrameKind = Literal["request", "notification", "response", "error"]
CLIENT_TO_SERVER: Direction = "client->server"
SERVER_TO_CLIENT: Direction = "server->client"

ResultT = TypeVar("ResultT", bound=BaseModel)


@dataclass(frozen=True)
class Frame:
    direction: Direction
    kind: FrameKind
    payload: dict[str, Any]
    method: str | None = None
    id: str | int | None = None

    @classmethod
    def from_message(cls, direction: Direction, message: JSONRPCMessage) -> Frame:
        root = message.root
        payload = root.model_dump(by_alias=True, mode="json", exclude_none=True)
        if isinstance(root, JSONRPCRequest):
            return cls(direction, "request", payload, method=root.method, id=root.id)
        if isinstance(root, JSONRPCNotification):
            return cls(direction, "notification", payload, method=root.method)
        if isinstance(root, JSONRPCResponse):
            return cls(direction, "response", payload, id=root.id)
        return cls(direction, "error", payload, id=root.id)

    def to_session_message(self) -> SessionMessage:
        return SessionMessage(message=JSONRPCMessage.model_validate(self.payload))

    def to_json(self) -> str:
        return json.dumps({"direction": self.direction, "message": self.payload}, sort_keys=True)


def parse_wire_line(line: str) -> JSONRPCMessage | None:
    """Parse one line of newline-delimited JSON-RPC; ``None`` if it is not a valid MCP message."""
    try:
        return JSONRPCMessage.model_validate_json(line)
    except ValidationError:
        logger.debug("discarding invalid frame: %s", line)
        return None


class Recorder:
    """Accumulates frames; usable as the ``tap`` of a harness connection."""

    def __init__(self) -> None:
        self.frames: list[Frame] = []
        self.transport_errors: list[Exception] = []

    def capture(self, direction: Direction, item: SessionMessage | Exception) -> None:
        if isinstance(item, Exception):
            self.transport_errors.append(item)
            return
        self.frames.append(Frame.from_message(direction, item.message))

    def methods(self, direction: Direction | None = None) -> list[str]:
        return [f.method for f in self.frames if f.method and direction in (None, f.direction)]

    def requests(self, method: str | None = None) -> list[Frame]:
        return [f for f in self.frames if f.kind == "request" and (method is None or f.method == method)]

    def response_for(self, request: Frame) -> Frame | None:
        for f in self.frames:
            if f.kind in ("response", "error") and f.id == request.id and f.direction != request.direction:
                return f
        return None

    def result_of(self, method: str, result_type: type[ResultT], index: int = -1) -> ResultT:
        request = self.requests(method)[index]
        response = self.response_for(request)
        if response is None or response.kind != "response":
            raise AssertionError(f"no successful response recorded for {method}")
        return result_type.model_validate(response.payload["result"])

    def client_requests(self) -> list[types.ClientRequestType]:
        return [
            types.ClientRequest.model_validate(f.payload).root
            for f in self.frames
            if f.direction == CLIENT_TO_SERVER and f.kind == "request"
        ]

    def server_notifications(self) -> list[types.ServerNotificationType]:
        return [
            types.ServerNotification.model_validate(f.payload).root
            for f in self.frames
            if f.direction == SERVER_TO_CLIENT and f.kind == "notification"
        ]


class Cassette:
    def __init__(self, path: Path) -> None:
        self.path = path

    def save(self, frames: Iterable[Frame]) -> int:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lines = [f.to_json() for f in frames]
        self.path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return len(lines)

    def load(self) -> list[Frame]:
        frames: list[Frame] = []
        for number, line in enumerate(self.path.read_text(encoding="utf-8").splitlines(), start=1):
            record = json.loads(line)
            message = parse_wire_line(json.dumps(record["message"]))
            if message is None:
                raise ValueError(f"{self.path}:{number}: not a JSON-RPC message")
            frames.append(Frame.from_message(record["direction"], message))
        return frames


async def replay(server: AnyServer, frames: Sequence[Frame], *, timeout: float = 5.0) -> Recorder:
    """Send the client half of *frames* to a fresh *server*, recording what comes back."""
    srv = lowlevel(server)
    recorder = Recorder()
    async with create_client_server_memory_streams() as (client_streams, server_streams):
        client_read, client_write = client_streams
        server_read, server_write = server_streams
        async with anyio.create_task_group() as tg:
            tg.start_soon(lambda: srv.run(server_read, server_write, init_options(srv)))
            for frame in frames:
                if frame.direction != CLIENT_TO_SERVER:
                    continue
                outgoing = frame.to_session_message()
                recorder.capture(CLIENT_TO_SERVER, outgoing)
                await client_write.send(outgoing)
                if frame.kind != "request":
                    continue
                with anyio.fail_after(timeout):
                    while True:
                        item = await client_read.receive()
                        recorder.capture(SERVER_TO_CLIENT, item)
                        if isinstance(item, Exception):
                            raise item
                        root = item.message.root
                        if isinstance(root, JSONRPCResponse | JSONRPCError) and root.id == frame.id:
                            break
            tg.cancel_scope.cancel()
    return recorder


def diff_responses(
    expected: Sequence[Frame], actual: Sequence[Frame], *, ignore_keys: Iterable[str] = ("version",)
) -> list[str]:
    """Compare the server responses of two recordings, request id by request id."""
    ignored = set(ignore_keys) | {"progressToken"}

    def by_id(frames: Sequence[Frame]) -> dict[str | int, dict[str, Any]]:
        return {
            f.id: redact(f.payload, ignored)
            for f in frames
            if f.direction == SERVER_TO_CLIENT and f.kind in ("response", "error") and f.id is not None
        }

    want, got = by_id(expected), by_id(actual)
    problems: list[str] = []
    for request_id, payload in want.items():
        if request_id not in got:
            problems.append(f"id {request_id}: no response during replay")
        elif got[request_id] != payload:
            problems.append(f"id {request_id}: expected {payload!r}, got {got[request_id]!r}")
    return problems
