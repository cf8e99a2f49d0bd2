"""ERA003: Change notifications travel only on `subscriptions/listen` streams

Rule: engine/mcp_migrate/rules/era003_change_notifications_listen.py. Table format: engine/tests/tables/__init__.py.
"""

from . import findings_only

CASES = [
    findings_only(
        "from mcp.server.fastmcp import Context, FastMCP\n"
        "\n"
        "mcp = FastMCP('demo')\n"
        "\n"
        "@mcp.tool()\n"
        "async def enable(name: str, ctx: Context) -> str:\n"
        "    await ctx.session.send_tool_list_changed()\n"
        "    return name\n",
        findings=["ERA003:7 advisory"],
    ),
]

NOOP = [
    "async def f(session):\n    await session.send_tool_list_changed()\n",
    "from fastmcp import Context\nasync def f(ctx: Context):\n    await ctx.session.send_tool_list_changed()\n",
]
