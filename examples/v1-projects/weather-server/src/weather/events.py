"""An SSE endpoint of our own (sse-starlette 2.x), mounted next to the MCP app."""

import asyncio

from sse_starlette.sse import EventSourceResponse
from starlette.applications import Starlette
from starlette.routing import Mount, Route

from weather.server import mcp


async def heartbeat(request):
    async def gen():
        while True:
            yield {"event": "ping", "data": "ok"}
            await asyncio.sleep(15)

    return EventSourceResponse(gen())


app = Starlette(
    routes=[
        Route("/events", heartbeat),
        Mount("/", app=mcp.streamable_http_app()),
    ],
)
