"""SRV016: `Context.client_id` removed

Rule: engine/mcp_migrate/rules/srv016_context_client_id.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.server.fastmcp import Context\n"
        " \n"
        " async def who(ctx: Context) -> str:\n"
        "-    client_id = ctx.client_id\n"
        '+    client_id = (ctx.request_context.meta or {}).get("client_id")\n'
        "     return client_id or 'anonymous'\n",
        findings=["SRV016:4 review"],
    ),
    # the v1 ambient context is the same object
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        " mcp = FastMCP('d')\n"
        " \n"
        " def who():\n"
        "     c = mcp.get_context()\n"
        "-    return c.client_id\n"
        '+    return (c.request_context.meta or {}).get("client_id")\n',
        findings=["SRV016:7 review"],
    ),
    # inside f-strings the key is quoted the way the f-string is not, which Python 3.10 and 3.11 need
    case(
        " from mcp.server.fastmcp import Context\n"
        " \n"
        " async def who(ctx: Context) -> str:\n"
        "-    a = f\"by {ctx.client_id or 'anonymous'}\"\n"
        "-    b = 'x ' f'{ctx.client_id}'\n"
        "-    return f\"{a} {b} {ctx.client_id!r}\" + f\"\"\"{ctx.client_id}\"\"\"\n"
        "+    a = f\"by {(ctx.request_context.meta or {}).get('client_id') or 'anonymous'}\"\n"
        "+    b = 'x ' f'{(ctx.request_context.meta or {}).get(\"client_id\")}'\n"
        "+    return f\"{a} {b} {(ctx.request_context.meta or {}).get('client_id')!r}\" + "
        "f\"\"\"{(ctx.request_context.meta or {}).get('client_id')}\"\"\"\n",
        findings=["SRV016:4 review", "SRV016:5 review", "SRV016:6 review", "SRV016:6 review"],
    ),
    # tested, then used in the branch: the test binds the value, which keeps the branch's `str`
    case(
        " from mcp.server.fastmcp import Context\n"
        " \n"
        " def tenant(ctx: Context, default: str) -> str:\n"
        "-    if ctx.client_id:\n"
        "-        return ctx.client_id\n"
        '+    if client_id := (ctx.request_context.meta or {}).get("client_id"):\n'
        "+        return client_id\n"
        "     return default\n",
        findings=["SRV016:4 review", "SRV016:5 review"],
    ),
]

NOOP = [
    "from mcp.server.auth.middleware.auth_context import get_access_token\n"
    "\n"
    "token = get_access_token()\n"
    "cid = token.client_id if token else None\n",
    "from fastmcp import Context\n\nasync def who(ctx: Context):\n    return ctx.client_id\n",
    "def who(ctx):\n    return ctx.client_id\n",
]
