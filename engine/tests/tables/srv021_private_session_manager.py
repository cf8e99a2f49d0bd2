"""SRV021: Streamable HTTP: session manager, `EventStore`, and stateless mode unchanged

Rule: engine/mcp_migrate/rules/srv021_private_session_manager.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " import contextlib\n"
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        " mcp = FastMCP('App')\n"
        " \n"
        " @contextlib.asynccontextmanager\n"
        " async def lifespan(app):\n"
        "-    async with mcp._session_manager.run():\n"
        "+    async with mcp.session_manager.run():\n"
        "         yield\n",
        findings=["SRV021:8 review"],
    ),
]

NOOP = [
    "from mcp.server.fastmcp import FastMCP\nmcp = FastMCP('App')\nm = mcp.session_manager\n",
    "from fastmcp import FastMCP\nmcp = FastMCP('App')\nm = mcp._session_manager\n",
]
