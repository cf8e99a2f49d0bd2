"""TST001: `create_connected_server_and_client_session` removed

Rule: engine/mcp_migrate/rules/tst001_connected_session_helper.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        "-from mcp.shared.memory import create_connected_server_and_client_session\n"
        "+from mcp.client import Client\n"
        " \n"
        " async def test_tool(server):\n"
        "-    async with create_connected_server_and_client_session(server) as session:\n"
        '+    async with Client(server, mode="legacy") as session:\n'
        "         result = await session.call_tool('my_tool', {'x': 1})\n",
        findings=["TST001:1 review"],
    ),
    case(
        " import pytest\n"
        " from mcp.shared.memory import (\n"
        "     create_client_server_memory_streams,\n"
        "-    create_connected_server_and_client_session,\n"
        " )\n"
        "+from mcp.client import Client\n"
        " \n"
        " async def test_x(server, cb):\n"
        "-    async with create_connected_server_and_client_session(\n"
        "+    async with Client(\n"
        "         server._mcp_server,\n"
        "         sampling_callback=cb,\n"
        "-        raise_exceptions=True,\n"
        '+        raise_exceptions=True, mode="legacy",\n'
        "     ) as client:\n"
        "         await client.list_tools()\n",
        findings=["TST001:4 review"],
    ),
    case(
        '+# mcp-migrate: TST001 `create_connected_server_and_client_session` was removed; `Client(server, mode="legacy")` yields a `Client` (list methods take `cursor=`, the `ClientSession` is `client.session`) https://py.sdk.modelcontextprotocol.io/v2/migration/#create_connected_server_and_client_session-removed\n'
        " from mcp.shared.memory import create_connected_server_and_client_session as connect\n",
        findings=["TST001:1 manual"],
    ),
]

NOOP = [
    "from mcp.shared.memory import create_client_server_memory_streams\n",
    "from mcp.client import Client\n"
    "\n"
    "async def f(server):\n"
    "    async with Client(server) as c:\n"
    "        pass\n",
    "from myproj.testing import create_connected_server_and_client_session\n"
    "\n"
    "create_connected_server_and_client_session(s)\n",
]
