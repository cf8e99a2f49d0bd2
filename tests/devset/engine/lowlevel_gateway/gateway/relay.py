"""Relay upstream notifications downstream, and audit raw JSON-RPC traffic."""

from __future__ import annotations

import json
import logging
import weakref
from collections import defaultdict
from typing import Any, TextIO

import anyio
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream

from mcp import types
from mcp.client.session import MessageHandlerFnT
from mcp.server.session import ServerSession
from mcp.shared.message import SessionMessage
from mcp.shared.session import RequestResponder

logger = logging.getLogger(__name__)

UpstreamMessage = RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception
SECRET_KEYS = {"password", "token", "api_key", "secret"}


class NotificationRelay:
    """Keeps track of downstream sessions and forwards upstream notifications to them."""

    def __init__(self) -> None:
        self.downstream: weakref.WeakSet[ServerSession] = weakref.WeakSet()
        self.subscribers: defaultdict[str, weakref.WeakSet[ServerSession]] = defaultdict(weakref.WeakSet)

    def message_handler_for(self, upstream: str) -> MessageHandlerFnT:
        async def handler(message: UpstreamMessage) -> None:
            await self.handle_upstream(upstream, message)

        return handler

    async def _broadcast(self, sessions: Any, method: str, **kwargs: Any) -> None:
        for session in list(sessions):
            try:
                await getattr(session, method)(**kwargs)
            except (anyio.ClosedResourceError, anyio.BrokenResourceError):
                self.downstream.discard(session)  # client went away

    async def handle_upstream(self, upstream: str, message: UpstreamMessage) -> None:
        if isinstance(message, Exception):
            logger.warning("upstream %s transport error: %s", upstream, message)
            return
        if isinstance(message, RequestResponder):
            return  # sampling / elicitation / roots are answered by the session callbacks
        match message.root:
            case types.ToolListChangedNotification():
                await self._broadcast(self.downstream, "send_tool_list_changed")
            case types.ResourceUpdatedNotification(params=params):
                await self._broadcast(self.subscribers[str(params.uri)], "send_resource_updated", uri=params.uri)
            case types.LoggingMessageNotification(params=params):
                name = f"{upstream}/{params.logger or 'root'}"
                await self._broadcast(self.downstream, "send_log_message", level=params.level, data=params.data, logger=name)
            case _:
                pass


def parse_message(raw: str | bytes) -> types.JSONRPCMessage:
    return types.JSONRPCMessage.model_validate_json(raw)


def redact(message: types.JSONRPCMessage) -> types.JSONRPCMessage:
    """Copy of `message` with secret-looking tool arguments masked."""
    root = message.root
    if not isinstance(root, types.JSONRPCRequest) or not isinstance((root.params or {}).get("arguments"), dict):
        return message
    assert root.params is not None
    masked = {k: "***" if k.lower() in SECRET_KEYS else v for k, v in root.params["arguments"].items()}
    return types.JSONRPCMessage(root.model_copy(update={"params": {**root.params, "arguments": masked}}))


async def audit_stream(
    source: MemoryObjectReceiveStream[SessionMessage | Exception],
    sink: MemoryObjectSendStream[SessionMessage | Exception],
    log: TextIO,
) -> None:
    """Copy messages from `source` to `sink`, writing one redacted JSON line per message."""
    async with source, sink:
        async for item in source:
            if isinstance(item, SessionMessage):
                root = item.message.root
                entry = {"kind": type(root).__name__, "id": getattr(root, "id", None), "method": getattr(root, "method", None)}
                entry["body"] = redact(item.message).model_dump(by_alias=True, mode="json", exclude_none=True)
                log.write(json.dumps(entry) + "\n")
            await sink.send(item)
