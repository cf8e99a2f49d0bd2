"""TRN003: `StreamableHTTPTransport` parameters removed

Rule: engine/mcp_migrate/rules/trn003_transport_params.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.client.streamable_http import StreamableHTTPTransport\n"
        "+# mcp-migrate: TRN003 `StreamableHTTPTransport(url)` takes only the URL: set headers, timeouts and auth on the `httpx2.AsyncClient` instead https://py.sdk.modelcontextprotocol.io/v2/migration/#streamablehttptransport-parameters-removed\n"
        " t = StreamableHTTPTransport(u, headers=h)\n",
        findings=["TRN003:2 manual"],
    ),
]

NOOP = [
    "from mcp.client.streamable_http import StreamableHTTPTransport\nt = StreamableHTTPTransport(u)\n",
]
