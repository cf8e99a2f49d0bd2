"""FastMCP server construction: state, lifespan, auth wiring and HTTP side routes."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field

from mcp.server.auth.settings import AuthSettings
from mcp.server.fastmcp import FastMCP
from mcp.server.transport_security import TransportSecuritySettings
from mcp.types import Icon, LoggingLevel
from pydantic import AnyHttpUrl
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response

from tenantd import __version__
from tenantd.auth import StaticTokenVerifier
from tenantd.config import TenantdSettings
from tenantd.tenants import TenantRegistry

INSTRUCTIONS = (
    "tenantd manages workspaces for SaaS tenants. Every call is scoped to the tenant of the "
    "bearer token. Use usage_report before changing seats, and never rotate keys without asking."
)
APP_ICON = Icon(src="https://tenantd.example.com/static/icon-128.png", mimeType="image/png", sizes=["128x128"])


@dataclass
class AppState:
    registry: TenantRegistry
    settings: TenantdSettings
    calls: Counter[str]
    started_at: float = field(default_factory=time.time)
    export_queue: list[str] = field(default_factory=list)
    client_log_level: LoggingLevel = "info"


def make_lifespan(
    settings: TenantdSettings, calls: Counter[str]
) -> Callable[[FastMCP[AppState]], AbstractAsyncContextManager[AppState]]:
    @asynccontextmanager
    async def lifespan(server: FastMCP[AppState]) -> AsyncIterator[AppState]:
        state = AppState(registry=TenantRegistry.with_demo_data(), settings=settings, calls=calls)
        try:
            yield state
        finally:
            state.export_queue.clear()

    return lifespan


def _transport_security(settings: TenantdSettings) -> TransportSecuritySettings | None:
    if not settings.allowed_hosts:
        return None
    return TransportSecuritySettings(
        enable_dns_rebinding_protection=True,
        allowed_hosts=settings.allowed_hosts,
        allowed_origins=[f"https://{h.split(':')[0]}" for h in settings.allowed_hosts],
    )


def create_server(settings: TenantdSettings | None = None) -> FastMCP[AppState]:
    settings = settings or TenantdSettings.from_env()
    calls: Counter[str] = Counter()

    verifier = StaticTokenVerifier(settings.tokens) if settings.tokens else None
    auth = (
        AuthSettings(
            issuer_url=AnyHttpUrl(settings.issuer_url),
            resource_server_url=AnyHttpUrl(settings.resource_url),
            required_scopes=["tenant"],
        )
        if verifier
        else None
    )

    mcp = FastMCP(
        "tenantd",
        INSTRUCTIONS,
        website_url="https://tenantd.example.com",
        icons=[APP_ICON],
        token_verifier=verifier,
        auth=auth,
        lifespan=make_lifespan(settings, calls),
        host=settings.host,
        port=settings.port,
        streamable_http_path=settings.http_path,
        json_response=settings.json_response,
        stateless_http=settings.stateless,
        transport_security=_transport_security(settings),
        debug=settings.debug,
        log_level=settings.log_level,
    )

    from tenantd.content import register_content
    from tenantd.tools import register_tools

    register_tools(mcp)
    register_content(mcp)
    register_routes(mcp, calls)
    register_log_level(mcp)
    return mcp


def register_log_level(mcp: FastMCP[AppState]) -> None:
    """FastMCP has no public hook for logging/setLevel, so register it on the lowlevel server."""

    @mcp._mcp_server.set_logging_level()
    async def set_log_level(level: LoggingLevel) -> None:
        state = mcp._mcp_server.request_context.lifespan_context
        state.client_log_level = level


def register_routes(mcp: FastMCP[AppState], calls: Counter[str]) -> None:
    booted = time.time()

    @mcp.custom_route("/healthz", methods=["GET"], include_in_schema=False)
    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok", "server": mcp.name, "version": __version__})

    @mcp.custom_route("/metrics", methods=["GET"])
    async def metrics(request: Request) -> Response:
        lines = [
            "# TYPE tenantd_uptime_seconds gauge",
            f"tenantd_uptime_seconds {time.time() - booted:.0f}",
            "# TYPE tenantd_tool_calls_total counter",
        ]
        lines += [f'tenantd_tool_calls_total{{tool="{name}"}} {count}' for name, count in sorted(calls.items())]
        return PlainTextResponse("\n".join(lines) + "\n", media_type="text/plain; version=0.0.4")
