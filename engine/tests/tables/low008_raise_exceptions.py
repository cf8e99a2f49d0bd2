"""LOW008: Lowlevel `Server.run(raise_exceptions=True)`: transport errors no longer re-raised

Rule: engine/mcp_migrate/rules/low008_raise_exceptions.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.server import Server\n"
        " server = Server('s')\n"
        " \n"
        " async def main():\n"
        "+    # mcp-migrate: LOW008 `raise_exceptions=True` now re-raises only handler exceptions; transport errors (e.g. JSON parse errors) are logged and dropped, so `run()` no longer exits on them https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-serverrunraise_exceptionstrue-transport-errors-no-longer-re-raised\n"
        "     await server.run(r, w, server.create_initialization_options(), raise_exceptions=True)\n",
        findings=["LOW008:5 manual"],
    ),
]

NOOP = [
    "from mcp.server import Server\nserver = Server('s')\nserver.run(r, w, o)\n",
    "from mcp.server import Server\nserver = Server('s')\nserver.run(r, w, o, raise_exceptions=False)\n",
    "from mcp.server.fastmcp import FastMCP\nm = FastMCP('s')\nm.run(raise_exceptions=True)\n",
]
