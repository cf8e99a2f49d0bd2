"""ASGI entry points: ``uvicorn --factory gatehouse.app:create_app`` or ``python -m gatehouse.app``."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Mount, Route

from mcp.server.fastmcp import FastMCP

from gatehouse.server import WorkspaceState, build_server
from gatehouse.settings import DeploymentSettings
from gatehouse.tokens import TokenCodec
from gatehouse.verifier import JWTTokenVerifier

__version__ = "0.6.2"


def build_mcp(settings: DeploymentSettings) -> FastMCP[WorkspaceState]:
    codec = TokenCodec(settings.token_secret, settings.issuer_url.rstrip("/"), default_ttl=settings.token_ttl)
    verifier = JWTTokenVerifier(codec, settings.resource, settings.required_scopes.root)
    return build_server(settings, verifier)


def create_app(settings: DeploymentSettings | None = None, mcp: FastMCP[WorkspaceState] | None = None) -> Starlette:
    settings = settings or DeploymentSettings.from_env()
    mcp = mcp or build_mcp(settings)
    # the deployment file may have changed these after the server was built
    mcp.settings.host = settings.host
    mcp.settings.port = settings.port
    mcp.settings.streamable_http_path = settings.streamable_http_path
    mcp_app = mcp.streamable_http_app()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with mcp.session_manager.run():
            yield

    async def version(request: Request) -> Response:
        return PlainTextResponse(__version__)

    return Starlette(
        routes=[Route("/version", version), Mount("/", app=mcp_app)],
        lifespan=lifespan,
    )


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    settings = DeploymentSettings.from_env()
    mcp = build_mcp(settings)
    if args and args[0] == "sse":
        mcp.settings.sse_path = "/events"
        mcp.run(transport="sse", mount_path="/gatehouse")
    else:
        mcp.run(transport="streamable-http")


if __name__ == "__main__":
    main()
