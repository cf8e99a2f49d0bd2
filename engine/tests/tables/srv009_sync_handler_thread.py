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
    # defined in the function that registers it and never named again: `async def`, on the loop as in v1;
    # named again (a caller may want its value): marked
    case(
        ' import asyncio\n'
        ' \n'
        ' from mcp.server.fastmcp import Context, FastMCP\n'
        ' \n'
        ' \n'
        ' def register(mcp: FastMCP) -> None:\n'
        '     @mcp.tool()\n'
        '-    def status(ctx: Context) -> dict:\n'
        '+    async def status(ctx: Context) -> dict:\n'
        '         loop = asyncio.get_running_loop()\n'
        '         return {"time": loop.time()}\n'
        ' \n'
        '+    # mcp-migrate: SRV009 v2 runs sync handlers in a worker thread, where `asyncio.get_running_loop()` fails or sees another thread; declare `ticks` `async def` to keep it on the event loop https://py.sdk.modelcontextprotocol.io/v2/migration/#sync-handler-functions-now-run-on-a-worker-thread\n'
        '     @mcp.tool()\n'
        '     def ticks() -> float:\n'
        '         return asyncio.get_running_loop().time()\n'
        ' \n'
        '     registry = {"ticks": ticks}\n'
        '     print(registry)\n',
        findings=['SRV009:8 safe', 'SRV009:13 manual'],
    ),
    # a generator: `async def` would make it an async generator, so marked
    case(
        ' import asyncio\n'
        ' \n'
        ' from mcp.server.fastmcp import FastMCP\n'
        ' \n'
        ' \n'
        ' def register(mcp: FastMCP) -> None:\n'
        '+    # mcp-migrate: SRV009 v2 runs sync handlers in a worker thread, where `asyncio.get_running_loop()` fails or sees another thread; declare `ticks` `async def` to keep it on the event loop https://py.sdk.modelcontextprotocol.io/v2/migration/#sync-handler-functions-now-run-on-a-worker-thread\n'
        '     @mcp.resource("clock://ticks")\n'
        '     def ticks():\n'
        '         yield str(asyncio.get_running_loop().time())\n',
        findings=['SRV009:8 manual'],
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
