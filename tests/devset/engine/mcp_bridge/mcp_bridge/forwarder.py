"""Forward MCP requests from a downstream client to an upstream server."""

from __future__ import annotations

import logging
from typing import Any, cast

import anyio
import mcp.types as types
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream
from mcp.server.lowlevel import Server
from mcp.server.models import InitializationOptions
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError
from mcp.shared.message import SessionMessage
from mcp.shared.session import RequestResponder
from pydantic import BaseModel

from .sessions import TracingServerSession, UpstreamSession

log = logging.getLogger(__name__)

RESULT_TYPES: dict[type[BaseModel], type[BaseModel]] = {
    types.PingRequest: types.EmptyResult,
    types.ListToolsRequest: types.ListToolsResult,
    types.CallToolRequest: types.CallToolResult,
    types.ListResourcesRequest: types.ListResourcesResult,
    types.ListResourceTemplatesRequest: types.ListResourceTemplatesResult,
    types.ReadResourceRequest: types.ReadResourceResult,
    types.SubscribeRequest: types.EmptyResult,
    types.UnsubscribeRequest: types.EmptyResult,
    types.ListPromptsRequest: types.ListPromptsResult,
    types.GetPromptRequest: types.GetPromptResult,
    types.CompleteRequest: types.CompleteResult,
    types.SetLevelRequest: types.EmptyResult,
}


async def forward(upstream: UpstreamSession, inbound: BaseModel) -> types.ServerResult:
    result_type = RESULT_TYPES[type(inbound)]
    # Inbound requests keep the JSON-RPC envelope ("jsonrpc", "id") as extra fields; strip it.
    payload = inbound.model_dump(by_alias=True, mode="json", exclude_none=True, exclude={"jsonrpc", "id"})
    result = await upstream.send_request(types.ClientRequest.model_validate(payload), result_type)
    return types.ServerResult(cast(types.ServerResultType, result))


def proxy_options(name: str, upstream_init: types.InitializeResult) -> InitializationOptions:
    return InitializationOptions(
        server_name=f"{name}:{upstream_init.serverInfo.name}",
        server_version=upstream_init.serverInfo.version,
        capabilities=upstream_init.capabilities,
        instructions=upstream_init.instructions,
    )


class ProxyServer:
    """A lowlevel Server whose request table points at the upstream session."""

    def __init__(self, upstream: UpstreamSession, name: str = "mcp-bridge") -> None:
        self.upstream = upstream
        self.server: Server[Any, Any] = Server(name)
        self._downstream: ServerSession | None = None
        for request_type in RESULT_TYPES:
            if request_type is types.PingRequest:
                continue
            self.server.request_handlers[request_type] = self._handler()
        self.server.notification_handlers[types.ProgressNotification] = self._on_progress
        self.server.notification_handlers[types.RootsListChangedNotification] = self._on_roots_changed

    def _handler(self) -> Any:
        async def handle(req: Any) -> types.ServerResult:
            self._downstream = self.server.request_context.session
            try:
                return await forward(self.upstream, req)
            except McpError as exc:
                if req.method == "tools/call":
                    # Surface upstream protocol errors to the model instead of failing the call.
                    return types.ServerResult(
                        types.CallToolResult(
                            content=[types.TextContent(type="text", text=f"upstream error: {exc.error.message}")],
                            isError=True,
                        )
                    )
                raise

        return handle

    async def _on_progress(self, notification: types.ProgressNotification) -> None:
        params = notification.params
        await self.upstream.send_progress_notification(params.progressToken, params.progress, params.total, params.message)

    async def _on_roots_changed(self, notification: types.RootsListChangedNotification) -> None:
        await self.upstream.send_notification(types.ClientNotification(types.RootsListChangedNotification()))

    async def relay_notifications(self, notification: types.ServerNotification) -> None:
        """Sink for UpstreamSession: push upstream notifications to the downstream client."""
        if self._downstream is None:
            return
        try:
            await self._downstream.send_notification(notification)
        except anyio.ClosedResourceError:
            self._downstream = None


async def raw_relay(
    upstream: UpstreamSession,
    read_stream: MemoryObjectReceiveStream[SessionMessage | Exception],
    write_stream: MemoryObjectSendStream[SessionMessage],
    options: InitializationOptions,
) -> None:
    """Serve one downstream connection by hand, without lowlevel Server.run()."""
    async with TracingServerSession(read_stream, write_stream, options) as session:
        async with anyio.create_task_group() as tg:
            async for message in session.incoming_messages:
                if isinstance(message, Exception):
                    log.warning("downstream transport error: %s", message)
                    continue
                if isinstance(message, RequestResponder):
                    tg.start_soon(_answer, upstream, message)
                else:
                    log.debug("downstream notification %s", message.root.method)
                    if isinstance(message.root, types.ProgressNotification):
                        await upstream.send_notification(types.ClientNotification(message.root))


async def _answer(upstream: UpstreamSession, responder: RequestResponder[types.ClientRequest, types.ServerResult]) -> None:
    with responder:
        try:
            result = await forward(upstream, responder.request.root)
        except McpError as exc:
            await responder.respond(exc.error)
        except KeyError:
            await responder.respond(
                types.ErrorData(code=types.METHOD_NOT_FOUND, message=f"bridge cannot forward {responder.request.root.method}")
            )
        else:
            await responder.respond(result)
