"""LOW003: Lowlevel `Server`: tool handler exceptions no longer become `CallToolResult(is_error=True)`

Rule: engine/mcp_migrate/rules/low003_tool_exceptions.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.server import Server\n"
        " \n"
        " server = Server('s')\n"
        " \n"
        '+# mcp-migrate: LOW003 v2 answers an exception from this tool handler with a JSON-RPC error, not `CallToolResult(is_error=True)`: catch it and return `CallToolResult(content=[TextContent(type="text", text=str(e))], is_error=True)` to keep the error visible to the model https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-tool-handler-exceptions-no-longer-become-calltoolresultis_errortrue\n'
        " @server.call_tool()\n"
        " async def call_tool(name: str, arguments: dict):\n"
        "     raise ValueError('kaboom')\n",
        findings=["LOW003:5 manual"],
    ),
    case(
        " import mcp.server.lowlevel.server as lls\n"
        " \n"
        " app = lls.Server('s')\n"
        " \n"
        '+# mcp-migrate: LOW003 v2 answers an exception from this tool handler with a JSON-RPC error, not `CallToolResult(is_error=True)`: catch it and return `CallToolResult(content=[TextContent(type="text", text=str(e))], is_error=True)` to keep the error visible to the model https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-tool-handler-exceptions-no-longer-become-calltoolresultis_errortrue\n'
        " @app.call_tool(validate_input=False)\n"
        " async def run(name, args):\n"
        "     try:\n"
        "         return await go(name, args)\n"
        "     except KeyError:\n"
        "         return []\n",
        findings=["LOW003:5 manual"],
    ),
    # the guide's fragment
    case(
        '+# mcp-migrate: LOW003 v2 answers an exception from this tool handler with a JSON-RPC error, not `CallToolResult(is_error=True)`: catch it and return `CallToolResult(content=[TextContent(type="text", text=str(e))], is_error=True)` to keep the error visible to the model https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-tool-handler-exceptions-no-longer-become-calltoolresultis_errortrue\n'
        " @server.call_tool()\n"
        " async def call_tool(name: str, arguments: dict):\n"
        "     raise ValueError('kaboom')\n",
        findings=["LOW003:1 manual"],
    ),
]

NOOP = [
    "from mcp.server import Server\n"
    "\n"
    "server = Server('s')\n"
    "\n"
    "@server.call_tool()\n"
    "async def call_tool(name, arguments):\n"
    '    """Doc."""\n'
    "    try:\n"
    "        return await go()\n"
    "    except Exception as e:\n"
    "        return err(e)\n",
    "from fastmcp import FastMCP\nmcp = FastMCP('x')\n\n@mcp.call_tool()\nasync def t(n, a):\n    raise E\n",
    "class Server:\n    pass\n\nserver = Server()\n\n@server.call_tool()\nasync def t(n, a):\n    raise E\n",
]
