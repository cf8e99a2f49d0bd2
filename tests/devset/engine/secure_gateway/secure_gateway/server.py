"""The gateway itself: a FastMCP app behind bearer auth, mounted into Starlette."""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator

from mcp.server.auth.middleware.auth_context import get_access_token
from mcp.server.auth.settings import AuthSettings
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.exceptions import ToolError
from mcp.server.transport_security import TransportSecuritySettings
from pydantic import AnyHttpUrl, BaseModel
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route

from .verifier import IntrospectionTokenVerifier

PUBLIC_URL = os.environ.get("GATEWAY_PUBLIC_URL", "https://reports.internal.example/mcp")
ISSUER = os.environ.get("GATEWAY_ISSUER", "https://login.internal.example")

verifier = IntrospectionTokenVerifier(
    introspection_url=f"{ISSUER}/oauth2/introspect",
    client_id=os.environ.get("GATEWAY_CLIENT_ID", "reports-gateway"),
    client_secret=os.environ.get("GATEWAY_CLIENT_SECRET", ""),
    resource_url=PUBLIC_URL,
)

mcp = FastMCP(
    name="reports-gateway",
    instructions="Read-only access to the reporting warehouse.",
    token_verifier=verifier,
    auth=AuthSettings(
        issuer_url=AnyHttpUrl(ISSUER),
        resource_server_url=AnyHttpUrl(PUBLIC_URL),
        required_scopes=["reports:read"],
    ),
    host="0.0.0.0",
    port=8443,
    streamable_http_path="/",
    stateless_http=True,
    json_response=True,
    transport_security=TransportSecuritySettings(
        enable_dns_rebinding_protection=True,
        allowed_hosts=["reports.internal.example", "localhost:8443"],
        allowed_origins=["https://reports.internal.example"],
    ),
)


class ExportResult(BaseModel):
    name: str
    location: str


def _require_scope(scope: str) -> str:
    token = get_access_token()
    if token is None or scope not in token.scopes:
        raise ToolError(f"missing scope {scope}")
    return token.subject or token.client_id


@mcp.tool()
async def run_report(name: str, ctx: Context) -> str:
    """Run a named report and return it as CSV text."""
    who = _require_scope("reports:read")
    await ctx.info(f"{who} ran {name}")
    return f"report,{name}\nrequested_by,{who}\nclient,{ctx.client_id or '-'}\n"


@mcp.tool()
async def export_report(name: str, ctx: Context) -> ExportResult:
    who = _require_scope("reports:export")
    await ctx.report_progress(0.5, 1.0, message="exporting")
    return ExportResult(name=name, location=f"s3://reports-exports/{who}/{name}.parquet")


async def healthz(_: Request) -> JSONResponse:
    return JSONResponse({"ok": True})


@contextlib.asynccontextmanager
async def lifespan(_: Starlette) -> AsyncIterator[None]:
    async with mcp.session_manager.run():
        yield


def create_app() -> Starlette:
    mcp_app = mcp.streamable_http_app()
    return Starlette(routes=[Route("/healthz", healthz), Mount("/mcp", app=mcp_app)], lifespan=lifespan)


def main() -> None:
    if os.environ.get("GATEWAY_STANDALONE"):
        mcp.settings.port = int(os.environ.get("PORT", mcp.settings.port))
        mcp.run(transport="streamable-http")
    else:
        import uvicorn

        uvicorn.run(create_app(), host=mcp.settings.host, port=mcp.settings.port)


if __name__ == "__main__":
    main()
