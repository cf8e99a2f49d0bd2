"""DPR002: Roots, Sampling, and Logging methods deprecated (SEP-2577)

Rule: engine/mcp_migrate/rules/dpr002_roots_sampling_logging_deprecated.py. Table format: engine/tests/tables/__init__.py.
"""

from . import findings_only

CASES = [
    findings_only(
        "from mcp.server.fastmcp import Context, FastMCP\n"
        "\n"
        "mcp = FastMCP('demo')\n"
        "\n"
        "@mcp.tool()\n"
        "async def work(ctx: Context) -> str:\n"
        "    await ctx.info('starting')\n"
        "    roots = await ctx.session.list_roots()\n"
        "    return str(roots)\n",
        findings=["DPR002:7 advisory", "DPR002:8 advisory"],
    ),
]

NOOP = [
    "import logging\nlog = logging.getLogger(__name__)\nlog.info('x')\n",
    "from fastmcp import Context\nasync def f(ctx: Context):\n    await ctx.info('x')\n",
    "from mcp.server.fastmcp import Context\nasync def f(ctx: Context):\n    await ctx.report_progress(1, 2)\n",
]
