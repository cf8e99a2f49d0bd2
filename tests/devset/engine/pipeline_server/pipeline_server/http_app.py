from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from mcp.server.sse import SseServerTransport
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from mcp.server.transport_security import TransportSecuritySettings
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.types import Receive, Scope, Send

from .mcp_app import PipelineMCPServer


def build_app(
    mcp_server: PipelineMCPServer,
    *,
    allowed_hosts: list[str] | None = None,
    json_response: bool = False,
    stateless: bool = False,
) -> Starlette:
    security = TransportSecuritySettings(
        enable_dns_rebinding_protection=bool(allowed_hosts),
        allowed_hosts=allowed_hosts or [],
        allowed_origins=[f"https://{h}" for h in allowed_hosts or []],
    )
    session_manager = StreamableHTTPSessionManager(
        app=mcp_server.server,
        json_response=json_response,
        stateless=stateless,
        security_settings=security,
    )
    sse = SseServerTransport("/sse/messages/", security_settings=security)

    async def handle_streamable_http(scope: Scope, receive: Receive, send: Send) -> None:
        await session_manager.handle_request(scope, receive, send)

    async def handle_sse(request: Request) -> Response:
        async with sse.connect_sse(request.scope, request.receive, request._send) as (read_stream, write_stream):
            await mcp_server.server.run(read_stream, write_stream, mcp_server.initialization_options())
        return Response()

    async def health(_: Request) -> JSONResponse:
        return JSONResponse({"ok": True, "runs": len(mcp_server.store.list())})

    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        async with session_manager.run():
            yield

    return Starlette(
        routes=[
            Route("/healthz", health),
            Route("/sse", endpoint=handle_sse, methods=["GET"]),
            Mount("/sse/messages/", app=sse.handle_post_message),
            Mount("/mcp", app=handle_streamable_http),
        ],
        lifespan=lifespan,
    )
