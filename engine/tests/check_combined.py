"""All rules at once: what the tables (one rule each) cannot show.

- every table input, run with every rule (default mode and with review fixes), gives Python that
  parses and that a second run leaves unchanged: one run reaches the fixed point;
- rows where fixes of several rules meet in one spot, with their exact output.

Usage (from engine/): python3 tests/check_combined.py   -> prints a JSON list of failures; exit 1 if any.
"""

import ast
import json
import os
import pickle
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEEP = "/home/dev/checkouts/shop/"
PORT_MARKER = "    # mcp-migrate: SRV007 `settings.port` was removed (reading it raises `AttributeError`); keep the value yourself and pass it as `port=` to `run(transport=\"sse\"|\"streamable-http\", port=...)` (a mounted app binds where the outer server does) https://py.sdk.modelcontextprotocol.io/v2/migration/#transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods\n"
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)

from mcp_migrate.api import ProjectIndex, file_facts, migrate_text  # noqa: E402
from mcp_migrate.runner import file_kind  # noqa: E402
from mcp_migrate.framework import REGISTRY  # noqa: E402
from run_tables import load_table  # noqa: E402

ROWS = [
    # SRV006 and SRV007 each replace a settings write with a marker: a block of only those keeps `pass`
    # (whichever rule's write comes last), or all their fixes fail to parse together and a second run
    # is needed
    (
        'from mcp.server.fastmcp import FastMCP\n\n\ndef configure(server: FastMCP, prefix: str) -> None:\n    if prefix != "/":\n        server.settings.mount_path = prefix\n        server.settings.sse_path = "/sse"\n    else:\n        server.settings.sse_path = "/events"\n        server.settings.mount_path = "/"\n',
        'from mcp.server.mcpserver import MCPServer\n\n\ndef configure(server: MCPServer, prefix: str) -> None:\n    if prefix != "/":\n        # mcp-migrate: SRV006 `settings.mount_path` was removed; mount the app with Starlette\'s `Mount()` instead (the fix took out `server.settings.mount_path = prefix`) https://py.sdk.modelcontextprotocol.io/v2/migration/#mount_path-parameter-removed-from-mcpserver\n        # mcp-migrate: SRV007 `settings.sse_path` was removed (assigning it raises `ValueError`); pass `sse_path=` to `run(transport="sse", ...)` or `sse_app(...)`; the fix took out `server.settings.sse_path`: pass `sse_path="/sse"` there https://py.sdk.modelcontextprotocol.io/v2/migration/#transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods\n        pass\n    else:\n        # mcp-migrate: SRV007 `settings.sse_path` was removed (assigning it raises `ValueError`); pass `sse_path=` to `run(transport="sse", ...)` or `sse_app(...)`; the fix took out `server.settings.sse_path`: pass `sse_path="/events"` there https://py.sdk.modelcontextprotocol.io/v2/migration/#transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods\n        # mcp-migrate: SRV006 `settings.mount_path` was removed; mount the app with Starlette\'s `Mount()` instead (the fix took out `server.settings.mount_path = "/"`) https://py.sdk.modelcontextprotocol.io/v2/migration/#mount_path-parameter-removed-from-mcpserver\n        pass\n',
        True,
    ),
    # a tool SRV008 gives the `Context` of a server whose lifespan this file defines: `Context[State]`
    # (the type the lifespan yields), not a bare `Context` and a cast, also for a file on its own
    (
        'from collections.abc import AsyncIterator\nfrom contextlib import asynccontextmanager\n\nfrom mcp.server.fastmcp import FastMCP\n\n\nclass State:\n    db: dict = {}\n\n\n@asynccontextmanager\nasync def life(server) -> AsyncIterator[State]:\n    yield State()\n\n\nmcp = FastMCP("demo", lifespan=life)\n\n\n@mcp.tool()\nasync def lookup(key: str) -> str:\n    state = mcp.get_context().request_context.lifespan_context\n    return str(state.db.get(key))\n',
        'from collections.abc import AsyncIterator\nfrom contextlib import asynccontextmanager\n\nfrom mcp.server.mcpserver import MCPServer\nfrom mcp.server.mcpserver import Context\n\n\nclass State:\n    db: dict = {}\n\n\n@asynccontextmanager\nasync def life(server) -> AsyncIterator[State]:\n    yield State()\n\n\nmcp = MCPServer("demo", lifespan=life)\n\n\n@mcp.tool()\nasync def lookup(key: str, ctx: Context[State]) -> str:\n    state = ctx.request_context.lifespan_context\n    return str(state.db.get(key))\n',
        False,
    ),
    # LOW001 would move `Server(...)` below its handlers, but TYP005 renames a keyword inside it: the
    # handlers are registered with `add_request_handler` instead, so both land in one run
    (
        "import mcp.types as types\nfrom mcp.server.lowlevel import Server\n\n"
        "server = Server('x', icons=[types.Icon(src='a', mimeType='image/png')])\n\n\n"
        "@server.list_tools()\nasync def list_tools() -> list[types.Tool]:\n    return []\n",
        "import mcp.types as types\nfrom mcp.server.lowlevel import Server\nfrom mcp.server import ServerRequestContext\n\n"
        "server = Server('x', icons=[types.Icon(src='a', mime_type='image/png')])\n\n\n"
        "async def list_tools(ctx: ServerRequestContext, params: types.PaginatedRequestParams | None) -> types.ListToolsResult:\n"
        "    return types.ListToolsResult(tools=[])\n\n\n"
        "server.add_request_handler(\"tools/list\", types.PaginatedRequestParams, list_tools)\n",
        False,
    ),
    # SRV031 casts the state a prompt reads off `mcp.get_context()`, SRV008 replaces that call inside
    # it by the handler's new `ctx`: the two edits nest, and both land in one run
    (
        "from collections.abc import AsyncIterator\nfrom contextlib import asynccontextmanager\n"
        "from mcp.server.fastmcp import FastMCP\n\n\nclass State:\n    greeting = 'hi'\n\n\n"
        "@asynccontextmanager\nasync def life(server) -> AsyncIterator[State]:\n    yield State()\n\n\n"
        "mcp = FastMCP('demo', lifespan=life)\n\n\n@mcp.prompt()\ndef hello() -> str:\n"
        "    state = mcp.get_context().request_context.lifespan_context\n    return state.greeting\n",
        "from collections.abc import AsyncIterator\nfrom contextlib import asynccontextmanager\n"
        "from mcp.server.mcpserver import MCPServer\nfrom mcp.server.mcpserver import Context\nfrom typing import cast\n\n\n"
        "class State:\n    greeting = 'hi'\n\n\n"
        "@asynccontextmanager\nasync def life(server) -> AsyncIterator[State]:\n    yield State()\n\n\n"
        "mcp = MCPServer('demo', lifespan=life)\n\n\n@mcp.prompt()\ndef hello(ctx: Context) -> str:\n"
        "    state = cast(State, ctx.request_context.lifespan_context)\n    return state.greeting\n",
        False,
    ),
    # two rules taking names out of one import (TYP011's review fix moves one, TYP004 inlines the
    # other): their edits clash, so TYP011 runs again on TYP004's output within the run
    (
        "from mcp.types import LATEST_PROTOCOL_VERSION, Cursor\n\n\n"
        "def latest(v: str, c: Cursor) -> bool:\n    return v == LATEST_PROTOCOL_VERSION\n",
        "from mcp.types.version import LATEST_HANDSHAKE_VERSION\n\n\n"
        "def latest(v: str, c: str) -> bool:\n    return v == LATEST_HANDSHAKE_VERSION\n",
        True,
    ),
    # settings statements a fix folds into `run()`: the safety net does not mark what is gone
    (
        "from mcp.server.fastmcp import FastMCP\n"
        "\n"
        "\n"
        "def serve(target: FastMCP, port: int) -> None:\n"
        '    target.settings.host = "0.0.0.0"\n'
        "    target.settings.port = port\n"
        '    target.run(transport="sse")\n',
        "from mcp.server.mcpserver import MCPServer\n"
        "\n"
        "\n"
        "def serve(target: MCPServer, port: int) -> None:\n"
        '    target.run(transport="sse", host="0.0.0.0", port=port)\n',
        False,
    ),
    # a v1 call TRN001 renames but leaves marked keeps PKG101's marker where the first run put it
    (
        "import httpx\n"
        "from mcp.client.streamable_http import streamablehttp_client\n"
        "from mcp.shared._httpx_utils import McpHttpClientFactory\n"
        "\n"
        "\n"
        "async def open_remote(url: str, factory: McpHttpClientFactory, auth: httpx.Auth | None = None):\n"
        "    async with streamablehttp_client(url, httpx_client_factory=factory, auth=auth) as (read, write, get_session_id):\n"
        "        print(get_session_id())\n"
        "        return read, write\n",
        "import httpx\n"
        "from mcp.client.streamable_http import streamable_http_client\n"
        "from mcp.shared._httpx_utils import McpHttpClientFactory\n"
        "\n"
        "\n"
        "async def open_remote(url: str, factory: McpHttpClientFactory, auth: httpx.Auth | None = None):\n"
        "    # mcp-migrate: PKG101 the SDK now takes `httpx2` objects (`http_client=`, `auth=`, `httpx_client_factory`): switch this file from `httpx` to the API-compatible `httpx2`, including `except httpx.*` clauses and test transports (suggested fix: run with --apply-review) https://py.sdk.modelcontextprotocol.io/v2/migration/#httpx-and-httpx-sse-replaced-by-httpx2\n"
        '    # mcp-migrate: TRN001 `streamable_http_client()` takes only `url`, `http_client=`, `terminate_on_close=`: for `httpx_client_factory=`, `auth=` build an `httpx2.AsyncClient(headers=..., timeout=httpx2.Timeout(30, read=300), auth=..., follow_redirects=True)`, pass it as `http_client=` and close it (`async with http_client:`); it yields `(read, write)`: for the `get_session_id` callback, a hook in the client\'s `event_hooks={"response": [hook]}` collects the `mcp-session-id` response header (suggested fix: run with --apply-review) https://py.sdk.modelcontextprotocol.io/v2/migration/#streamablehttp_client-removed\n'
        "    async with streamable_http_client(url, httpx_client_factory=factory, auth=auth) as (read, write, get_session_id):\n"
        "        print(get_session_id())\n"
        "        return read, write\n",
        False,
    ),
    # a fix whose edit lies inside text another fix rewrites (PKG101's rename of the `httpx` in
    # `httpx.codes.REQUEST_TIMEOUT`, which CLT005 replaces): the rest applies in the same run
    (
        "import httpx\n"
        "from mcp import McpError\n"
        "from mcp.client.sse import sse_client\n"
        "\n"
        "\n"
        "class BearerAuth(httpx.Auth):\n"
        "    def auth_flow(self, request):\n"
        "        yield request\n"
        "\n"
        "\n"
        "async def run(url):\n"
        "    try:\n"
        "        async with sse_client(url, auth=BearerAuth()) as streams:\n"
        "            return streams\n"
        "    except McpError as e:\n"
        "        if e.error.code == httpx.codes.REQUEST_TIMEOUT:\n"
        "            return None\n"
        "        raise\n",
        "import httpx2\n"
        "from mcp import MCPError\n"
        "from mcp.client.sse import sse_client\n"
        "from mcp.types import REQUEST_TIMEOUT\n"
        "\n"
        "\n"
        "class BearerAuth(httpx2.Auth):\n"
        "    def auth_flow(self, request):\n"
        "        yield request\n"
        "\n"
        "\n"
        "async def run(url):\n"
        "    try:\n"
        "        async with sse_client(url, auth=BearerAuth()) as streams:\n"
        "            return streams\n"
        "    except MCPError as e:\n"
        "        if e.error.code == REQUEST_TIMEOUT:\n"
        "            return None\n"
        "        raise\n",
        True,
    ),
    # TYP009 unwraps the union around a result TYP005 renames a field in: both apply in one run.
    (
        "import mcp.types as types\n"
        "\n"
        "def fail(e):\n"
        "    return types.ServerResult(\n"
        "        types.CallToolResult(content=[], isError=True),\n"
        "    )\n",
        "import mcp.types as types\n\ndef fail(e):\n    return types.CallToolResult(content=[], is_error=True)\n",
        False,
    ),
    # PKG101 renames `import httpx` to `import httpx2` and TRN001 adds `import httpx2`: once.
    (
        "import httpx\n"
        "from mcp.client.streamable_http import streamablehttp_client\n"
        "\n"
        "async def main(url, auth: httpx.Auth):\n"
        "    async with streamablehttp_client(url, auth=auth, timeout=5) as (r, w, _):\n"
        "        pass\n",
        "import httpx2\n"
        "from mcp.client.streamable_http import streamable_http_client\n"
        "\n"
        "async def main(url, auth: httpx2.Auth):\n"
        "    async with httpx2.AsyncClient(timeout=httpx2.Timeout(5, read=300), auth=auth, follow_redirects=True) "
        "as http_client, streamable_http_client(url, http_client=http_client) as (r, w):\n"
        "        pass\n",
        True,
    ),
    # TRN001 puts the session-id capture above a statement PKG101 marks: the marker stays right above it.
    (
        "import httpx\n"
        "from mcp.client.streamable_http import streamablehttp_client\n"
        "\n"
        "async def main(url):\n"
        '    async with streamablehttp_client(url, auth=httpx.BasicAuth("a", "b")) as (r, w, get_id):\n'
        "        return get_id()\n",
        "import httpx\n"
        "from mcp.client.streamable_http import streamable_http_client\n"
        "import httpx2\n"
        "\n"
        "async def main(url):\n"
        "    session_ids: list[str] = []\n"
        "\n"
        "    async def capture_session_id(response: httpx2.Response) -> None:\n"
        '        if "mcp-session-id" in response.headers:\n'
        '            session_ids.append(response.headers["mcp-session-id"])\n'
        "\n"
        "    def get_id() -> str | None:\n"
        "        return session_ids[-1] if session_ids else None\n"
        "\n"
        "    # mcp-migrate: PKG101 the SDK now takes `httpx2` objects (`http_client=`, `auth=`, "
        "`httpx_client_factory`): switch this file from `httpx` to the API-compatible `httpx2`, including "
        "`except httpx.*` clauses and test transports (its automatic fix overlaps another change; apply it "
        "by hand) https://py.sdk.modelcontextprotocol.io/v2/migration/#httpx-and-httpx-sse-replaced-by-httpx2\n"
        '    async with httpx2.AsyncClient(timeout=httpx2.Timeout(30, read=300), auth=httpx.BasicAuth("a", "b"), '
        'event_hooks={"response": [capture_session_id]}, follow_redirects=True) as http_client, '
        "streamable_http_client(url, http_client=http_client) as (r, w):\n"
        "        return get_id()\n",
        True,
    ),
]


# Names imported from the user's own modules: the file never says `mcp`, the project index knows.
# A renamed SDK name the project re-exports (`from .compat import FastMCP`) or patches where its
# own module imports it (`patch("pkg.compat.streamablehttp_client")`) is renamed with that import.
PROJECT = {
    # the server's state is what its `lifespan=` (another module's) yields, as v1 inferred it
    "pkg/life.py": (
        "from collections.abc import AsyncIterator\nfrom contextlib import asynccontextmanager\n\n\n"
        "class Desk:\n    queue: list[str] = []\n\n\n"
        "@asynccontextmanager\nasync def desk_life(server) -> AsyncIterator[Desk]:\n    yield Desk()\n"
    ),
    "pkg/desk_app.py": "from mcp.server.fastmcp import FastMCP\nfrom .life import desk_life\n\ndesk = FastMCP('desk', lifespan=desk_life)\n",
    "pkg/desk_tools.py": (
        "from mcp.server.fastmcp import Context\nfrom .desk_app import desk\nfrom .life import Desk\n\n\n"
        "@desk.tool()\nasync def waiting(ctx: Context) -> int:\n    return len(ctx.request_context.lifespan_context.queue)\n\n\n"
        "@desk.prompt()\ndef board(ctx: Context) -> str:\n    state = ctx.request_context.lifespan_context\n    return ', '.join(state.queue)\n"
    ),
    "pkg/app.py": "from mcp.server.fastmcp import FastMCP\n\napp = FastMCP('demo')\n",
    "pkg/serve.py": "from .app import app\n\napp.settings.port = 9000\napp.run('sse')\n",
    "pkg/compat.py": "from mcp.client.streamable_http import streamablehttp_client\nfrom mcp.server.fastmcp import FastMCP\n",
    "pkg/use_compat.py": (
        "from pkg.compat import FastMCP, streamablehttp_client\n\n"
        "server = FastMCP('x')\n\n"
        "async def go(url):\n"
        "    async with streamablehttp_client(url) as (read, write, _):\n"
        "        return read, write\n"
    ),
    # another module imports the server and may run it: its settings stay where v1 kept them, marked
    "pkg/tuned.py": (
        "from mcp.server.fastmcp import FastMCP\n\ntuned = FastMCP('t')\n"
        "tuned.settings.sse_path = '/events'\nprint(tuned.settings.sse_path)\napp = tuned.sse_app()\n"
    ),
    "pkg/run_tuned.py": "from .tuned import tuned\n\ntuned.run('sse')\n",
    # the shop's settings are set in its CLI and read by its web app: one holder in the defining module
    "pkg/shop.py": (
        "from mcp.server.fastmcp import FastMCP\n\nshop = FastMCP('shop', host='0.0.0.0', port=9000)\n\n\n"
        "@shop.tool()\ndef price() -> int:\n    return 1\n"
    ),
    "pkg/shop_cli.py": (
        "def main(args) -> None:\n    from .shop import shop\n\n    settings = shop.settings\n"
        "    settings.port = args.port\n    shop.settings.stateless_http = True\n"
        "    print(f'on {shop.settings.host}:{shop.settings.port}')\n"
        "    if args.transport == 'http':\n        shop.run(transport='streamable-http')\n"
        "    else:\n        shop.run(transport=args.transport)\n"
    ),
    "pkg/shop_web.py": "from pkg.shop import shop\n\napp = shop.streamable_http_app()\ndebug = shop.settings.debug\n",
    "pkg/shop_serve.py": (
        "from typing import Literal\n\nfrom .shop import shop\n\n\n"
        "def serve(transport: Literal['sse', 'streamable-http']) -> None:\n"
        "    settings = shop.settings\n    print(settings.debug, settings.port)\n    shop.run(transport)\n"
    ),
    # a comment shares the server's line: the holder goes below it all the same (its importers need it)
    "pkg/desk.py": "from mcp.server.fastmcp import FastMCP\n\ndesk = FastMCP('desk', port=9000)  # the desk\n",
    "pkg/desk_cli.py": "from .desk import desk\n\n\ndef main(p):\n    desk.settings.port = p\n    desk.run('sse')\n",
    # the kiosk is handed to the project's own function, which may read its settings: nothing is carried
    "pkg/kiosk.py": "from mcp.server.fastmcp import FastMCP\n\nkiosk = FastMCP('kiosk')\nprint(kiosk.settings.port)\n",
    "pkg/kiosk_app.py": "from .kiosk import kiosk\nfrom .factory import build\n\napp = build(kiosk)\n",
    "pkg/render.py": "def describe(uri) -> str:\n    return str(uri)\n",
    # a method of the project's own class in another module takes `uri: AnyUrl`: v1's MCP URI was one
    "pkg/remote.py": (
        "from pydantic import AnyUrl\n\n\nclass Remote:\n    async def read(self, uri: AnyUrl, *, depth: int = 0):\n"
        "        return uri.host\n\n    async def read_resource(self, uri: AnyUrl):\n        return uri.path\n"
    ),
    "pkg/mirror.py": (
        "from mcp.types import Resource\nfrom .remote import Remote\n\n\n"
        "async def mirror(remote: Remote, res: Resource):\n    await remote.read_resource(res.uri)\n"
        "    return await remote.read(res.uri)\n"
    ),
    # ... or a top-level function of another module, imported here: wrapped the same way
    "pkg/paths.py": "from pydantic import AnyUrl\n\n\ndef to_path(uri: AnyUrl, *, root: str = '/') -> str:\n    return root + (uri.path or '')\n",
    "pkg/paths_use.py": (
        "from mcp.types import ReadResourceRequestParams\nfrom .paths import to_path as path_of\n\n\n"
        "def locate(params: ReadResourceRequestParams) -> str:\n    return path_of(params.uri)\n"
    ),
    # ... through an attribute the class annotates: not a `ClientSession.read_resource()` that takes a str
    "pkg/tool.py": (
        "from mcp.types import Resource\nfrom .remote import Remote\n\n\nclass Tool:\n    connector: Remote\n\n"
        "    async def run(self, res: Resource):\n        return await self.connector.read_resource(res.uri)\n"
    ),
    # an `@asynccontextmanager` helper of the tests yielding the project's own `ClientSession` subclass
    "pkg/traced.py": "from mcp import ClientSession\n\n\nclass Traced(ClientSession):\n    pass\n",
    "tests/harness.py": (
        "from contextlib import asynccontextmanager\nfrom typing import AsyncIterator\n\nfrom pkg.traced import Traced\n\n\n"
        "@asynccontextmanager\nasync def connected(read, write) -> AsyncIterator[Traced]:\n"
        "    async with Traced(read, write) as s:\n        yield s\n"
    ),
    "tests/test_caps.py": (
        "from harness import connected\n\n\nasync def test_caps(read, write):\n"
        "    async with connected(read, write) as session:\n        assert session.get_server_capabilities() is not None\n"
    ),
    "pkg/docs.py": (
        "from mcp.server import Server\n"
        "from mcp.server.lowlevel.helper_types import ReadResourceContents\n"
        "from .render import describe\n\n"
        "server = Server('docs')\n\n"
        "@server.read_resource()\n"
        "async def read(uri):\n"
        "    return [ReadResourceContents(content=describe(uri), mime_type='text/markdown')]\n"
    ),
    # a stream alias whose importer calls a method only anyio's streams have: kept, marked (TST002)
    "pkg/streams.py": (
        "from anyio.streams.memory import MemoryObjectReceiveStream\nfrom mcp.shared.message import SessionMessage\n\n"
        "Inbox = MemoryObjectReceiveStream[SessionMessage | Exception]\n"
    ),
    "pkg/use_streams.py": "from .streams import Inbox\n\n\ndef drain(inbox: Inbox):\n    return inbox.receive_nowait()\n",
    # ... retyped where the importer imports `mcp`: its call gets the marker instead
    "pkg/pipes.py": (
        "from anyio.streams.memory import MemoryObjectReceiveStream\nfrom mcp.shared.message import SessionMessage\n\n"
        "Pipe = MemoryObjectReceiveStream[SessionMessage | Exception]\n"
    ),
    "pkg/use_pipes.py": (
        "from mcp import ClientSession\nfrom .pipes import Pipe\n\n\ndef drain(pipe: Pipe, w: ClientSession):\n"
        "    return pipe.receive_nowait()\n"
    ),
    # a server declared `FastMCP[AppState]` in another module: the helper it passes `ctx` to is typed
    # with the state; a helper another module calls is marked there too (SRV008)
    "pkg/state.py": "from dataclasses import dataclass\n\n\n@dataclass\nclass AppState:\n    count: int = 0\n",
    "pkg/served.py": "from mcp.server.fastmcp import FastMCP\nfrom .state import AppState\n\nserved: FastMCP[AppState] = FastMCP('s')\n",
    # a lifespan type the file itself states (the facts must still be plain data)
    "pkg/local_state.py": (
        "from dataclasses import dataclass\nfrom mcp.server.fastmcp import FastMCP\n\n\n@dataclass\nclass Local:\n"
        "    count: int = 0\n\n\nlocal: FastMCP[Local] = FastMCP('l')\n"
    ),
    "pkg/served_tools.py": (
        "from .served import served\nfrom .state import AppState\n\n\n"
        "def current() -> AppState:\n    return served.get_context().request_context.lifespan_context\n\n\n"
        "def caller() -> str:\n    return served.get_context().request_id\n\n\n"
        "@served.tool()\ndef bump() -> int:\n    return current().count\n"
    ),
    "pkg/served_use.py": (
        "from mcp.server.fastmcp import FastMCP\nfrom .served_tools import caller\n\n\ndef report() -> str:\n"
        "    return caller()\n"
    ),
    # ... and a tool's bare `ctx: Context` is typed with it where the module imports the state type too
    # (absolute imports: the CLI's index sees the modules under the longer names of their paths)
    "pkg/served_peek.py": (
        "from mcp.server.fastmcp import Context\nfrom pkg.served import served\nfrom pkg.state import AppState\n\n\n"
        "@served.tool()\ndef peek(ctx: Context) -> int:\n    return ctx.request_context.lifespan_context.count\n\n\n"
        "def fresh() -> AppState:\n    return AppState()\n"
    ),
    # a server type alias (`Shop: TypeAlias = FastMCP`) annotates parameters in another module, and a
    # function there returns a tuple holding a server: both are seen as servers where they are used
    "pkg/aliased.py": (
        "from typing import TypeAlias\nfrom mcp.server.fastmcp import FastMCP\n\nShop: TypeAlias = FastMCP\n\n\n"
        "def build() -> tuple[Shop, str]:\n    return FastMCP('a'), 'sse'\n"
    ),
    "pkg/aliased_cli.py": (
        "from pkg.aliased import Shop, build\n\n\ndef tune(shop: Shop) -> int:\n    return shop.settings.port\n\n\n"
        "def main() -> int:\n    shop, transport = build()\n    return shop.settings.port\n"
    ),
    # a context manager of the project yields a (session, transcript) pair: unpacked in another module
    "pkg/rec.py": (
        "from collections.abc import AsyncIterator\nfrom contextlib import asynccontextmanager\n"
        "from dataclasses import dataclass\n\nfrom mcp import ClientSession\n\n\n@dataclass\nclass Transcript:\n"
        "    lines: list[str]\n\n\n@asynccontextmanager\n"
        "async def recorded(read, write) -> AsyncIterator[tuple[ClientSession, Transcript]]:\n"
        "    async with ClientSession(read, write) as session:\n        yield session, Transcript([])\n"
    ),
    "pkg/rec_use.py": (
        "from pkg.rec import recorded\n\n\nasync def caps(read, write):\n"
        "    async with recorded(read, write) as (session, log):\n"
        "        return session.get_server_capabilities(), log.lines\n"
    ),
    # a URL constant another module builds with `AnyUrl(...)`: v2's `read_resource` takes its `str`
    "pkg/uris.py": (
        "from pydantic import AnyUrl\n\nHOME = AnyUrl('notes://home')\n\n\n"
        "def page_uri(name: str) -> AnyUrl:\n    return AnyUrl('notes://pages/' + name)\n"
    ),
    # a function another module declares `-> AnyUrl`, its value kept in a name: the file never says AnyUrl
    "pkg/links.py": (
        "from mcp import types\nfrom pkg.uris import page_uri\n\n\ndef link(name: str) -> types.ResourceLink:\n"
        "    uri = page_uri(name)\n    return types.ResourceLink(type='resource_link', uri=uri, name=name)\n"
    ),
    "pkg/uris_use.py": (
        "from mcp import ClientSession\nfrom pkg.uris import HOME\n\n\nasync def read(session: ClientSession):\n"
        "    return await session.read_resource(HOME)\n"
    ),
    # a URL another module's class returns (`-> AnyUrl`): v2's `read_resource` takes its `str`
    "pkg/assets.py": (
        "from pydantic import AnyUrl\n\n\nclass Assets:\n    def uri(self, key: str) -> AnyUrl:\n"
        "        return AnyUrl('assets://' + key)\n"
    ),
    "pkg/assets_use.py": (
        "from mcp import ClientSession\nfrom pydantic import AnyUrl\nfrom pkg.assets import Assets\n\n\n"
        "async def logo(session: ClientSession, assets: Assets):\n"
        "    return await session.read_resource(assets.uri('logo'))\n"
    ),
    # methods registered as lowlevel handlers: one another module calls on an instance keeps its
    # signature (and its marker), the other becomes a v2 handler
    "pkg/catalog.py": (
        "import mcp.types as types\nfrom mcp.server.lowlevel import Server\n\n\nclass Catalog:\n"
        "    def __init__(self):\n        self.server = Server('catalog')\n"
        "        self.server.list_prompts()(self.list_prompts)\n        self.server.get_prompt()(self.get_prompt)\n\n"
        "    async def list_prompts(self) -> list[types.Prompt]:\n        return []\n\n"
        "    async def get_prompt(self, name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:\n"
        "        return types.GetPromptResult(messages=[])\n"
    ),
    "tests/test_catalog.py": (
        "from pkg.catalog import Catalog\n\n\nasync def test_prompt():\n"
        "    assert (await Catalog().get_prompt('x', None)).messages == []\n"
    ),
    "tests/test_compat.py": (
        "from unittest import mock\n\n"
        "@mock.patch('pkg.compat.streamablehttp_client')\n"
        "@mock.patch('pkg.app.FastMCP')\n"
        "@mock.patch('pkg.app.other')\n"
        "def test_go(a, b, c): ...\n"
    ),
}
PROJECT_AFTER = {
    "pkg/desk_tools.py": (
        "from mcp.server.mcpserver import Context\nfrom .desk_app import desk\nfrom .life import Desk\nfrom typing import cast\n\n\n"
        "@desk.tool()\nasync def waiting(ctx: Context[Desk]) -> int:\n    return len(ctx.request_context.lifespan_context.queue)\n\n\n"
        "@desk.prompt()\ndef board(ctx: Context) -> str:\n    state = cast(Desk, ctx.request_context.lifespan_context)\n    return ', '.join(state.queue)\n"
    ),
    "pkg/assets_use.py": (
        "from mcp import ClientSession\nfrom pydantic import AnyUrl\nfrom pkg.assets import Assets\n\n\n"
        "async def logo(session: ClientSession, assets: Assets):\n"
        "    return await session.read_resource(str(assets.uri('logo')))\n"
    ),
    "pkg/catalog.py": (
        "import mcp.types as types\nfrom mcp.server.lowlevel import Server\nfrom mcp.server import ServerRequestContext\n"
        "\n\nclass Catalog:\n    def __init__(self):\n        self.server = Server('catalog')\n"
        '        self.server.add_request_handler("prompts/list", types.PaginatedRequestParams, self.list_prompts)\n'
        "        # mcp-migrate: LOW001 replace this registration with `self.server.add_request_handler(\"prompts/get\", "
        "GetPromptRequestParams, self.get_prompt)`; v2 handlers take `(ctx: ServerRequestContext, params: "
        "GetPromptRequestParams) -> GetPromptResult` (the method is also called, referenced or overridden elsewhere, "
        "and its signature changes) https://py.sdk.modelcontextprotocol.io/v2/migration/"
        "#lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params\n"
        "        self.server.get_prompt()(self.get_prompt)\n\n"
        "    async def list_prompts(self, ctx: ServerRequestContext, params: types.PaginatedRequestParams | None)"
        " -> types.ListPromptsResult:\n        return types.ListPromptsResult(prompts=[])\n\n"
        "    async def get_prompt(self, name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:\n"
        "        return types.GetPromptResult(messages=[])\n"
    ),
    "pkg/uris_use.py": (
        "from mcp import ClientSession\nfrom pkg.uris import HOME\n\n\nasync def read(session: ClientSession):\n"
        "    return await session.read_resource(str(HOME))\n"
    ),
    "pkg/links.py": (
        "from mcp import types\nfrom pkg.uris import page_uri\n\n\ndef link(name: str) -> types.ResourceLink:\n"
        "    uri = page_uri(name)\n    return types.ResourceLink(type='resource_link', uri=str(uri), name=name)\n"
    ),
    "pkg/rec_use.py": (
        "from pkg.rec import recorded\n\n\nasync def caps(read, write):\n"
        "    async with recorded(read, write) as (session, log):\n"
        "        return session.server_capabilities, log.lines\n"
    ),
    "pkg/aliased_cli.py": (
        "from pkg.aliased import Shop, build\n\n\ndef tune(shop: Shop) -> int:\n"
        + PORT_MARKER
        + "    return shop.settings.port\n\n\n"
        "def main() -> int:\n    shop, transport = build()\n" + PORT_MARKER + "    return shop.settings.port\n"
    ),
    "pkg/served_peek.py": (
        "from mcp.server.mcpserver import Context\nfrom pkg.served import served\nfrom pkg.state import AppState\n\n\n"
        "@served.tool()\ndef peek(ctx: Context[AppState]) -> int:\n    return ctx.request_context.lifespan_context.count\n\n\n"
        "def fresh() -> AppState:\n    return AppState()\n"
    ),
    "pkg/served_tools.py": (
        "from .served import served\nfrom .state import AppState\nfrom mcp.server.mcpserver import Context\n\n\n"
        "def current(ctx: Context[AppState]) -> AppState:\n    return ctx.request_context.lifespan_context\n\n\n"
        "def caller() -> str:\n"
        "    # mcp-migrate: SRV008 `get_context()` was removed: declare a `ctx: Context` parameter on the "
        "tool/resource/prompt function and pass it to helpers that need it "
        "https://py.sdk.modelcontextprotocol.io/v2/migration/#mcpserverget_context-removed\n"
        "    return served.get_context().request_id\n\n\n"
        "@served.tool()\ndef bump(ctx: Context[AppState]) -> int:\n    return current(ctx=ctx).count\n"
    ),
    "pkg/served_use.py": (
        "from mcp.server.mcpserver import MCPServer\nfrom .served_tools import caller\n\n\ndef report() -> str:\n"
        "    # mcp-migrate: SRV008 `caller()` (in `.served_tools`) read the request through `get_context()`, "
        "which v2 removed: it needs the handler's `Context` passed in (see its new `ctx` parameter or its marker "
        "there) https://py.sdk.modelcontextprotocol.io/v2/migration/#mcpserverget_context-removed\n"
        "    return caller()\n"
    ),
    "pkg/use_pipes.py": (
        "from mcp import ClientSession\nfrom .pipes import Pipe\n\n\ndef drain(pipe: Pipe, w: ClientSession):\n"
        "    # mcp-migrate: TST002 `Pipe` is a stream alias that TST002 retypes to the SDK's `ReadStream`/`WriteStream` "
        "where it is declared: v2's streams have no `receive_nowait()` (anyio-only); use `await receive()` / "
        "`await send(...)` https://py.sdk.modelcontextprotocol.io/v2/migration/#create_connected_server_and_client_session-removed\n"
        "    return pipe.receive_nowait()\n"
    ),
    "pkg/streams.py": (
        "from anyio.streams.memory import MemoryObjectReceiveStream\nfrom mcp.shared.message import SessionMessage\n\n"
        "# mcp-migrate: TST002 v2's transports and `create_client_server_memory_streams()` yield the SDK's "
        "context-propagating streams, which satisfy its `ReadStream`/`WriteStream` protocols, not anyio's memory "
        "stream classes: retype it as `ReadStream` (from `mcp.client._transport`) once nothing here needs anyio's "
        "own methods https://py.sdk.modelcontextprotocol.io/v2/migration/#create_connected_server_and_client_session-removed\n"
        "Inbox = MemoryObjectReceiveStream[SessionMessage | Exception]\n"
    ),
    "pkg/paths_use.py": (
        "from mcp.types import ReadResourceRequestParams\nfrom .paths import to_path as path_of\nfrom pydantic import AnyUrl\n\n\n"
        "def locate(params: ReadResourceRequestParams) -> str:\n    return path_of(AnyUrl(params.uri))\n"
    ),
    "pkg/tool.py": (
        "from mcp.types import Resource\nfrom .remote import Remote\nfrom pydantic import AnyUrl\n\n\nclass Tool:\n"
        "    connector: Remote\n\n    async def run(self, res: Resource):\n"
        "        return await self.connector.read_resource(AnyUrl(res.uri))\n"
    ),
    "pkg/mirror.py": (
        "from mcp.types import Resource\nfrom .remote import Remote\nfrom pydantic import AnyUrl\n\n\n"
        "async def mirror(remote: Remote, res: Resource):\n    await remote.read_resource(AnyUrl(res.uri))\n"
        "    return await remote.read(AnyUrl(res.uri))\n"
    ),
    "tests/test_caps.py": (
        "from harness import connected\n\n\nasync def test_caps(read, write):\n"
        "    async with connected(read, write) as session:\n        assert session.server_capabilities is not None\n"
    ),
    "pkg/tuned.py": (
        "from mcp.server.mcpserver import MCPServer\nfrom types import SimpleNamespace\n\ntuned = MCPServer('t')\n"
        'tuned_transport_settings = SimpleNamespace(sse_path="/sse")\n'
        "tuned_transport_settings.sse_path = '/events'\nprint(tuned_transport_settings.sse_path)\n"
        "app = tuned.sse_app(sse_path=tuned_transport_settings.sse_path)\n"
    ),
    "pkg/run_tuned.py": (
        "from .tuned import tuned\nfrom .tuned import tuned_transport_settings\n\n"
        "tuned.run('sse', sse_path=tuned_transport_settings.sse_path)\n"
    ),
    "pkg/shop.py": (
        "from mcp.server.mcpserver import MCPServer\nfrom types import SimpleNamespace\n\nshop = MCPServer('shop')\n"
        "shop_transport_settings = SimpleNamespace(host='0.0.0.0', port=9000, stateless_http=False)\n\n\n"
        "@shop.tool()\ndef price() -> int:\n    return 1\n"
    ),
    "pkg/shop_cli.py": (
        "def main(args) -> None:\n    from .shop import shop\n    from .shop import shop_transport_settings\n\n"
        "    shop_transport_settings.port = args.port\n    shop_transport_settings.stateless_http = True\n"
        "    print(f'on {shop_transport_settings.host}:{shop_transport_settings.port}')\n"
        "    if args.transport == 'http':\n"
        "        shop.run(transport='streamable-http', host=shop_transport_settings.host, "
        "port=shop_transport_settings.port, stateless_http=shop_transport_settings.stateless_http)\n"
        "    else:\n"
        "        # mcp-migrate: SRV007 the transport is only known at run time, and v2's `run()` takes each transport's "
        'settings only with `transport="sse"` / `"streamable-http"`: for those, pass `host=`, `port=`, '
        "`stateless_http=` from `shop_transport_settings` "
        "https://py.sdk.modelcontextprotocol.io/v2/migration/#transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods\n"
        "        shop.run(transport=args.transport)\n"
    ),
    "pkg/shop_web.py": (
        "from pkg.shop import shop\nfrom pkg.shop import shop_transport_settings\n\n"
        "app = shop.streamable_http_app(host=shop_transport_settings.host, "
        "stateless_http=shop_transport_settings.stateless_http)\ndebug = shop.settings.debug\n"
    ),
    "pkg/shop_serve.py": (
        "from typing import Literal\n\nfrom .shop import shop\nfrom .shop import shop_transport_settings\n\n\n"
        "def serve(transport: Literal['sse', 'streamable-http']) -> None:\n"
        "    settings = shop.settings\n    print(settings.debug, shop_transport_settings.port)\n"
        "    # mcp-migrate: SRV007 the transport is only known at run time, and v2's `run()` takes each transport's "
        'settings only with `transport="sse"` / `"streamable-http"`: for those, pass `stateless_http=` from '
        "`shop_transport_settings` "
        "https://py.sdk.modelcontextprotocol.io/v2/migration/#transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods\n"
        "    shop.run(transport, host=shop_transport_settings.host, port=shop_transport_settings.port)\n"
    ),
    "pkg/desk.py": (
        "from mcp.server.mcpserver import MCPServer\nfrom types import SimpleNamespace\n\n"
        "desk = MCPServer('desk')  # the desk\ndesk_transport_settings = SimpleNamespace(port=9000)\n"
    ),
    "pkg/desk_cli.py": (
        "from .desk import desk\nfrom .desk import desk_transport_settings\n\n\ndef main(p):\n"
        "    desk_transport_settings.port = p\n    desk.run('sse', port=desk_transport_settings.port)\n"
    ),
    "pkg/kiosk.py": (
        "from mcp.server.mcpserver import MCPServer\n\nkiosk = MCPServer('kiosk')\n"
        "# mcp-migrate: SRV007 `settings.port` was removed (reading it raises `AttributeError`); keep the value "
        'yourself and pass it as `port=` to `run(transport="sse"|"streamable-http", port=...)` (a mounted app binds '
        "where the outer server does) "
        "https://py.sdk.modelcontextprotocol.io/v2/migration/#transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods\n"
        "print(kiosk.settings.port)\n"
    ),
    "pkg/serve.py": "from .app import app\n\napp.run('sse', port=9000)\n",
    # the imported function's `-> str` says the contents are text
    "pkg/docs.py": (
        "from mcp.server import Server\n"
        "from mcp.server.lowlevel.helper_types import ReadResourceContents\n"
        "from .render import describe\n"
        "from mcp.server import ServerRequestContext\n"
        "from mcp.types import ReadResourceRequestParams, ReadResourceResult, TextResourceContents\n"
        "from pydantic import AnyUrl\n\n"
        "async def read(ctx: ServerRequestContext, params: ReadResourceRequestParams):\n"
        "    uri = AnyUrl(params.uri)\n"
        "    return ReadResourceResult(contents=[TextResourceContents(uri=params.uri, text=describe(uri), "
        "mime_type='text/markdown')])\n\n\n"
        "server = Server('docs', on_read_resource=read)\n"
    ),
    "pkg/use_compat.py": (
        "from pkg.compat import MCPServer, streamable_http_client\n\n"
        "server = MCPServer('x')\n\n"
        "async def go(url):\n"
        "    async with streamable_http_client(url) as (read, write):\n"
        "        return read, write\n"
    ),
    "tests/test_compat.py": (
        "from unittest import mock\n\n"
        "@mock.patch('pkg.compat.streamable_http_client')\n"
        "@mock.patch('pkg.app.MCPServer')\n"
        "@mock.patch('pkg.app.other')\n"
        "def test_go(a, b, c): ...\n"
    ),
}


# Files that use the SDK themselves (they change without the index too, only differently).
USES_SDK = {
    "pkg/desk_tools.py",
    "pkg/served_use.py",
    "pkg/served_peek.py",
    "pkg/aliased_cli.py",
    "pkg/rec_use.py",
    "pkg/uris_use.py",
    "pkg/links.py",
    "pkg/docs.py",
    "pkg/tuned.py",
    "pkg/shop.py",
    "pkg/desk.py",
    "pkg/kiosk.py",
    "pkg/mirror.py",
    "pkg/tool.py",
    "pkg/streams.py",
    "pkg/use_pipes.py",
    "pkg/catalog.py",
    "pkg/assets_use.py",
}


def fixed_point(source, filename, review):
    out = []
    first = migrate_text(source, filename, apply_review=review)
    if first["error"]:
        return out
    text = first["text"]
    if file_kind(filename) == "python":
        try:
            ast.parse(text.lstrip("\ufeff"))
        except SyntaxError as e:
            out.append("does not parse: %s" % e)
    second = migrate_text(text, filename, apply_review=review)
    if second["changed"]:
        out.append("a second run changes it again")
    return out


def table_inputs():
    """(rule code, [(source, filename)]) for every table: its rows' inputs and its no-op sources."""
    for r in REGISTRY:
        table = load_table(r)
        default = getattr(table, "FILENAME", "main.py")
        rows = [(row.before, row.filename or default) for row in getattr(table, "CASES", [])]
        rows += [n if isinstance(n, tuple) else (n, default) for n in getattr(table, "NOOP", [])]
        yield r.code, rows


def check():
    failures = []
    for code, rows in table_inputs():
        for i, (source, filename) in enumerate(rows):
            for review in (False, True):
                for problem in fixed_point(source, filename, review):
                    failures.append("%s row %d (%s): %s" % (code, i, "review" if review else "default", problem))
    facts = [file_facts(p, t) for p, t in PROJECT.items()]
    for f in facts:  # worker processes send them back pickled: a class of the engine's would not load
        try:
            if pickle.loads(pickle.dumps(f)) != f:
                failures.append("facts of %s change through pickle" % f["path"])
        except Exception as e:  # noqa: BLE001
            failures.append("facts of %s do not go through pickle: %s" % (f["path"], e))
    index = ProjectIndex(facts)
    for path, after in PROJECT_AFTER.items():
        got = migrate_text(PROJECT[path], path, project=index)["text"]
        if got != after:
            failures.append("PROJECT %s: got\n%s" % (path, got))
        elif migrate_text(got, path, project=index, apply_review=True)["changed"]:
            failures.append("PROJECT %s: a second run (with review fixes) changes it again" % path)
        alone = migrate_text(PROJECT[path], path)
        if path in USES_SDK and alone["text"] == after:
            failures.append("PROJECT %s: the same without the project index (the test shows nothing)" % path)
        if path not in USES_SDK and alone["changed"]:
            failures.append("PROJECT %s: changed without the project index (nothing in it says mcp)" % path)
    # the CLI indexes a checkout by its paths, so its module names can be longer than the imports spell
    deep = ProjectIndex(file_facts(DEEP + p, t) for p, t in PROJECT.items())
    for path, after in PROJECT_AFTER.items():
        if migrate_text(PROJECT[path], DEEP + path, project=deep)["text"] != after:
            failures.append("PROJECT %s under %s: not the same output" % (path, DEEP))
    for i, (before, after, review) in enumerate(ROWS):
        got = migrate_text(before, "main.py", apply_review=review)["text"]
        if got != after:
            failures.append("ROWS[%d]: got\n%s" % (i, got))
        failures += ["ROWS[%d]: %s" % (i, p) for p in fixed_point(before, "main.py", review)]
    return failures


if __name__ == "__main__":
    out = check()
    print(json.dumps(out, indent=1))
    sys.exit(1 if out else 0)
