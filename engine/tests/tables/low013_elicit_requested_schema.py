"""LOW013: `ServerSession.elicit()` and `elicit_form()` take `requested_schema`, not `requestedSchema`

Rule: engine/mcp_migrate/rules/low013_elicit_requested_schema.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.server.fastmcp import Context\n"
        " \n"
        " async def t(ctx: Context):\n"
        "     return await ctx.session.elicit_form(\n"
        "         message='Your name?',\n"
        "-        requestedSchema={'type': 'object'},\n"
        "+        requested_schema={'type': 'object'},\n"
        "     )\n",
        findings=["LOW013:6 safe"],
    ),
    case(
        " from mcp.server import Server\n"
        " server = Server('s')\n"
        " \n"
        " async def h():\n"
        "-    await server.request_context.session.elicit(message='m', requestedSchema=s)\n"
        "+    await server.request_context.session.elicit(message='m', requested_schema=s)\n",
        findings=["LOW013:5 safe"],
    ),
    case(
        " from mcp.server.session import ServerSession\n"
        " \n"
        " async def f(s: ServerSession):\n"
        "-    await s.elicit('m', requestedSchema=x)\n"
        "+    await s.elicit('m', requested_schema=x)\n",
        findings=["LOW013:4 safe"],
    ),
    case(
        "+# mcp-migrate: LOW013 if this is an MCP `ServerSession`, rename `requestedSchema=` to `requested_schema=` https://py.sdk.modelcontextprotocol.io/v2/migration/#serversessionelicit-and-elicit_form-take-requested_schema-not-requestedschema\n"
        " r = await ctx.session.elicit_form(message='m', requestedSchema=s)\n",
        findings=["LOW013:1 manual"],
    ),
]

NOOP = [
    "async def t(ctx):\n    await ctx.session.elicit(message='m', requestedSchema=s)\n",
    "from fastmcp import Context\n"
    "\n"
    "async def t(ctx: Context):\n"
    "    await ctx.session.elicit(message='m', requestedSchema=s)\n",
    "from mcp.server.fastmcp import Context\n\nasync def t(ctx: Context):\n    await ctx.session.elicit('m', s)\n",
]
