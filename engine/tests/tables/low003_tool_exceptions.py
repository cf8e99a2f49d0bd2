"""LOW003: Lowlevel `Server`: tool handler exceptions no longer become `CallToolResult(is_error=True)`

Rule: engine/mcp_migrate/rules/low003_tool_exceptions.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

# the wrapper a fix defines in the file: v1's catch-all around a converted `call_tool` handler
WRAPPER = (
    '+def tool_errors_as_results(\n'
    '+    handler: Callable[[ServerRequestContext[Any], CallToolRequestParams], Awaitable[CallToolResult]],\n'
    '+) -> Callable[[ServerRequestContext[Any], CallToolRequestParams], Awaitable[CallToolResult]]:\n'
    '+    """v1\'s lowlevel `call_tool()` answered an exception from its handler with an `is_error` result the\n'
    '+    model reads; v2 answers it with a JSON-RPC error, so this wrapper catches it the way v1 did."""\n'
    '+\n'
    '+    async def call(ctx: ServerRequestContext[Any], params: CallToolRequestParams) -> CallToolResult:\n'
    '+        try:\n'
    '+            return await handler(ctx, params)\n'
    '+        except UrlElicitationRequiredError:\n'
    '+            raise\n'
    '+        except Exception as e:\n'
    '+            return CallToolResult(content=[TextContent(type="text", text=str(e))], is_error=True)\n'
    '+\n'
    '+    return call\n'
)

CASES = [
    # a handler LOW001 converts: decorated with v1's exception handling, defined above it
    case(
        ' from mcp.server import Server\n'
        '-\n'
        "-server = Server('s')\n"
        '-\n'
        '-@server.call_tool()\n'
        '-async def call_tool(name: str, arguments: dict):\n'
        "-    raise ValueError('kaboom')\n"
        '+from mcp.server import ServerRequestContext\n'
        '+from mcp.types import CallToolRequestParams, CallToolResult, TextContent\n'
        '+from collections.abc import Awaitable, Callable\n'
        '+from typing import Any\n'
        '+from mcp.shared.exceptions import UrlElicitationRequiredError\n'
        '+\n' + WRAPPER + '+\n'
        '+\n'
        '+@tool_errors_as_results\n'
        '+async def call_tool(ctx: ServerRequestContext, params: CallToolRequestParams):\n'
        "+    raise ValueError('kaboom')\n"
        '+\n'
        '+\n'
        "+server = Server('s', on_call_tool=call_tool)\n",
        findings=['LOW003:5 safe'],
    ),
    # ... its own `try` catches only some exceptions
    case(
        ' import mcp.server.lowlevel.server as lls\n'
        '+import json\n'
        '+from mcp.server import ServerRequestContext\n'
        '+from mcp.types import CallToolRequestParams, CallToolResult, TextContent\n'
        '+from collections.abc import Awaitable, Callable\n'
        '+from typing import Any\n'
        '+from mcp.shared.exceptions import UrlElicitationRequiredError\n'
        ' \n'
        "-app = lls.Server('s')\n"
        ' \n'
        '-@app.call_tool(validate_input=False)\n'
        '-async def run(name, args):\n'
        '+def call_tool_result(value) -> CallToolResult:\n'
        '+    """v1\'s lowlevel `call_tool()` turned what a handler returned into a `CallToolResult`; v2 takes the\n'
        '+    result itself (https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-automatic-return-value-wrapping-removed)."""\n'
        '+    if isinstance(value, CallToolResult):\n'
        '+        return value\n'
        '+    if isinstance(value, tuple) and len(value) == 2:\n'
        '+        content, structured = value\n'
        '+    elif isinstance(value, dict):\n'
        '+        content, structured = [TextContent(type="text", text=json.dumps(value, indent=2))], value\n'
        '+    else:\n'
        '+        content, structured = value, None\n'
        '+    return CallToolResult(content=list(content), structured_content=structured)\n'
        '+\n'
        '+\n' + WRAPPER + '+\n'
        '+\n'
        '+@tool_errors_as_results\n'
        '+async def run(ctx: ServerRequestContext, params: CallToolRequestParams):\n'
        '+    name, args = params.name, params.arguments or {}\n'
        '     try:\n'
        '-        return await go(name, args)\n'
        '+        return call_tool_result(await go(name, args))\n'
        '     except KeyError:\n'
        '-        return []\n'
        '+        return CallToolResult(content=[])\n'
        '+\n'
        '+\n'
        "+app = lls.Server('s', on_call_tool=run)\n",
        findings=['LOW003:5 safe'],
    ),
    # handlers built in functions share one definition, below the imports
    case(
        ' import mcp.types as types\n'
        ' from mcp.server.lowlevel import Server\n'
        '+from mcp.server import ServerRequestContext\n'
        '+from collections.abc import Awaitable, Callable\n'
        '+from typing import Any\n'
        '+from mcp.types import CallToolRequestParams, CallToolResult, TextContent\n'
        '+from mcp.shared.exceptions import UrlElicitationRequiredError\n'
        '+\n'
        '+\n' + WRAPPER + ' \n'
        ' \n'
        ' def build() -> Server:\n'
        '-    server = Server("one")\n'
        '+    @tool_errors_as_results\n'
        '+    async def call_tool(ctx: ServerRequestContext, params: types.CallToolRequestParams) -> types.CallToolResult:\n'
        '+        raise RuntimeError("kaboom")\n'
        ' \n'
        '-    @server.call_tool()\n'
        '-    async def call_tool(name: str, arguments: dict) -> list[types.TextContent]:\n'
        '-        raise RuntimeError("kaboom")\n'
        '+    server = Server("one", on_call_tool=call_tool)\n'
        ' \n'
        '     return server\n'
        ' \n'
        ' \n'
        ' def build_other() -> Server:\n'
        '-    server = Server("two")\n'
        '-\n'
        '-    @server.call_tool()\n'
        '-    async def call_tool(name: str, arguments: dict) -> list[types.TextContent]:\n'
        '+    @tool_errors_as_results\n'
        '+    async def call_tool(ctx: ServerRequestContext, params: types.CallToolRequestParams) -> types.CallToolResult:\n'
        '         raise RuntimeError("kaboom")\n'
        ' \n'
        '+    server = Server("two", on_call_tool=call_tool)\n'
        '+\n'
        '     return server\n',
        findings=['LOW003:8 safe', 'LOW003:18 safe'],
    ),
    # the guide's fragment: no server to convert, marked
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
