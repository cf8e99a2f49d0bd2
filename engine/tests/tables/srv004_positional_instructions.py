"""SRV004: `MCPServer` constructor: `title`, `description`, and `version` added to the positional parameters

Rule: engine/mcp_migrate/rules/srv004_positional_instructions.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        " # Second positional parameter is instructions\n"
        '-mcp = FastMCP("Demo", "You answer questions about the weather.")\n'
        '+mcp = FastMCP("Demo", instructions="You answer questions about the weather.")\n',
        findings=["SRV004:4 safe"],
    ),
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        " mcp = FastMCP(\n"
        '     "Demo",\n'
        "-    INSTRUCTIONS,\n"
        '-    "https://example.com",\n'
        "+    instructions=INSTRUCTIONS,\n"
        '+    website_url="https://example.com",\n'
        "     debug=True,\n"
        " )\n",
        findings=["SRV004:3 safe"],
    ),
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        '-mcp = FastMCP("Demo", None, None, [icon], provider)\n'
        '+mcp = FastMCP("Demo", instructions=None, website_url=None, icons=[icon], auth_server_provider=provider)\n',
        findings=["SRV004:3 safe"],
    ),
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        "+# mcp-migrate: SRV004 v2 inserted `title`/`description` after `name`: pass everything after `name` by keyword (`instructions=`, `website_url=`, ...) https://py.sdk.modelcontextprotocol.io/v2/migration/#mcpserver-constructor-title-description-and-version-added-to-the-positional-parameters\n"
        ' mcp = FastMCP("Demo", *extra)\n',
        findings=["SRV004:3 manual"],
    ),
]

NOOP = [
    "from fastmcp import FastMCP\nmcp = FastMCP(\"Demo\", \"instructions\")\n",
    "from mcp.server.fastmcp import FastMCP\nmcp = FastMCP(\"Demo\", instructions=\"x\")\n",
    "from mcp.server.fastmcp import FastMCP\nmcp = FastMCP(\"Demo\")\n",
    "from mcp.server.fastmcp import FastMCP\nmcp = FastMCP(*args)\n",
    "class FastMCP:\n    pass\nmcp = FastMCP(\"Demo\", \"x\")\n",
]
