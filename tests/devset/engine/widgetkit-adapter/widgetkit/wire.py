"""JSON-RPC framing for ``widgetkit record`` / ``widgetkit replay``: one message per JSON line."""

from __future__ import annotations

import json
from typing import Any

import anyio
import mcp.types as types
from mcp.shared.message import SessionMessage

from widgetkit.testing import RawStreams

AnyFrame = types.JSONRPCRequest | types.JSONRPCNotification | types.JSONRPCResponse | types.JSONRPCError


def parse_line(line: str) -> AnyFrame:
    return types.JSONRPCMessage.model_validate_json(line).root


def dump_frame(message: types.JSONRPCMessage) -> str:
    return message.model_dump_json(by_alias=True, exclude_none=True)


def request_frame(request_id: int, method: str, params: dict[str, Any] | None = None) -> SessionMessage:
    return SessionMessage(types.JSONRPCMessage(types.JSONRPCRequest(jsonrpc="2.0", id=request_id, method=method, params=params)))


def notification_frame(method: str, params: dict[str, Any] | None = None) -> SessionMessage:
    return SessionMessage(types.JSONRPCMessage(types.JSONRPCNotification(jsonrpc="2.0", method=method, params=params)))


def as_server_notification(frame: types.JSONRPCNotification) -> types.ServerNotificationType:
    return types.ServerNotification.model_validate(frame.model_dump(by_alias=True, exclude_none=True)).root


def as_client_request(frame: types.JSONRPCRequest) -> types.ClientRequestType:
    return types.ClientRequest.model_validate(frame.model_dump(by_alias=True, exclude_none=True)).root


class WireClient:
    """A deliberately dumb client that speaks raw frames and records both directions."""

    def __init__(self, streams: RawStreams, *, timeout: float = 5.0) -> None:
        self.read_stream, self.write_stream = streams
        self.timeout = timeout
        self.lines: list[str] = []
        self.notifications: list[types.ServerNotificationType] = []
        self._next_id = 0

    def frames(self, direction: str | None = None) -> list[AnyFrame]:
        entries = [json.loads(line) for line in self.lines]
        return [parse_line(json.dumps(e["frame"])) for e in entries if direction in (None, e["dir"])]

    def methods(self) -> list[str]:
        return [f.method for f in self.frames() if isinstance(f, (types.JSONRPCRequest, types.JSONRPCNotification))]

    async def send(self, message: SessionMessage) -> None:
        self.lines.append(json.dumps({"dir": "out", "frame": json.loads(dump_frame(message.message))}))
        await self.write_stream.send(message)

    async def request(self, method: str, params: dict[str, Any] | None = None) -> types.JSONRPCResponse | types.JSONRPCError:
        self._next_id += 1
        await self.send(request_frame(self._next_id, method, params))
        with anyio.fail_after(self.timeout):
            while True:
                item = await self.read_stream.receive()
                if isinstance(item, Exception):
                    raise item
                self.lines.append(json.dumps({"dir": "in", "frame": json.loads(dump_frame(item.message))}))
                frame = item.message.root
                if isinstance(frame, types.JSONRPCNotification):
                    self.notifications.append(as_server_notification(frame))
                elif isinstance(frame, (types.JSONRPCResponse, types.JSONRPCError)) and frame.id == self._next_id:
                    return frame

    async def handshake(self, client_name: str = "widgetkit-wire") -> types.InitializeResult:
        client_info = {"name": client_name, "version": "0"}
        params = {"protocolVersion": types.LATEST_PROTOCOL_VERSION, "capabilities": {}, "clientInfo": client_info}
        reply = await self.request("initialize", params)
        if isinstance(reply, types.JSONRPCError):
            raise RuntimeError(f"initialize failed: {reply.error.message}")
        await self.send(notification_frame("notifications/initialized"))
        return types.InitializeResult.model_validate(reply.result)
