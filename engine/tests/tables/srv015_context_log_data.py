"""SRV015: `MCPServer`'s `Context` logging: `message` renamed to `data`, `extra` removed

Rule: engine/mcp_migrate/rules/srv015_context_log_data.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.server.fastmcp import Context\n"
        " \n"
        " async def t(ctx: Context) -> None:\n"
        "-    await ctx.log(level='info', message='hello')\n"
        "-    await ctx.warning(message='careful', logger_name='db')\n"
        "+    await ctx.log(level='info', data='hello')\n"
        "+    await ctx.warning(data='careful', logger_name='db')\n"
        "     await ctx.info('positional is fine')\n",
        findings=["SRV015:4 safe", "SRV015:5 safe"],
    ),
    case(
        " from mcp.server.fastmcp import Context\n"
        " \n"
        " async def t(ctx: Context) -> None:\n"
        "-    await ctx.info('Connection failed', extra={'host': 'localhost', 'port': 5432})\n"
        '+    await ctx.info({"message": \'Connection failed\', \'host\': \'localhost\', \'port\': 5432})\n',
        findings=["SRV015:4 review"],
    ),
    case(
        " from mcp.server.fastmcp import Context\n"
        " \n"
        " async def t(ctx: Context) -> None:\n"
        "+    # mcp-migrate: SRV015 `extra` keywords were removed (they raised `TypeError` in v1 too): pass one `data` dict instead https://py.sdk.modelcontextprotocol.io/v2/migration/#mcpservers-context-logging-message-renamed-to-data-extra-removed\n"
        "     await ctx.error('boom', host=h)\n",
        findings=["SRV015:4 manual"],
    ),
]

NOOP = [
    "import logging\nlog = logging.getLogger()\nlog.info('x', extra={'a': 1})\n",
    "from fastmcp import Context\n\nasync def t(ctx: Context):\n    await ctx.info(message='x')\n",
    "from mcp.server.fastmcp import Context\n"
    "\n"
    "async def t(ctx: Context):\n"
    "    await ctx.report_progress(1, 2, message='x')\n",
    "from mcp.server.session import ServerSession\n"
    "\n"
    "async def t(s: ServerSession):\n"
    "    await s.send_log_message(level='info', data='x')\n",
]
