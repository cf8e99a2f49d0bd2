"""ASGI entry point: the orders REST API with the MCP server mounted inside."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator

import uvicorn
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route

from mcp.server.transport_security import TransportSecuritySettings
from mcp.types import TextContent

from .server import mcp

logger = logging.getLogger("orders.app")

# Reverse proxy terminates TLS and forwards the public host name.
mcp.settings.transport_security = TransportSecuritySettings(
    enable_dns_rebinding_protection=True,
    allowed_hosts=["orders.example.com", "localhost:*", "127.0.0.1:*"],
    allowed_origins=["https://orders.example.com", "http://localhost:*"],
)
mcp.settings.stateless_http = False

# Build the sub-apps at import time: session_manager only exists afterwards.
streamable_app = mcp.streamable_http_app()
legacy_sse_app = mcp.sse_app(mount_path="/legacy")


@contextlib.asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    async with mcp.session_manager.run():
        logger.info(
            "MCP session manager running (json_response=%s, stateless=%s)",
            mcp.session_manager.json_response,
            mcp.session_manager.stateless,
        )
        yield


async def order_detail(request: Request) -> Response:
    contents = list(await mcp.read_resource(f"orders://{request.path_params['order_id']}"))
    if not contents:
        return JSONResponse({"error": "not found"}, status_code=404)
    return Response(contents[0].content, media_type=contents[0].mime_type or "application/json")


async def shipping_quote(request: Request) -> JSONResponse:
    weight = float(request.query_params.get("weight_kg", "1"))
    result = await mcp.call_tool("shipping_quote", {"weight_kg": weight, "country": request.query_params.get("country", "US")})
    if isinstance(result, dict):
        return JSONResponse(result)
    blocks = list(result)
    # Structured tools come back as (content, structured_content).
    if len(blocks) == 2 and isinstance(blocks[1], dict):
        return JSONResponse(blocks[1])
    return JSONResponse({"content": [b.model_dump() for b in blocks if isinstance(b, TextContent)]})


async def tool_catalog(request: Request) -> JSONResponse:
    tools = await mcp.list_tools()
    return JSONResponse(
        [{"name": t.name, "title": t.title, "input": t.inputSchema, "output": t.outputSchema} for t in tools]
    )


app = Starlette(
    debug=mcp.settings.debug,
    routes=[
        Route("/api/orders/{order_id}", order_detail),
        Route("/api/shipping-quote", shipping_quote),
        Route("/api/tools", tool_catalog),
        Mount("/mcp", app=streamable_app),
        Mount("/legacy", app=legacy_sse_app),
    ],
    middleware=[Middleware(CORSMiddleware, allow_origins=["*"], expose_headers=["Mcp-Session-Id"])],
    lifespan=lifespan,
)


def main() -> None:
    uvicorn.run(app, host=mcp.settings.host, port=mcp.settings.port, log_level=mcp.settings.log_level.lower())


if __name__ == "__main__":
    main()
