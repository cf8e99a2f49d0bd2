"""SRV011: `MCPError` raised from an `@mcp.tool()` handler now surfaces as a JSON-RPC error

Rule: engine/mcp_migrate/rules/srv011_mcperror_in_tool.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

# a server file importing v1's error, and the `ToolError` import a fix adds
SERVER = (
    " from mcp.server.fastmcp import FastMCP\n"
    " from mcp.shared.exceptions import McpError\n"
    " from mcp.types import ErrorData, INVALID_PARAMS\n"
    "+from mcp.server.mcpserver.exceptions import ToolError\n"
    " \n"
    " mcp = FastMCP('d')\n"
    " \n"
)

CASES = [
    # v1 gave the model the error's message as an `isError` result; `ToolError` still does in v2
    case(
        SERVER + ' @mcp.tool()\n'
        ' async def book(date: str) -> str:\n'
        '     if date < TODAY:\n'
        "-        raise McpError(ErrorData(code=INVALID_PARAMS, message='date in the past')) from None\n"
        "+        raise ToolError('date in the past') from None\n"
        "     return 'ok'\n",
        findings=['SRV011:10 safe'],
    ),
    # an `ErrorData` held in a name; `ToolError` already imported (from v1's module, renamed elsewhere)
    case(
        ' from mcp.server.fastmcp import FastMCP\n'
        ' from mcp.server.fastmcp.exceptions import ToolError\n'
        ' from mcp.shared.exceptions import McpError\n'
        ' \n'
        " mcp = FastMCP('d')\n"
        ' \n'
        ' @mcp.tool()\n'
        ' async def book(date: str) -> str:\n'
        '     error = lookup(date)\n'
        '     if error:\n'
        '-        raise McpError(error)\n'
        '+        raise ToolError(error.message)\n'
        '     if not date:\n'
        "         raise ToolError('empty')\n"
        "     return 'ok'\n",
        findings=['SRV011:11 safe'],
    ),
    # in an `except` clause, past its own `try`'s handlers
    case(
        SERVER + ' @mcp.tool()\n'
        ' async def book(date: str) -> str:\n'
        '     try:\n'
        '         when = parse(date)\n'
        '     except ValueError as exc:\n'
        '-        raise McpError(ErrorData(code=INVALID_PARAMS, message=str(exc))) from exc\n'
        '+        raise ToolError(str(exc)) from exc\n'
        '     return when\n',
        findings=['SRV011:12 safe'],
    ),
    # a helper only tools call, outside their `try` bodies; one a tool calls in a `try` body: left alone
    case(
        SERVER + ' \n'
        ' def _lookup(store, key):\n'
        '     if key not in store:\n'
        '-        raise McpError(ErrorData(code=INVALID_PARAMS, message=f"no {key}"))\n'
        '+        raise ToolError(f"no {key}")\n'
        '     return store[key]\n'
        ' \n'
        ' \n'
        ' def _parse(text):\n'
        '     raise McpError(ErrorData(code=INVALID_PARAMS, message="bad"))\n'
        ' \n'
        ' \n'
        ' @mcp.tool()\n'
        ' async def get(key: str) -> str:\n'
        '     return _lookup(STORE, key)\n'
        ' \n'
        ' \n'
        ' @mcp.tool()\n'
        ' async def parse(text: str) -> str:\n'
        '     try:\n'
        '         return _parse(text)\n'
        '     except McpError:\n'
        '         return "fallback"\n',
        findings=['SRV011:10 safe'],
    ),
    # in a `try` body, whose handlers may catch `McpError`: marked
    case(
        ' from mcp.server.fastmcp import FastMCP\n'
        ' from mcp.shared.exceptions import McpError\n'
        ' from mcp.types import ErrorData\n'
        ' \n'
        " mcp = FastMCP('d')\n"
        ' \n'
        ' @mcp.tool()\n'
        ' async def book(date: str) -> str:\n'
        '     try:\n'
        '         check(date)\n'
        "+        # mcp-migrate: SRV011 raising `McpError` in a tool now returns a JSON-RPC error (the client's `call_tool()` raises) instead of an `isError` result; raise `ToolError` (or another exception) if the model should see the failure https://py.sdk.modelcontextprotocol.io/v2/migration/#mcperror-raised-from-an-mcptool-handler-now-surfaces-as-a-json-rpc-error\n"
        "         raise McpError(ErrorData(code=1, message='no'))\n"
        '     except McpError:\n'
        "         return 'caught'\n",
        findings=['SRV011:11 manual'],
    ),
]

NOOP = [
    # UrlElicitationRequiredError already surfaced as a JSON-RPC error in v1
    "from mcp.server.fastmcp import FastMCP\n"
    "from mcp.shared.exceptions import UrlElicitationRequiredError\n"
    "mcp = FastMCP('d')\n"
    "\n"
    "@mcp.tool()\n"
    "async def t() -> str:\n"
    "    raise UrlElicitationRequiredError([])\n",
    # not a tool
    "from mcp.server.fastmcp import FastMCP\n"
    "from mcp import McpError\n"
    "mcp = FastMCP('d')\n"
    "\n"
    "@mcp.prompt()\n"
    "def p() -> str:\n"
    "    raise McpError(err)\n",
    "from mcp.server.fastmcp import FastMCP\n"
    "from mcp.server.fastmcp.exceptions import ToolError\n"
    "mcp = FastMCP('d')\n"
    "\n"
    "@mcp.tool()\n"
    "def t() -> str:\n"
    "    raise ToolError('bad')\n",
    "from mcp.server.fastmcp import FastMCP\n"
    "mcp = FastMCP('d')\n"
    "\n"
    "class McpError(Exception):\n"
    "    pass\n"
    "\n"
    "@mcp.tool()\n"
    "def t() -> str:\n"
    "    raise McpError('bad')\n",
]
