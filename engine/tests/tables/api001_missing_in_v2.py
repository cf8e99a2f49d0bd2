"""API001: v1 API that v2 no longer has (the safety net after every other rule)

Rule: engine/mcp_migrate/rules/api001_missing_in_v2.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

M = "https://py.sdk.modelcontextprotocol.io/v2/migration/#"

CASES = [
    # a member known from the parameter's annotation
    case(
        " from mcp import ClientSession\n"
        " \n"
        " async def tasks(session: ClientSession):\n"
        "+    # mcp-migrate: API001 `session.experimental` does not exist in v2 (`ClientSession` has no "
        "`experimental`) " + M + "experimental-tasks-support-removed\n"
        "     return await session.experimental.list_tasks()\n",
        findings=["API001:4 manual"],
    ),
    # a private attribute of the v1 receive loop, on a session the file never annotates
    case(
        " from mcp import ClientSession\n"
        " \n"
        " async def main(r, w):\n"
        "     async with ClientSession(r, w) as s:\n"
        "+        # mcp-migrate: API001 `s._receive_request_type` does not exist in v2 (`ClientSession` has no "
        "`_receive_request_type`) " + M + "clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed\n"
        "         s._receive_request_type = dict\n",
        findings=["API001:5 manual"],
    ),
    # a removed module and a removed name
    case(
        "+# mcp-migrate: API001 `mcp.shared.response_router` does not exist in v2 "
        + M
        + "experimental-tasks-support-removed\n"
        " from mcp.shared.response_router import ResponseRouter\n",
        findings=["API001:1 manual"],
    ),
    # a type alias of the v1 lowlevel server (a module-level value, not a class or function)
    case(
        "+# mcp-migrate: API001 `StructuredContent` does not exist in v2 "
        + M
        + "lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params\n"
        " from mcp.server.lowlevel.server import StructuredContent\n",
        findings=["API001:1 manual"],
    ),
    # a keyword a lowlevel method no longer takes, on an object the file builds
    case(
        " from mcp.server.lowlevel import Server\n"
        " \n"
        " server = Server('x')\n"
        "+# mcp-migrate: API001 `run()` takes no `stateless=` in v2 "
        + M
        + "serverrun-no-longer-takes-a-stateless-flag\n"
        " server.run(r, w, opts, stateless=True)\n",
        findings=["API001:4 manual"],
    ),
]

NOOP = [
    # what v2 still has
    "from mcp import ClientSession\n\nasync def go(session: ClientSession):\n    return await session.list_tools()\n",
    # the separate fastmcp package and look-alikes
    "from fastmcp import FastMCP\nmcp = FastMCP('x')\nmcp.get_context()\n",
    "class ClientSession:\n    experimental = None\n\nClientSession().experimental\n",
    # no SDK import at all
    "def f(session):\n    return session.experimental\n",
]
