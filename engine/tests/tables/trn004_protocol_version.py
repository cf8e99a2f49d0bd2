"""TRN004: `StreamableHTTPTransport.protocol_version` attribute removed

Rule: engine/mcp_migrate/rules/trn004_protocol_version.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        "-from mcp.client.streamable_http import MCP_PROTOCOL_VERSION\n"
        "+from mcp.shared.inbound import MCP_PROTOCOL_VERSION_HEADER as MCP_PROTOCOL_VERSION\n"
        " h = {MCP_PROTOCOL_VERSION: v}\n",
        findings=["TRN004:1 safe"],
    ),
    case(
        " from mcp.client.streamable_http import StreamableHTTPTransport\n"
        " t = StreamableHTTPTransport(u)\n"
        "+# mcp-migrate: TRN004 the transport no longer tracks the protocol version: read `session.protocol_version` (or `client.protocol_version`) https://py.sdk.modelcontextprotocol.io/v2/migration/#streamablehttptransportprotocol_version-attribute-removed\n"
        " v = t.protocol_version\n",
        findings=["TRN004:3 manual"],
    ),
]

NOOP = [
    "from mcp.shared.inbound import MCP_PROTOCOL_VERSION_HEADER as MCP_PROTOCOL_VERSION\n",
    "from other import MCP_PROTOCOL_VERSION\n",
]
