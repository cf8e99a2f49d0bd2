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
    # the import takes other names too: the constant gets a line of its own below it
    case(
        '-from mcp.client.streamable_http import MCP_PROTOCOL_VERSION, MCP_SESSION_ID, streamable_http_client\n'
        '+from mcp.client.streamable_http import MCP_SESSION_ID, streamable_http_client\n'
        '+from mcp.shared.inbound import MCP_PROTOCOL_VERSION_HEADER as MCP_PROTOCOL_VERSION\n'
        ' \n'
        ' HEADERS = {MCP_PROTOCOL_VERSION: "2025-06-18", MCP_SESSION_ID: "abc"}\n'
        ' client = streamable_http_client\n',
        findings=['TRN004:1 safe'],
    ),
    # ...a parenthesized import in a block, the constant under another name
    case(
        ' try:\n'
        '     from mcp.client.streamable_http import (\n'
        '-        MCP_PROTOCOL_VERSION as VERSION_HEADER,\n'
        '         MCP_SESSION_ID,\n'
        '     )\n'
        '+    from mcp.shared.inbound import MCP_PROTOCOL_VERSION_HEADER as VERSION_HEADER\n'
        ' except ImportError:\n'
        '     VERSION_HEADER = MCP_SESSION_ID = None\n'
        ' \n'
        ' print(VERSION_HEADER, MCP_SESSION_ID)\n',
        findings=['TRN004:2 safe'],
    ),
    # ...on the file's last line, which has no newline (the input's line is the diff's last)
    case(
        "+from mcp.client.streamable_http import MCP_SESSION_ID\n"
        "+from mcp.shared.inbound import MCP_PROTOCOL_VERSION_HEADER as MCP_PROTOCOL_VERSION\n"
        "-from mcp.client.streamable_http import MCP_PROTOCOL_VERSION, MCP_SESSION_ID",
        findings=["TRN004:1 safe"],
    ),
]

NOOP = [
    "from mcp.shared.inbound import MCP_PROTOCOL_VERSION_HEADER as MCP_PROTOCOL_VERSION\n",
    "from other import MCP_PROTOCOL_VERSION\n",
]
