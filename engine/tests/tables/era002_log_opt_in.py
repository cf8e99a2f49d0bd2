"""ERA002: Log messages are delivered only to requests that opt in

Rule: engine/mcp_migrate/rules/era002_log_opt_in.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.shared.memory import create_connected_server_and_client_session as connect\n"
        " \n"
        " async def test_logs(server):\n"
        "     seen = []\n"
        '+    # mcp-migrate: ERA002 its v2 replacement `Client(server)` negotiates 2026-07-28 by default, where log messages reach `logging_callback` only for requests that opt in: pass `log_level="debug"` (or `mode="legacy"`) https://py.sdk.modelcontextprotocol.io/v2/migration/#log-messages-are-delivered-only-to-requests-that-opt-in\n'
        "     async with connect(server, logging_callback=seen.append) as session:\n"
        "         await session.call_tool('chatty', {})\n",
        findings=["ERA002:5 manual"],
    ),
]

NOOP = [
    "from mcp.shared.memory import create_connected_server_and_client_session\n"
    "async def t(server):\n"
    "    async with create_connected_server_and_client_session(server) as s:\n"
    "        pass\n",
    "from mytests import create_connected_server_and_client_session\n"
    "x = create_connected_server_and_client_session(s, logging_callback=cb)\n",
]
