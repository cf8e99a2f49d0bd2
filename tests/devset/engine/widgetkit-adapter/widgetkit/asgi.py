"""Mount an :class:`McpAdapter` into a Starlette application.

Two transports are served side by side:

* streamable HTTP at ``settings.mount_path`` (``/mcp/`` by default)
* HTTP+SSE at ``settings.sse_path`` with messages posted to ``settings.message_path``
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from mcp.server.sse import SseServerTransport
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from mcp.server.transport_security import TransportSecuritySettings
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.types import Receive, Scope, Send

from widgetkit.adapter import McpAdapter
from widgetkit.app import AppSettings

logger = logging.getLogger("widgetkit.asgi")


def security_settings(settings: AppSettings) -> TransportSecuritySettings:
    if not settings.allowed_hosts:
        return TransportSecuritySettings(enable_dns_rebinding_protection=False)
    hosts = list(settings.allowed_hosts)
    if settings.bind not in hosts:
        hosts.append(settings.bind)
    return TransportSecuritySettings(
        enable_dns_rebinding_protection=True,
        allowed_hosts=hosts,
        allowed_origins=[f"http://{h}" for h in hosts] + [f"https://{h}" for h in hosts],
    )


@dataclass
class McpMount:
    adapter: McpAdapter
    settings: AppSettings
    sse: SseServerTransport
    session_manager: StreamableHTTPSessionManager

    async def handle_sse(self, request: Request) -> Response:
        server = self.adapter.server
        async with self.sse.connect_sse(request.scope, request.receive, request._send) as (read_stream, write_stream):
            await server.run(read_stream, write_stream, self.adapter.initialization_options())
        return Response()

    async def handle_streamable_http(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.session_manager.handle_request(scope, receive, send)

    async def health(self, request: Request) -> JSONResponse:
        server = self.adapter.server
        body: dict[str, Any] = {
            "status": "ok",
            "server": server.name,
            "version": server.version,
            "calls": self.adapter.state.calls,
            "protocolVersions": SUPPORTED_PROTOCOL_VERSIONS,
            "transports": {
                "streamableHttp": self.settings.mount_path.rstrip("/") + "/",
                "sse": self.settings.sse_path,
                "stateless": self.session_manager.stateless,
                "jsonResponse": self.session_manager.json_response,
            },
        }
        return JSONResponse(body)

    def routes(self) -> list[BaseRoute]:
        return [
            Route("/healthz", endpoint=self.health, methods=["GET"]),
            Route(self.settings.sse_path, endpoint=self.handle_sse, methods=["GET"]),
            Mount(self.settings.message_path, app=self.sse.handle_post_message),
            Mount(self.settings.mount_path, app=self.handle_streamable_http),
        ]

    @contextlib.asynccontextmanager
    async def lifespan(self, app: Starlette) -> AsyncIterator[None]:
        async with self.session_manager.run():
            logger.info("widgetkit MCP endpoints ready on %s", self.settings.bind)
            yield


def mount_mcp(adapter: McpAdapter, settings: AppSettings | None = None) -> McpMount:
    settings = settings or adapter.app.settings
    security = security_settings(settings)
    sse = SseServerTransport(settings.message_path, security_settings=security)
    manager = StreamableHTTPSessionManager(
        app=adapter.server,
        json_response=settings.json_response,
        stateless=settings.stateless,
        security_settings=security,
    )
    return McpMount(adapter=adapter, settings=settings, sse=sse, session_manager=manager)


def create_app(adapter: McpAdapter, settings: AppSettings | None = None) -> tuple[Starlette, McpMount]:
    mount = mount_mcp(adapter, settings)
    starlette_app = Starlette(debug=mount.settings.debug, routes=mount.routes(), lifespan=mount.lifespan)
    return starlette_app, mount


def serve(adapter: McpAdapter, settings: AppSettings | None = None) -> None:  # pragma: no cover
    import uvicorn

    starlette_app, mount = create_app(adapter, settings)
    uvicorn.run(
        starlette_app,
        host=mount.settings.host,
        port=mount.settings.port,
        log_level=mount.settings.log_level.lower(),
    )
