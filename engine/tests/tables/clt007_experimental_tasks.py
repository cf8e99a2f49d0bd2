"""CLT007: Experimental Tasks support removed

Rule: engine/mcp_migrate/rules/clt007_experimental_tasks.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        "+# mcp-migrate: CLT007 experimental Tasks were removed in v2 with no drop-in replacement: run the work inline and report progress (`ctx.report_progress()` / `progress_callback=`) https://py.sdk.modelcontextprotocol.io/v2/migration/#experimental-tasks-support-removed\n"
        " from mcp.shared.experimental.tasks.store import TaskStore\n",
        findings=["CLT007:1 manual"],
    ),
    case(
        " async def f(session):\n"
        "+    # mcp-migrate: CLT007 experimental Tasks were removed in v2 with no drop-in replacement: run the work inline and report progress (`ctx.report_progress()` / `progress_callback=`) https://py.sdk.modelcontextprotocol.io/v2/migration/#experimental-tasks-support-removed\n"
        "     result = await session.experimental.call_tool_as_task('t', arguments={}, ttl=60000)\n",
        findings=["CLT007:2 manual"],
    ),
    case(
        " from mcp.server.lowlevel import Server\n"
        " \n"
        " server = Server('s')\n"
        "+# mcp-migrate: CLT007 experimental Tasks were removed in v2 with no drop-in replacement: run the work inline and report progress (`ctx.report_progress()` / `progress_callback=`) https://py.sdk.modelcontextprotocol.io/v2/migration/#experimental-tasks-support-removed\n"
        " server.experimental.enable_tasks()\n",
        findings=["CLT007:4 manual"],
    ),
]

NOOP = [
    "import torch\n\ntorch.experimental.foo()\n",
    "from myproj.experimental import thing\n",
    "from mcp.types import TaskStatus\n",
]
