"""Builds the IssueDesk FastMCP server from settings."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from mcp.server.fastmcp import FastMCP
from mcp.server.transport_security import TransportSecuritySettings
from mcp.types import Icon, LoggingLevel

from issuedesk import __version__
from issuedesk.api import IssueDeskAPI
from issuedesk.config import ServerSettings
from issuedesk.prompts import register_prompts
from issuedesk.resources import register_resources
from issuedesk.state import AppContext
from issuedesk.tools import register_tools

logger = logging.getLogger("issuedesk")

SERVER_NAME = "issuedesk"

INSTRUCTIONS = """\
Tools for the IssueDesk issue tracker. Use `search_issues` to find work, `get_issue` for
details and `create_issue` / `transition_issue` / `add_comment` to make changes.
Issue keys look like ENG-42; project keys like ENG. When a tool reports an IssueDesk API
error, explain it to the user instead of retrying blindly."""

PYTHON_LEVELS: dict[str, int] = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "notice": logging.INFO,
    "warning": logging.WARNING,
    "error": logging.ERROR,
    "critical": logging.CRITICAL,
    "alert": logging.CRITICAL,
    "emergency": logging.CRITICAL,
}


def _transport_security(settings: ServerSettings) -> TransportSecuritySettings | None:
    if not settings.allowed_hosts:
        return None
    origins = [f"https://{host}" for host in settings.allowed_hosts] + [
        f"http://{host}" for host in settings.allowed_hosts
    ]
    return TransportSecuritySettings(
        enable_dns_rebinding_protection=True,
        allowed_hosts=list(settings.allowed_hosts),
        allowed_origins=origins,
    )


def create_server(
    settings: ServerSettings | None = None,
    *,
    http_transport: httpx.AsyncBaseTransport | None = None,
) -> FastMCP[AppContext]:
    """Create a fully wired server.

    ``http_transport`` replaces the network layer of the IssueDesk API client,
    which is how the test-suite plugs in an ``httpx.MockTransport``.
    """
    settings = settings or ServerSettings.from_env()

    @asynccontextmanager
    async def lifespan(server: FastMCP[AppContext]) -> AsyncIterator[AppContext]:
        api = IssueDeskAPI(
            settings.api_url,
            settings.api_token,
            transport=http_transport,
            timeout=settings.request_timeout,
            workspace=settings.workspace,
        )
        logger.debug("%s session started against %s", server.name, settings.api_url)
        try:
            yield AppContext(api=api, settings=settings)
        finally:
            await api.aclose()

    mcp = FastMCP(
        SERVER_NAME,
        INSTRUCTIONS,
        website_url="https://issuedesk.io/docs/mcp",
        icons=[Icon(src="https://issuedesk.io/static/logo-64.png", mimeType="image/png", sizes=["64x64"])],
        debug=settings.debug,
        log_level=settings.log_level,
        host=settings.host,
        port=settings.port,
        mount_path=settings.mount_path,
        streamable_http_path=settings.streamable_http_path,
        json_response=settings.json_response,
        stateless_http=settings.stateless_http,
        transport_security=_transport_security(settings),
        lifespan=lifespan,
    )

    register_tools(mcp)
    register_resources(mcp)
    register_prompts(mcp)

    @mcp.custom_route("/healthz", methods=["GET"], include_in_schema=False)
    async def healthz(request: Request) -> Response:
        return JSONResponse(
            {
                "status": "ok",
                "server": mcp.name,
                "version": __version__,
                "settings": settings.public_view(),
            }
        )

    @mcp._mcp_server.set_logging_level()
    async def set_logging_level(level: LoggingLevel) -> None:
        logger.setLevel(PYTHON_LEVELS.get(level, logging.INFO))
        logger.info("log level changed to %s by client", level)

    return mcp
