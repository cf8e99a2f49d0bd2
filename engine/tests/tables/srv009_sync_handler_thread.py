"""SRV009: Sync handler functions now run on a worker thread

Rule: engine/mcp_migrate/rules/srv009_sync_handler_thread.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " import asyncio\n"
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        " mcp = FastMCP('d')\n"
        " \n"
        " \n"
        "+# mcp-migrate: SRV009 v2 runs sync handlers in a worker thread, where `asyncio.get_running_loop()` fails or sees another thread; declare `schedule` `async def` to keep it on the event loop https://py.sdk.modelcontextprotocol.io/v2/migration/#sync-handler-functions-now-run-on-a-worker-thread\n"
        " @mcp.tool()\n"
        " def schedule(job: str) -> str:\n"
        "     loop = asyncio.get_running_loop()\n"
        "     loop.call_soon(print, job)\n"
        "     return 'scheduled'\n",
        findings=["SRV009:8 manual"],
    ),
    case(
        " from asyncio import create_task\n"
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        " mcp = FastMCP('d')\n"
        " \n"
        "+# mcp-migrate: SRV009 v2 runs sync handlers in a worker thread, where `asyncio.create_task()` fails or sees another thread; declare `data` `async def` to keep it on the event loop https://py.sdk.modelcontextprotocol.io/v2/migration/#sync-handler-functions-now-run-on-a-worker-thread\n"
        " @mcp.resource('data://x')\n"
        " def data() -> str:\n"
        "     create_task(refresh())\n"
        "     return 'x'\n"
        " \n"
        " def test_data():\n"
        "     assert data() == 'x'\n",
        findings=["SRV009:7 manual"],
    ),
]

NOOP = [
    # async handlers are unchanged
    "import asyncio\n"
    "from mcp.server.fastmcp import FastMCP\n"
    "mcp = FastMCP('d')\n"
    "\n"
    "@mcp.tool()\n"
    "async def t() -> str:\n"
    "    asyncio.get_running_loop()\n"
    "    return ''\n",
    # a sync handler that never touches the loop simply gains concurrency
    "import time\n"
    "from mcp.server.fastmcp import FastMCP\n"
    "mcp = FastMCP('d')\n"
    "\n"
    "@mcp.tool()\n"
    "def t() -> str:\n"
    "    time.sleep(1)\n"
    "    return ''\n",
    # the loop call is in a nested coroutine, not in the handler body
    "import asyncio\n"
    "from mcp.server.fastmcp import FastMCP\n"
    "mcp = FastMCP('d')\n"
    "\n"
    "@mcp.tool()\n"
    "def t() -> str:\n"
    "    async def inner():\n"
    "        asyncio.get_running_loop()\n"
    "    return ''\n",
    "import asyncio\n"
    "from fastmcp import FastMCP\n"
    "mcp = FastMCP('d')\n"
    "\n"
    "@mcp.tool()\n"
    "def t() -> str:\n"
    "    asyncio.get_running_loop()\n"
    "    return ''\n",
    "import asyncio\n\ndef t() -> str:\n    return asyncio.get_event_loop()\n",
]
