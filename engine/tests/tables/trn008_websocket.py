"""TRN008: WebSocket transport removed

Rule: engine/mcp_migrate/rules/trn008_websocket.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        "+# mcp-migrate: TRN008 the WebSocket transport was removed: use streamable HTTP (`streamable_http_client` on the client, `streamable_http_app()` on the server) https://py.sdk.modelcontextprotocol.io/v2/migration/#websocket-transport-removed\n"
        " from mcp.client.websocket import websocket_client\n"
        " \n"
        " async def f():\n"
        "+    # mcp-migrate: TRN008 the WebSocket transport was removed: use streamable HTTP (`streamable_http_client` on the client, `streamable_http_app()` on the server) https://py.sdk.modelcontextprotocol.io/v2/migration/#websocket-transport-removed\n"
        "     async with websocket_client('ws://x') as (r, w):\n"
        "         pass\n",
        findings=["TRN008:1 manual", "TRN008:4 manual"],
    ),
    case(
        "+# mcp-migrate: TRN008 the WebSocket transport was removed: use streamable HTTP (`streamable_http_client` on the client, `streamable_http_app()` on the server) https://py.sdk.modelcontextprotocol.io/v2/migration/#websocket-transport-removed\n"
        " import mcp.server.websocket\n",
        findings=["TRN008:1 manual"],
    ),
]

NOOP = [
    "from websockets import connect\n",
    "from mcp.client.sse import sse_client\n",
]
