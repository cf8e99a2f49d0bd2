"""TRN005: Streamable HTTP: non-2xx responses now surface as per-request JSON-RPC errors

Rule: engine/mcp_migrate/rules/trn005_http_status_errors.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " import httpx\n"
        " from mcp.client.streamable_http import streamable_http_client\n"
        " \n"
        " async def f():\n"
        "+    # mcp-migrate: TRN005 HTTP status errors no longer escape the `streamable_http_client` context in v2: each failing call raises `MCPError` (e.g. `-32603`, `-32600 Session terminated`); catch it around the calls instead https://py.sdk.modelcontextprotocol.io/v2/migration/#streamable-http-non-2xx-responses-now-surface-as-per-request-json-rpc-errors\n"
        "     try:\n"
        "         async with streamable_http_client(u) as (r, w, _):\n"
        "             pass\n"
        "     except httpx.HTTPStatusError:\n"
        "         pass\n",
        findings=["TRN005:8 manual"],
    ),
    case(
        " from mcp.client.streamable_http import streamablehttp_client\n"
        " \n"
        "+# mcp-migrate: TRN005 v2 reports a terminated session as `MCPError(-32600, 'Session terminated')`: compare `exc.code == INVALID_REQUEST` (from `mcp.types`) and the message, not `32600` https://py.sdk.modelcontextprotocol.io/v2/migration/#streamable-http-non-2xx-responses-now-surface-as-per-request-json-rpc-errors\n"
        " if exc.error.code == 32600:\n"
        "     pass\n",
        findings=["TRN005:3 manual"],
    ),
]

NOOP = [
    "import httpx\n\ntry:\n    httpx.get(u)\nexcept httpx.HTTPStatusError:\n    pass\n",
    "from mcp.client.sse import sse_client\nif e.code == 32600:\n    pass\n",
]
