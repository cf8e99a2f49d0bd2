"""LOW012: `ServerSession` is now a thin proxy (no longer a `BaseSession`)

Rule: engine/mcp_migrate/rules/low012_server_session.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.server.session import ServerSession\n"
        " \n"
        "+# mcp-migrate: LOW012 let `Server.run(read_stream, write_stream, init_options)` build the session: `ServerSession(...)` now takes `(request_outbound, connection)` https://py.sdk.modelcontextprotocol.io/v2/migration/#serversession-is-now-a-thin-proxy-no-longer-a-basesession\n"
        " session = ServerSession(read_stream, write_stream, init_options, stateless=False)\n",
        findings=["LOW012:3 manual"],
    ),
    case(
        " from mcp.server.session import ServerSession\n"
        " \n"
        "+# mcp-migrate: LOW012 `ServerSession` has nothing left to override in v2 (no receive loop, no `_received_request`): observe inbound messages with `Server.middleware` https://py.sdk.modelcontextprotocol.io/v2/migration/#serversession-is-now-a-thin-proxy-no-longer-a-basesession\n"
        " class S(ServerSession):\n"
        "     pass\n",
        findings=["LOW012:3 manual"],
    ),
    case(
        " from mcp.server.session import ServerSession\n"
        " \n"
        " async def f(session: ServerSession):\n"
        "+    # mcp-migrate: LOW012 `ServerSession.incoming_messages` is gone: register `on_*` handlers and use `Server.middleware` to observe inbound messages https://py.sdk.modelcontextprotocol.io/v2/migration/#serversession-is-now-a-thin-proxy-no-longer-a-basesession\n"
        "     async for m in session.incoming_messages:\n"
        "         pass\n",
        findings=["LOW012:4 manual"],
    ),
    # the v1 `_received_request` reached through the class, and patching the lowlevel module's `ServerSession`
    case(
        ' import mcp.server.lowlevel.server as lowlevel\n'
        ' from mcp.server.session import ServerSession\n'
        ' \n'
        ' \n'
        ' async def _received_request(self, responder):\n'
        '+    # mcp-migrate: LOW012 `ServerSession._received_request` is gone: register `on_*` handlers and use `Server.middleware` to observe inbound messages https://py.sdk.modelcontextprotocol.io/v2/migration/#serversession-is-now-a-thin-proxy-no-longer-a-basesession\n'
        '     return await ServerSession._received_request(self, responder)\n'
        ' \n'
        '+# mcp-migrate: LOW012 `mcp.server.lowlevel.server` no longer uses `ServerSession` (sessions are built by the server runner), so patching it changes nothing: observe inbound messages with `Server.middleware` https://py.sdk.modelcontextprotocol.io/v2/migration/#serversession-is-now-a-thin-proxy-no-longer-a-basesession\n'
        ' lowlevel.ServerSession = MySession\n',
        findings=["LOW012:6 manual", "LOW012:8 manual"],
    ),
]

NOOP = [
    "from mcp.server.session import ServerSession\n"
    "\n"
    "async def f(s: ServerSession):\n"
    "    await s.send_log_message(level='info', data='x')\n",
    "class ServerSession:\n    pass\n\nServerSession()\n",
]
