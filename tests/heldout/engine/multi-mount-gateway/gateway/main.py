"""Mount several FastMCP servers under one Starlette application.

    uvicorn gateway.main:app --port 8000
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

import uvicorn
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Mount, Route

from .config import get_settings
from .servers import build_secure_server, calc, echo

settings = get_settings()
secure = build_secure_server(settings)

# streamable_http_app() must be called before session_manager is touched
echo_app = echo.streamable_http_app()
secure_app = secure.streamable_http_app()
calc_app = calc.sse_app()


@contextlib.asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    async with contextlib.AsyncExitStack() as stack:
        await stack.enter_async_context(echo.session_manager.run())
        await stack.enter_async_context(secure.session_manager.run())
        yield


async def index(request: Request) -> PlainTextResponse:
    lines = [
        f"echo   -> {settings.public_url}/echo{echo.settings.streamable_http_path}",
        f"secure -> {settings.public_url}/secure{secure.settings.streamable_http_path}",
        f"calc   -> {settings.public_url}{calc.settings.mount_path}{calc.settings.sse_path}",
    ]
    return PlainTextResponse("\n".join(lines))


app = Starlette(
    debug=settings.debug,
    routes=[
        Route("/", index),
        Mount("/echo", app=echo_app),
        Mount("/secure", app=secure_app),
        Mount("/calc", app=calc_app),
    ],
    middleware=[
        Middleware(
            CORSMiddleware,
            allow_origins=["*"],
            allow_methods=["GET", "POST", "DELETE"],
            expose_headers=["Mcp-Session-Id"],
        )
    ],
    lifespan=lifespan,
)


if __name__ == "__main__":
    uvicorn.run("gateway.main:app", host=settings.host, port=settings.port, reload=settings.debug)
