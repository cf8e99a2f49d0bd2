"""LOW011: `RequestContext` type parameters simplified

Rule: engine/mcp_migrate/rules/low011_request_context_types.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    # a file that imports neither side but names sampling or elicitation params is taken for client
    # code (a test of client callbacks; a guess, so a review fix); one that imports both sides is not
    case(
        " from unittest.mock import MagicMock\n"
        " \n"
        " from mcp import types\n"
        "-from mcp.shared.context import RequestContext\n"
        "+from mcp.client.context import ClientRequestContext\n"
        " \n"
        " \n"
        " async def test_sampling(actor):\n"
        "-    context = MagicMock(spec=RequestContext)\n"
        "+    context = MagicMock(spec=ClientRequestContext)\n"
        "     params = types.CreateMessageRequestParams(messages=[], max_tokens=10)\n"
        "     assert await actor.sampling_callback(context, params)\n"
        "     assert await actor.list_roots(context)\n",
        findings=["LOW011:4 review"],
    ),
    case(
        " from unittest.mock import MagicMock\n"
        " \n"
        " from mcp import types\n"
        " from mcp.client.session import ClientSession\n"
        " from mcp.server.lowlevel import Server\n"
        "+# mcp-migrate: LOW011 `mcp.shared.context.RequestContext` is gone: import `ServerRequestContext` from `mcp.server.context` (server) or `ClientRequestContext` from `mcp.client.context` (client) https://py.sdk.modelcontextprotocol.io/v2/migration/#requestcontext-type-parameters-simplified\n"
        " from mcp.shared.context import RequestContext\n"
        " \n"
        " \n"
        " async def test_sampling(actor):\n"
        "+    # mcp-migrate: LOW011 `RequestContext` is gone: use `ServerRequestContext[LifespanT, RequestT]` (from `mcp.server.context`) in server code, `ClientRequestContext` (from `mcp.client.context`, no type parameters) in client callbacks https://py.sdk.modelcontextprotocol.io/v2/migration/#requestcontext-type-parameters-simplified\n"
        "     context = MagicMock(spec=RequestContext)\n"
        "     params = types.CreateMessageRequestParams(messages=[], max_tokens=10)\n"
        "     assert await actor.sampling_callback(context, params)\n"
        "     assert await actor.list_roots(context)\n"
        "     assert Server, ClientSession\n",
        findings=["LOW011:6 manual", "LOW011:10 manual"],
    ),
    # the server session type argument of MCPServer's `Context` goes
    case(
        ' from mcp.server.fastmcp import Context\n'
        ' from mcp.server.session import ServerSession\n'
        ' \n'
        '-async def my_tool(ctx: Context[ServerSession, None]) -> str:\n'
        '+async def my_tool(ctx: Context[None]) -> str:\n'
        "     return ''\n",
        findings=["LOW011:4 safe"],
    ),
    # three arguments are v1's (session, lifespan, request), whatever the session slot holds
    case(
        " from typing import Any\n"
        " from mcp.server.fastmcp import Context\n"
        " \n"
        "-def tenant(ctx: Context[Any, Any, Any]) -> str:\n"
        "+def tenant(ctx: Context[Any, Any]) -> str:\n"
        "     return ''\n",
        findings=["LOW011:4 safe"],
    ),
    # a client callback's `RequestContext[ClientSession, ...]` is `ClientRequestContext`, import included
    case(
        ' from typing import Any\n'
        ' \n'
        ' from mcp.client.session import ClientSession\n'
        '-from mcp.shared.context import RequestContext\n'
        '+from mcp.client.context import ClientRequestContext\n'
        ' \n'
        '-async def cb(ctx: RequestContext[ClientSession, None], params): ...\n'
        '+async def cb(ctx: ClientRequestContext, params): ...\n'
        ' \n'
        '-async def cb2(context: RequestContext["ClientSession", Any, Any]) -> None: ...\n'
        '+async def cb2(context: ClientRequestContext) -> None: ...\n',
        findings=["LOW011:4 safe"],
    ),
    # server side: `ServerRequestContext[LifespanT, RequestT]`
    case(
        ' from mcp.server.session import ServerSession\n'
        '-from mcp.shared.context import RequestContext\n'
        '+from mcp.server.context import ServerRequestContext\n'
        ' \n'
        '-def lifespan_of(ctx: RequestContext[ServerSession, dict, Request]) -> dict:\n'
        '+def lifespan_of(ctx: ServerRequestContext[dict, Request]) -> dict:\n'
        '     return ctx.lifespan_context\n',
        findings=["LOW011:2 safe"],
    ),
    # no session type: a sampling or elicitation `params` next to it says client
    case(
        ' from typing import Any\n'
        ' \n'
        '-from mcp.shared.context import RequestContext\n'
        '+from mcp.client.context import ClientRequestContext\n'
        ' from mcp.types import CreateMessageRequestParams\n'
        ' \n'
        '-async def sampling(context: RequestContext[Any, Any, Any], params: CreateMessageRequestParams): ...\n'
        '+async def sampling(context: ClientRequestContext, params: CreateMessageRequestParams): ...\n',
        findings=["LOW011:3 safe"],
    ),
    # undecided (a mock's spec in a file that imports neither side): markers
    case(
        ' from unittest.mock import MagicMock\n'
        ' \n'
        '+# mcp-migrate: LOW011 `mcp.shared.context.RequestContext` is gone: import `ServerRequestContext` from `mcp.server.context` (server) or `ClientRequestContext` from `mcp.client.context` (client) https://py.sdk.modelcontextprotocol.io/v2/migration/#requestcontext-type-parameters-simplified\n'
        ' from mcp.shared.context import RequestContext\n'
        ' \n'
        '+# mcp-migrate: LOW011 `RequestContext` is gone: use `ServerRequestContext[LifespanT, RequestT]` (from `mcp.server.context`) in server code, `ClientRequestContext` (from `mcp.client.context`, no type parameters) in client callbacks https://py.sdk.modelcontextprotocol.io/v2/migration/#requestcontext-type-parameters-simplified\n'
        ' ctx = MagicMock(spec=RequestContext)\n',
        findings=["LOW011:3 manual", "LOW011:5 manual"],
    ),
    # decided by the file being client code only: review
    case(
        ' from mcp.client.session import ClientSession\n'
        '-from mcp.shared.context import RequestContext\n'
        '+from mcp.client.context import ClientRequestContext\n'
        ' \n'
        '-async def list_roots(context: RequestContext) -> None: ...\n'
        '+async def list_roots(context: ClientRequestContext) -> None: ...\n',
        findings=["LOW011:2 review"],
    ),
    # a fragment without its imports
    case(
        '+# mcp-migrate: LOW011 `Context[ServerSession, LifespanT]` is `Context[LifespanT]` in v2 (bare `Context` is usually enough) https://py.sdk.modelcontextprotocol.io/v2/migration/#requestcontext-type-parameters-simplified\n'
        ' async def my_tool(ctx: Context[ServerSession, None]) -> str: ...\n',
        findings=["LOW011:1 manual"],
    ),
    # a client context built by hand (a test calling a callback): v2's takes no `lifespan_context`
    case(
        " from unittest import mock\n"
        " from mcp.client.session import ClientSession\n"
        "-from mcp.shared.context import RequestContext\n"
        "+from mcp.client.context import ClientRequestContext\n"
        " \n"
        "-def make() -> RequestContext[ClientSession, None]:\n"
        "-    return RequestContext(request_id=7, meta=None, session=mock.MagicMock(), lifespan_context=None)\n"
        "+def make() -> ClientRequestContext:\n"
        "+    return ClientRequestContext(request_id=7, meta=None, session=mock.MagicMock())\n",
        findings=["LOW011:3 review"],
    ),
    # ... with a lifespan value it cannot drop: marked
    case(
        " from mcp.client.session import ClientSession\n"
        "+# mcp-migrate: LOW011 `mcp.shared.context.RequestContext` is gone: import `ServerRequestContext` from "
        "`mcp.server.context` (server) or `ClientRequestContext` from `mcp.client.context` (client) "
        "https://py.sdk.modelcontextprotocol.io/v2/migration/#requestcontext-type-parameters-simplified\n"
        " from mcp.shared.context import RequestContext\n"
        " \n"
        " def make(session):\n"
        "+    # mcp-migrate: LOW011 `RequestContext` is gone: use `ServerRequestContext[LifespanT, RequestT]` (from "
        "`mcp.server.context`) in server code, `ClientRequestContext` (from `mcp.client.context`, no type "
        "parameters) in client callbacks; building a `ServerRequestContext` also takes the request's "
        "`protocol_version=` and `method=` "
        "https://py.sdk.modelcontextprotocol.io/v2/migration/#requestcontext-type-parameters-simplified\n"
        "     return RequestContext(request_id=7, meta=None, session=session, lifespan_context={'db': 1})\n",
        findings=["LOW011:2 manual", "LOW011:5 manual"],
    ),
    # a server context the file builds: v2's also needs the request's protocol version and method, which
    # v1 code never had to give (renaming the call alone would add an error): marked
    case(
        " from mcp.server.session import ServerSession\n"
        "+# mcp-migrate: LOW011 `mcp.shared.context.RequestContext` is gone: import `ServerRequestContext` from "
        "`mcp.server.context` (server) or `ClientRequestContext` from `mcp.client.context` (client) "
        "https://py.sdk.modelcontextprotocol.io/v2/migration/#requestcontext-type-parameters-simplified\n"
        " from mcp.shared.context import RequestContext\n"
        " \n"
        " def make(session: ServerSession) -> RequestContext[ServerSession, None, None]:\n"
        "+    # mcp-migrate: LOW011 `RequestContext` is gone: use `ServerRequestContext[LifespanT, RequestT]` (from "
        "`mcp.server.context`) in server code, `ClientRequestContext` (from `mcp.client.context`, no type "
        "parameters) in client callbacks; building a `ServerRequestContext` also takes the request's "
        "`protocol_version=` and `method=` "
        "https://py.sdk.modelcontextprotocol.io/v2/migration/#requestcontext-type-parameters-simplified\n"
        "     return RequestContext(request_id=1, meta=None, session=session, lifespan_context=None)\n",
        findings=["LOW011:2 manual", "LOW011:5 manual"],
    ),
    # v1's `ServerSessionT` TypeVar (gone in v2) only ever the session argument: its import goes with it;
    # `LifespanContextT` / `RequestT` move to `mcp.server.context`
    case(
        ' from typing import Any\n'
        ' \n'
        ' from mcp.server.fastmcp import Context\n'
        '-from mcp.server.session import ServerSession, ServerSessionT\n'
        '-from mcp.shared.context import LifespanContextT, RequestT\n'
        '+from mcp.server.session import ServerSession\n'
        '+from mcp.server.context import LifespanContextT, RequestT\n'
        ' \n'
        ' \n'
        ' class Forwarder:\n'
        '-    async def run(self, context: Context[ServerSessionT, LifespanContextT, RequestT] | None = None) -> Any:\n'
        '+    async def run(self, context: Context[LifespanContextT, RequestT] | None = None) -> Any:\n'
        '         return context\n'
        ' \n'
        ' \n'
        '-def session_of(ctx: Context[ServerSession, Any, Any]) -> ServerSession:\n'
        '+def session_of(ctx: Context[Any, Any]) -> ServerSession:\n'
        '     return ctx.session\n',
        findings=['LOW011:5 safe', 'LOW011:9 safe', 'LOW011:13 safe'],
    ),
    # ...used elsewhere too: the import stays
    case(
        ' from mcp.server.fastmcp import Context\n'
        ' from mcp.server.session import ServerSessionT\n'
        '-from mcp.shared.context import LifespanContextT, RequestT\n'
        '+from mcp.server.context import LifespanContextT, RequestT\n'
        ' \n'
        ' \n'
        '-def run(context: Context[ServerSessionT, LifespanContextT, RequestT], session: ServerSessionT) -> None:\n'
        '+def run(context: Context[LifespanContextT, RequestT], session: ServerSessionT) -> None:\n'
        '     pass\n',
        findings=['LOW011:3 safe', 'LOW011:6 safe'],
    ),
    # the guide's own before: `RequestContext` and the TypeVars imported together
    case(
        ' from mcp.server.session import ServerSession\n'
        '-from mcp.shared.context import RequestContext, LifespanContextT, RequestT\n'
        '+from mcp.server.context import LifespanContextT, RequestT\n'
        '+from mcp.server.context import ServerRequestContext\n'
        ' \n'
        '-ctx: RequestContext[ServerSession, LifespanContextT, RequestT]\n'
        '+ctx: ServerRequestContext[LifespanContextT, RequestT]\n',
        findings=['LOW011:2 safe', 'LOW011:2 safe'],
    ),
]

NOOP = [
    # v2's own two parameters (lifespan, request) in a half-migrated file
    "from typing import Any\nfrom mcp.server.mcpserver import Context\n\ndef f(ctx: Context[Any, Any]) -> None: ...\n",
    "from mcp.server.mcpserver import Context\n\nasync def t(ctx: Context[None]): ...\n",
    "from fastmcp import Context\n"
    "from mcp.server.session import ServerSession\n"
    "\n"
    "async def t(ctx: Context[ServerSession, None]): ...\n",
    "class RequestContext:\n    pass\n\nx: RequestContext = RequestContext()\n",
    "from mcp.client.context import ClientRequestContext\n\nasync def cb(ctx: ClientRequestContext, params): ...\n",
]
