"""Streamable HTTP front end (Starlette + the SDK's session manager)."""

from __future__ import annotations

import hmac
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from mcp.server.streamable_http import EventStore
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from mcp.server.transport_security import TransportSecuritySettings
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS
from mcp.types import LATEST_PROTOCOL_VERSION
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from ledgerdb.config import GatewaySettings
from ledgerdb.server import LedgerServer, build_server

logger = logging.getLogger(__name__)


class _McpEndpoint:
    """ASGI endpoint that checks the bearer token before handing over to the session manager."""

    def __init__(self, gateway: LedgerHttpGateway) -> None:
        self.gateway = gateway

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        token = self.gateway.settings.api_token
        if token is not None:
            header = Request(scope).headers.get("authorization", "")
            if not hmac.compare_digest(header, f"Bearer {token}"):
                await PlainTextResponse("unauthorized", status_code=401)(scope, receive, send)
                return
        await self.gateway.session_manager.handle_request(scope, receive, send)


class LedgerHttpGateway:
    def __init__(
        self,
        settings: GatewaySettings,
        server: LedgerServer | None = None,
        event_store: EventStore | None = None,
    ) -> None:
        self.settings = settings
        self.server = server or build_server(settings)
        security = TransportSecuritySettings(
            enable_dns_rebinding_protection=settings.host in ("127.0.0.1", "localhost") or bool(settings.allowed_hosts),
            allowed_hosts=settings.host_allowlist(),
            allowed_origins=[f"http://{host}" for host in settings.host_allowlist()],
        )
        self.session_manager = StreamableHTTPSessionManager(
            app=self.server,
            event_store=event_store,
            json_response=settings.json_response,
            stateless=settings.stateless,
            security_settings=security,
        )
        self.app = Starlette(
            routes=[
                Route("/healthz", self.health, methods=["GET"]),
                Route(settings.streamable_http_path, _McpEndpoint(self), methods=["GET", "POST", "DELETE"]),
            ],
            lifespan=self.lifespan,
        )

    @asynccontextmanager
    async def lifespan(self, app: Starlette) -> AsyncIterator[None]:
        async with self.session_manager.run():
            logger.info("ledgerdb gateway listening on %s", self.settings.public_url)
            yield

    async def health(self, request: Request) -> JSONResponse:
        return JSONResponse(
            {
                "status": "ok",
                "server": self.server.name,
                "version": self.server.version,
                "protocolVersions": SUPPORTED_PROTOCOL_VERSIONS,
                "latestProtocolVersion": LATEST_PROTOCOL_VERSION,
                "transport": {
                    "path": self.settings.streamable_http_path,
                    "stateless": self.session_manager.stateless,
                    "jsonResponse": self.session_manager.json_response,
                },
            }
        )


def serve_http(settings: GatewaySettings) -> None:
    import uvicorn

    gateway = LedgerHttpGateway(settings)
    uvicorn.run(gateway.app, host=settings.host, port=settings.port, log_level=settings.log_level.lower())
