"""TST001: `create_connected_server_and_client_session` removed

Rule: engine/mcp_migrate/rules/tst001_connected_session_helper.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

SHIM = (
    "+\n"
    "+\n"
    "+@asynccontextmanager\n"
    "+async def connected_session(server, **kwargs):\n"
    '+    """v1\'s `create_connected_server_and_client_session`: an initialized `ClientSession` on v2\'s\n'
    '+    in-memory `Client` (`mode="legacy"` keeps v1\'s handshake)."""\n'
    '+    async with Client(server, mode="legacy", **kwargs) as client:\n'
    "+        yield client.session\n"
)
MARKER = (
    "# mcp-migrate: TST001 `create_connected_server_and_client_session` was removed: use `async with "
    "Client(server, mode=\"legacy\") as client:` (from `mcp.client`); its `ClientSession` is `client.session` "
    "https://py.sdk.modelcontextprotocol.io/v2/migration/#create_connected_server_and_client_session-removed\n"
)

CASES = [
    # one statement opening two sessions: each gets its own `Client`
    case(
        "-from mcp.shared.memory import create_connected_server_and_client_session\n"
        "+from mcp.client import Client\n"
        " \n"
        " async def test_two(alpha, beta):\n"
        "     async with (\n"
        "-        create_connected_server_and_client_session(alpha) as alpha_session,\n"
        "-        create_connected_server_and_client_session(beta) as beta_session,\n"
        "+        Client(alpha, mode=\"legacy\") as alpha_client,\n"
        "+        Client(beta, mode=\"legacy\") as beta_client,\n"
        "     ):\n"
        "+        alpha_session = alpha_client.session\n"
        "+        beta_session = beta_client.session\n"
        "         assert alpha_session is not beta_session\n",
        findings=["TST001:1 safe"],
    ),
    # the anyio-only methods of the streams the memory helper yields are gone
    case(
        " from mcp.shared.memory import create_client_server_memory_streams\n"
        " \n"
        " class Harness:\n"
        "     async def start(self):\n"
        "         async with create_client_server_memory_streams() as (client_streams, server_streams):\n"
        "             client_read, client_write = client_streams\n"
        "             self.client_write = client_write\n"
        "+            # mcp-migrate: TST001 `create_client_server_memory_streams()` yields context-propagating streams in "
        "v2: `receive_nowait()` is gone (anyio-only); use `await send(...)` / `await receive()`, or create plain "
        "`anyio.create_memory_object_stream` pairs https://py.sdk.modelcontextprotocol.io/v2/migration/#create_connected_server_and_client_session-removed\n"
        "             server_streams[0].receive_nowait()\n"
        " \n"
        "     def pending(self) -> int:\n"
        "+        # mcp-migrate: TST001 `create_client_server_memory_streams()` yields context-propagating streams in "
        "v2: `statistics()` is gone (anyio-only); use `await send(...)` / `await receive()`, or create plain "
        "`anyio.create_memory_object_stream` pairs https://py.sdk.modelcontextprotocol.io/v2/migration/#create_connected_server_and_client_session-removed\n"
        "         return self.client_write.statistics().current_buffer_used\n",
        findings=["TST001:8 manual", "TST001:11 manual"],
    ),
    # the block keeps its initialized ClientSession: initialize(), send_request() and params= stay valid
    case(
        "-from mcp.shared.memory import create_connected_server_and_client_session\n"
        "+from mcp.client import Client\n"
        " from mcp.types import ClientRequest, PingRequest, EmptyResult\n"
        " \n"
        " async def test_tool(server):\n"
        "-    async with create_connected_server_and_client_session(server) as session:\n"
        "+    async with Client(server, mode=\"legacy\") as client:\n"
        "+        session = client.session\n"
        "         await session.initialize()\n"
        "         await session.send_request(ClientRequest(PingRequest()), EmptyResult)\n"
        "         result = await session.call_tool('my_tool', {'x': 1})\n",
        findings=["TST001:1 safe"],
    ),
    # other names in the import stay; the with target `client` is taken, so the Client gets another name
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
        "-    ) as client:\n"
        "+        raise_exceptions=True, mode=\"legacy\",\n"
        "+    ) as mcp_client:\n"
        "+        client = mcp_client.session\n"
        "         await client.list_tools()\n",
        findings=["TST001:4 safe"],
    ),
    # an alias, in a fixture that yields the session
    case(
        "-from mcp.shared.memory import create_connected_server_and_client_session as connect\n"
        "+from mcp.client import Client\n"
        " \n"
        " async def session(server):\n"
        "-    async with connect(server, raise_exceptions=True) as s:\n"
        "+    async with Client(server, raise_exceptions=True, mode=\"legacy\") as client:\n"
        "+        s = client.session\n"
        "         yield s\n",
        findings=["TST001:1 safe"],
    ),
    # several blocks share the Client's name; a block inside another gets its own
    case(
        "-from mcp.shared.memory import create_connected_server_and_client_session\n"
        "+from mcp.client import Client\n"
        " \n"
        " async def test_two(a, b):\n"
        "-    async with create_connected_server_and_client_session(a) as first:\n"
        "-        async with create_connected_server_and_client_session(b) as second:\n"
        "+    async with Client(a, mode=\"legacy\") as client:\n"
        "+        first = client.session\n"
        "+        async with Client(b, mode=\"legacy\") as mcp_client:\n"
        "+            second = mcp_client.session\n"
        "             await second.list_tools()\n"
        "-    async with create_connected_server_and_client_session(a) as third:\n"
        "+    async with Client(a, mode=\"legacy\") as client:\n"
        "+        third = client.session\n"
        "         await third.list_tools()\n",
        findings=["TST001:1 safe"],
    ),
    # imported and never called
    case(
        " import anyio\n-from mcp.shared.memory import create_connected_server_and_client_session\n",
        findings=["TST001:2 safe"],
    ),
    # handed on (a factory, `enter_async_context`): a local helper with v1's contract on `Client`, for
    # every use of the file (a `timedelta` read timeout in seconds, as `Client` takes it)
    case(
        " from datetime import timedelta\n"
        "-from mcp.shared.memory import create_connected_server_and_client_session\n"
        "+from contextlib import asynccontextmanager\n"
        "+from mcp.client import Client\n" + SHIM + " \n"
        " \n"
        "-connect = create_connected_server_and_client_session\n"
        "+connect = connected_session\n"
        " \n"
        " async def f(server, stack):\n"
        "-    async with create_connected_server_and_client_session(server) as s:\n"
        "+    async with connected_session(server) as s:\n"
        "         pass\n"
        "-    factory = lambda: create_connected_server_and_client_session(server, read_timeout_seconds=timedelta(seconds=5))\n"
        "-    return await stack.enter_async_context(create_connected_server_and_client_session(server))\n"
        "+    factory = lambda: connected_session(server, read_timeout_seconds=5)\n"
        "+    return await stack.enter_async_context(connected_session(server))\n",
        findings=["TST001:2 review"],
    ),
    # v1's other parameters passed positionally: `Client` takes them by keyword only
    case(
        "+" + MARKER + " from mcp.shared.memory import create_connected_server_and_client_session\n"
        " \n"
        " async def f(server, stack):\n"
        "     return await stack.enter_async_context(create_connected_server_and_client_session(server, 5))\n",
        findings=["TST001:1 manual"],
    ),
]

NOOP = [
    "from mcp.shared.memory import create_client_server_memory_streams\n",
    "from mcp.client import Client\n\nasync def f(server):\n    async with Client(server) as c:\n        pass\n",
    "from myproj.testing import create_connected_server_and_client_session\n"
    "\n"
    "create_connected_server_and_client_session(s)\n",
]
