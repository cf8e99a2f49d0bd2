"""Wire capture (``tap_streams`` + ``FrameLog``) and a raw JSON-RPC probe that bypasses ClientSession."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, field
from typing import Any, Literal

import anyio
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream

import mcp.types as types
from mcp.shared.exceptions import McpError
from mcp.shared.message import SessionMessage
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS

Direction = Literal["out", "in"]
ReadStream = MemoryObjectReceiveStream[SessionMessage | Exception]
WriteStream = MemoryObjectSendStream[SessionMessage]


@dataclass
class Frame:
    direction: Direction
    kind: str
    method: str | None
    id: str | int | None
    raw: str


def classify(message: types.JSONRPCMessage) -> tuple[str, str | None, str | int | None]:
    root = message.root
    if isinstance(root, types.JSONRPCRequest):
        return "request", root.method, root.id
    if isinstance(root, types.JSONRPCNotification):
        return "notification", root.method, None
    return ("error" if isinstance(root, types.JSONRPCError) else "response"), None, root.id


@dataclass
class FrameLog:
    frames: list[Frame] = field(default_factory=lambda: [])

    def record(self, direction: Direction, item: SessionMessage | Exception) -> None:
        if isinstance(item, Exception):
            self.frames.append(Frame(direction, "exception", None, None, repr(item)))
            return
        kind, method, msg_id = classify(item.message)
        raw = item.message.model_dump_json(by_alias=True, exclude_none=True)
        self.frames.append(Frame(direction, kind, method, msg_id, raw))

    def methods(self, direction: Direction) -> list[str]:
        return [f.method for f in self.frames if f.method and f.direction == direction]

    def outbound_requests(self) -> list[types.ClientRequestType]:
        """Re-parse what the client sent into typed requests."""
        parsed: list[types.ClientRequestType] = []
        for frame in self.frames:
            if frame.direction == "out" and frame.kind == "request":
                data = types.JSONRPCMessage.model_validate_json(frame.raw).model_dump(exclude={"jsonrpc", "id"})
                parsed.append(types.ClientRequest.model_validate(data).root)
        return parsed

    def inbound_notifications(self) -> list[types.ServerNotificationType]:
        found: list[types.ServerNotificationType] = []
        for frame in self.frames:
            if frame.direction == "in" and frame.kind == "notification":
                found.append(types.ServerNotification.model_validate_json(frame.raw).root)
        return found

    def to_jsonl(self) -> str:
        return "".join(f"{f.raw}\n" for f in self.frames if f.kind != "exception")


def parse_jsonl(lines: Iterable[str]) -> list[types.JSONRPCMessage]:
    return [types.JSONRPCMessage.model_validate_json(line) for line in lines if line.strip()]


@asynccontextmanager
async def tap_streams(
    read_stream: ReadStream, write_stream: WriteStream, log: FrameLog
) -> AsyncIterator[tuple[ReadStream, WriteStream]]:
    inbound_send, inbound_recv = anyio.create_memory_object_stream[SessionMessage | Exception](32)
    outbound_send, outbound_recv = anyio.create_memory_object_stream[SessionMessage](32)

    async def pump_in() -> None:
        with suppress(anyio.BrokenResourceError, anyio.ClosedResourceError):
            async with inbound_send:
                async for item in read_stream:
                    log.record("in", item)
                    await inbound_send.send(item)

    async def pump_out() -> None:
        async with outbound_recv:
            async for item in outbound_recv:
                log.record("out", item)
                await write_stream.send(item)

    async with anyio.create_task_group() as tg:
        tg.start_soon(pump_in)
        tg.start_soon(pump_out)
        try:
            yield inbound_recv, outbound_send
        finally:
            tg.cancel_scope.cancel()


class RawProbe:
    """Speaks JSON-RPC directly so the harness can send requests the SDK would never build."""

    def __init__(self, read_stream: ReadStream, write_stream: WriteStream, *, timeout: float = 5.0) -> None:
        self._read, self._write, self._timeout = read_stream, write_stream, timeout
        self._counter = 0
        self.log = FrameLog()

    async def _send(self, message: types.JSONRPCMessage) -> None:
        self.log.record("out", SessionMessage(message))
        await self._write.send(SessionMessage(message))

    async def request(
        self, method: str, params: dict[str, Any] | None = None
    ) -> types.JSONRPCResponse | types.JSONRPCError:
        self._counter += 1
        request_id = f"probe-{self._counter}"
        request = types.JSONRPCRequest(jsonrpc="2.0", id=request_id, method=method, params=params)
        await self._send(types.JSONRPCMessage(request))
        with anyio.fail_after(self._timeout):
            while True:
                item = await self._read.receive()
                self.log.record("in", item)
                if isinstance(item, Exception):
                    raise item
                root = item.message.root
                if isinstance(root, types.JSONRPCResponse | types.JSONRPCError) and root.id == request_id:
                    return root

    async def handshake(self) -> types.InitializeResult:
        params = types.InitializeRequestParams(
            protocolVersion=types.LATEST_PROTOCOL_VERSION,
            capabilities=types.ClientCapabilities(),
            clientInfo=types.Implementation(name="evalharness-probe", version="0"),
        )
        reply = await self.request("initialize", params.model_dump(by_alias=True, mode="json", exclude_none=True))
        if isinstance(reply, types.JSONRPCError):
            raise McpError(reply.error)
        result = types.InitializeResult.model_validate(reply.result)
        if result.protocolVersion not in SUPPORTED_PROTOCOL_VERSIONS:
            raise McpError(types.ErrorData(code=types.INVALID_REQUEST, message="unsupported protocol version"))
        initialized = types.ClientNotification(types.InitializedNotification(method="notifications/initialized"))
        payload = initialized.model_dump(by_alias=True, mode="json", exclude_none=True)
        await self._send(types.JSONRPCMessage(types.JSONRPCNotification(jsonrpc="2.0", **payload)))
        return result


# (check, method, params, expected error code). The Python SDK rejects methods it has no request
# model for while validating the request, so an unknown method comes back as "invalid params".
CONFORMANCE_CHECKS: list[tuple[str, str, dict[str, Any] | None, int]] = [
    ("unknown-method", "evals/frobnicate", None, types.INVALID_PARAMS),
    ("call-missing-name", "tools/call", {"arguments": {}}, types.INVALID_PARAMS),
    ("prompts-unsupported", "prompts/list", None, types.METHOD_NOT_FOUND),
]


async def run_conformance(probe: RawProbe) -> dict[str, int | None]:
    """Return the error code each edge-case request produced (None if it unexpectedly succeeded)."""
    codes: dict[str, int | None] = {}
    reply = await probe.request("ping")
    codes["ping"] = None if isinstance(reply, types.JSONRPCResponse) else reply.error.code
    for check, method, params, _ in CONFORMANCE_CHECKS:
        reply = await probe.request(method, params)
        codes[check] = reply.error.code if isinstance(reply, types.JSONRPCError) else None
    return codes


def conformance_failures(codes: dict[str, int | None]) -> list[str]:
    return [check for check, _, _, expected in CONFORMANCE_CHECKS if codes.get(check) != expected]
