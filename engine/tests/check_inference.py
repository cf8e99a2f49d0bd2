"""What `inference.py` says an expression holds, and what `project.py` carries across files.

Each row: a source, the text of an expression in it (its first occurrence, or the n-th with `@n`), and
the type expected (the `sdk_types` encoding; None = not known). Project rows: several files, the file
to ask in, the expression, the type.

Usage (from engine/): python3 tests/check_inference.py   -> prints a JSON list of failures; exit 1 if any.
"""

import ast
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from mcp_migrate.context import PythonContext  # noqa: E402
from mcp_migrate.project import ProjectIndex, file_facts  # noqa: E402

CONTENT = (
    "union",
    (
        "mcp.types.TextContent",
        "mcp.types.ImageContent",
        "mcp.types.AudioContent",
        "mcp.types.ResourceLink",
        "mcp.types.EmbeddedResource",
    ),
)
CLIENT = """
from mcp import ClientSession
from mcp.types import ImageContent, TextContent, Tool
import mcp.types as types

async def go(session: ClientSession, tools: list[Tool], t2: "types.Tool", maybe: Tool | None):
    result = await session.call_tool("x", {})
    for block in result.content:
        if isinstance(block, ImageContent):
            block.mimeType
        elif isinstance(block, TextContent) and block.text:
            pass
    result.content[0].mimeType
    [t.inputSchema for t in tools]
    t2.inputSchema
    maybe.inputSchema
    for tool in (await session.list_tools()).tools:
        tool.inputSchema
    for b in result.content:
        if not isinstance(b, TextContent):
            continue
        b.text
    Tool.model_validate({}).inputSchema
"""
SESSIONS = """
from contextlib import AsyncExitStack
from typing import cast
from mcp import ClientSession
from mcp.client.stdio import stdio_client
from mcp.shared.memory import create_connected_server_and_client_session

class Holder:
    def __init__(self, r, w):
        self.session = ClientSession(r, w)

    async def use(self, other):
        self.session.initialize()
        cast(ClientSession, other).initialize()

async def main(server, r, w):
    async with ClientSession(r, w) as s:
        s.list_tools()
    async with create_connected_server_and_client_session(server) as c:
        c.list_tools()
    async with stdio_client(params) as (read, write):
        read
    async with AsyncExitStack() as stack:
        entered = await stack.enter_async_context(ClientSession(r, w))
        streams = await stack.enter_async_context(stdio_client(params))
        other = await stack.enter_async_context(make_something())
    entered
    streams
    other
"""
CHAINS = """
from mcp.types import ImageContent, TextContent

def guarded(msg: dict, i):
    if isinstance(msg["content"], ImageContent):
        msg["content"]
    assert isinstance(msg.block, TextContent)
    msg.block
    if isinstance(msg[i], ImageContent):
        msg[i]
    match msg["content"]:
        case TextContent():
            msg["content"]

def assigned(msg: dict, other):
    if isinstance(msg["content"], ImageContent):
        msg["content"] = other
        msg["content"]

def rebound(msg: dict, other):
    if isinstance(msg["content"], ImageContent):
        msg = other
        msg["content"]
"""
UNPACKING = """
from contextlib import AsyncExitStack, asynccontextmanager
from typing import AsyncIterator
from mcp import ClientSession
from mcp.types import InitializeResult

@asynccontextmanager
async def raw() -> AsyncIterator[tuple[ClientSession, InitializeResult]]:
    ...

def pair() -> tuple[ClientSession, InitializeResult]:
    ...

async def use():
    async with raw() as (s, init):
        s
        init
    async with AsyncExitStack() as stack:
        s2, init2 = await stack.enter_async_context(raw())
        init2
    a, b, c = pair()
    a
"""
SELVES = """
from mcp.server.lowlevel import Server

class Inventory(Server):
    def __init__(self):
        super().__init__("inventory")
        self.list_tools()

    @staticmethod
    def helper(self):
        self

class Plain:
    def go(self):
        self
"""
CAPTURES = """
from mcp.types import BlobResourceContents, EmbeddedResource

def f(block, other):
    match block:
        case EmbeddedResource(resource=BlobResourceContents() as res):
            res
        case EmbeddedResource(resource=inner):
            inner
        case {"k": v, **rest}:
            rest
"""
EXCLUSIONS = """
from mcp import types
from mcp.shared.session import RequestResponder

async def on(message: RequestResponder | types.ServerNotification | Exception):
    if isinstance(message, Exception):
        return
    if isinstance(message, RequestResponder):
        return
    message

def partly(message: RequestResponder | types.ServerNotification, flag):
    if isinstance(message, RequestResponder) and flag:
        return
    message
"""
FACTORIES = """
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from mcp import ClientSession

SessionFactory = Callable[[str], AbstractAsyncContextManager[ClientSession]]
Plain = Callable[[], ClientSession]
NotAType = {"a": 1}["a"]

async def use(make: SessionFactory, direct: Callable[[], ClientSession], plain: Plain, other: NotAType):
    async with make("x") as s:
        s
    direct()
    plain()
    other
"""
CONTEXT_MANAGERS = """
import contextlib
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import AsyncGenerator, AsyncIterator, Iterator
from mcp import ClientSession

@asynccontextmanager
async def connect() -> AsyncGenerator[ClientSession, None]:
    yield ClientSession(None, None)

async def plain() -> AsyncIterator[ClientSession]:
    yield ClientSession(None, None)

def opener() -> AbstractAsyncContextManager[ClientSession]:
    return connect()

class Pool:
    @contextlib.contextmanager
    def lease(self) -> Iterator[ClientSession]:
        yield ClientSession(None, None)

    async def go(self):
        with self.lease() as leased:
            leased
        async with connect() as a, opener() as b:
            a
            b
        async for p in plain():
            p
        connect().x
        async with bare() as c:
            c
        copied = dict(self.by_name)
        copied["x"]
        built().x

    def __init__(self, sessions: dict[str, ClientSession]):
        self.by_name = sessions

@asynccontextmanager
async def bare():
    session = ClientSession(None, None)
    yield session

def built():
    return connect()
"""
NARROWING = """
import asyncio
from anyio.streams.memory import MemoryObjectReceiveStream
from mcp import ClientSession
from mcp.shared.message import SessionMessage
from mcp.types import CallToolResult, EmbeddedResource, ImageContent, ListToolsResult, AudioContent

def helper(r) -> CallToolResult:
    return r

class Client:
    def __init__(self, session: ClientSession | None = None):
        self.session = session

    async def close(self):
        self.session = None

    async def listed(self) -> ListToolsResult:
        return await self.session.list_tools()

    async def go(self, x, blocks, y, pairs: list[tuple[str, CallToolResult]], blocks2: list[ImageContent],
                 stream: MemoryObjectReceiveStream[SessionMessage | Exception]):
        assert isinstance(x, EmbeddedResource)
        x.resource
        self.session
        (await self.listed()).tools
        helper(1)
        fut = asyncio.ensure_future(self.session.call_tool("t", {}))
        done = await fut
        done
        tool = next((t for t in (await self.listed()).tools if t.name == "a"), None)
        tool
        for block in blocks:
            match block:
                case ImageContent() | AudioContent():
                    block
                case _:
                    block
        for tool_id, res in pairs:
            res
        for i, item in enumerate(blocks2):
            item
        async for message in stream:
            if isinstance(message, Exception):
                continue
            message.message
        y = 1
        assert isinstance(y, ImageContent)
        y = 2
        y
"""
USER_CLASSES = """
from mcp import ClientSession
from mcp.types import Tool
class Manager:
    async def session(self) -> ClientSession:
        ...
    def name(self) -> str:
        ...
async def f(tools: list[Tool], m2: Manager):
    manager = Manager()
    s = await manager.session()
    s
    s2 = await m2.session()
    s2
    n = manager.name()
    n
    by_name = {t.name: t for t in tools}
    one = by_name.get("x")
    one
    for t in by_name.values():
        t
    for key, item in sorted(by_name.items()):
        item
    list(tools)[0]
    list(by_name)[0]
"""
SERVERS = """
from mcp.server.fastmcp import FastMCP, Context
from mcp.server.lowlevel import Server

class App(FastMCP):
    pass

class Own(FastMCP):
    def __init__(self):
        super().__init__("own")

app = App("x")
own = Own()
own

@app.tool()
async def t(ctx: Context) -> str:
    ctx.request_context
    ctx.session.client_params
    return ""

def make():
    server = Server("low")
    return server
"""
TIMEOUTS = """
import datetime
from dataclasses import dataclass
from datetime import timedelta
from typing import Optional

DEFAULT = timedelta(seconds=30)

@dataclass
class Config:
    request_timeout: timedelta = timedelta(seconds=45)
    call_timeout: timedelta | None = None

class Runner:
    def __init__(self, cfg: Config, limit: float, fallback: Optional[timedelta] = None):
        self.cfg = cfg
        self.limit = timedelta(seconds=limit)
        self.fallback = fallback or DEFAULT
        self.maybe = fallback
        self.stamp = datetime.timedelta(minutes=1)

    def go(self):
        self.cfg.request_timeout
        self.cfg.call_timeout
        self.limit
        self.fallback
        self.maybe
        self.stamp
"""
RUNS = """
import anyio
import asyncio
from mcp.types import CallToolResult

class Op:
    async def _call(self) -> CallToolResult: ...

    def execute(self):
        result = anyio.run(self._call)
        again = asyncio.run(self._call())
        return result, again
"""

# the user's classes: a typed `__call__`, and what `__aenter__` says `async with` binds
CALLABLES = """
from typing import Self
from mcp import types
from mcp.shared.message import SessionMessage


class Namespacer:
    def __call__(self, message: SessionMessage) -> SessionMessage:
        return message


class Toolkit:
    async def __aenter__(self) -> "Toolkit":
        return self

    def tools(self) -> dict[str, types.Tool]:
        return {}


class Pool:
    async def __aenter__(self) -> Self:
        return self

    def first(self) -> types.Tool: ...


async def run(request: SessionMessage):
    sent = Namespacer()(request)
    async with Toolkit() as kit:
        kit.tools()["x"]
    async with Pool() as pool:
        pool.first()
"""
# the lifespan type a context's or server's annotation states: what `.lifespan_context` holds
LIFESPANS = """
from dataclasses import dataclass
from typing import Any
from mcp import ClientSession
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.session import ServerSession
from mcp.shared.context import RequestContext


@dataclass
class State:
    upstream: ClientSession


Ctx = RequestContext[ServerSession, State, Any]
mcp: FastMCP[State] = FastMCP("x")


async def f(ctx: Ctx, tool_ctx: Context[ServerSession, State], plain: Context):
    ctx.lifespan_context.upstream
    tool_ctx.request_context.lifespan_context.upstream
    mcp.get_context().request_context.lifespan_context.upstream
    plain.request_context.lifespan_context
"""
ROWS = [
    (LIFESPANS, "ctx.lifespan_context.upstream", "mcp.client.session.ClientSession"),
    (LIFESPANS, "tool_ctx.request_context.lifespan_context.upstream", "mcp.client.session.ClientSession"),
    (LIFESPANS, "mcp.get_context().request_context.lifespan_context.upstream", "mcp.client.session.ClientSession"),
    (LIFESPANS, "plain.request_context.lifespan_context", None),
    (CALLABLES, "sent@1", "mcp.shared.message.SessionMessage"),
    (CALLABLES, "kit.tools()['x']", "mcp.types.Tool"),
    (CALLABLES, "pool.first()", "mcp.types.Tool"),  # `__aenter__(self) -> Self`
    (RUNS, "result@1", "mcp.types.CallToolResult"),  # `anyio.run(fn)` returns what `fn` does
    (RUNS, "again@1", "mcp.types.CallToolResult"),  # `asyncio.run(coro)` returns what it awaits
    (TIMEOUTS, "self.cfg.request_timeout", "datetime.timedelta"),  # a dataclass field
    (TIMEOUTS, "self.cfg.call_timeout", ("union", ("datetime.timedelta", ("none",)))),
    (TIMEOUTS, "self.limit@2", "datetime.timedelta"),  # built in __init__
    (TIMEOUTS, "self.fallback@2", "datetime.timedelta"),  # `x or DEFAULT` is never None
    (TIMEOUTS, "self.maybe@2", ("union", ("datetime.timedelta", ("none",)))),
    (TIMEOUTS, "self.stamp@2", "datetime.timedelta"),  # `datetime.timedelta(...)`
    (CLIENT, "block@3", "mcp.types.ImageContent"),  # in `block.mimeType`, after isinstance
    (CLIENT, "block@5", "mcp.types.TextContent"),  # in `... and block.text`
    (CLIENT, "result.content[0]", CONTENT),
    (CLIENT, "t@1", "mcp.types.Tool"),  # comprehension over list[Tool]
    (CLIENT, "t2", "mcp.types.Tool"),  # string annotation
    (CLIENT, "maybe", ("union", ("mcp.types.Tool", ("none",)))),  # Tool | None
    (CLIENT, "tool@2", "mcp.types.Tool"),
    (CLIENT, "b@3", "mcp.types.TextContent"),  # after `if not isinstance(...): continue`
    (CLIENT, "Tool.model_validate({})", "mcp.types.Tool"),
    (CLIENT, "result@2", "mcp.types.CallToolResult"),
    (SESSIONS, "self.session@2", "mcp.client.session.ClientSession"),
    (SESSIONS, "cast(ClientSession, other)", "mcp.client.session.ClientSession"),
    (SESSIONS, "s@2", "mcp.client.session.ClientSession"),
    # isinstance() and match narrowing of attribute / constant-subscript chains on a name
    (CHAINS, "msg['content']@2", "mcp.types.ImageContent"),
    (CHAINS, "msg.block@2", "mcp.types.TextContent"),
    (CHAINS, "msg[i]@2", None),  # a subscript that is not a constant
    (CHAINS, "msg['content']@4", "mcp.types.TextContent"),
    (CHAINS, "msg['content']@7", None),  # the function assigns the chain
    (CHAINS, "msg['content']@9", None),  # the root name is bound again after the guard
    # names unpacked from a typed tuple (`with ... as (a, b)`, `a, b = ...`), not when the lengths differ
    (UNPACKING, "s@2", "mcp.client.session.ClientSession"),
    (UNPACKING, "init@2", "mcp.types.InitializeResult"),
    (UNPACKING, "init2@2", "mcp.types.InitializeResult"),
    (UNPACKING, "a@2", None),
    # `self` in a method of an SDK subclass is that class, in a plain class an instance of it (whose
    # annotated fields type `self.x`); nothing in a static method
    (SELVES, "self@1", "mcp.server.lowlevel.server.Server"),
    (SELVES, "self@2", None),
    (SELVES, "self@3", ("uobj", "Plain")),
    # `match` captures: `case C() as x`, a class pattern's field, and a mapping's rest (unknown)
    (CAPTURES, "res", "mcp.types.BlobResourceContents"),
    (CAPTURES, "inner", ("union", ("mcp.types.TextResourceContents", "mcp.types.BlobResourceContents"))),
    (CAPTURES, "rest", None),
    # `if isinstance(x, C): return` rules C out of a name's classes; with `and ...` it proves nothing
    (EXCLUSIONS, "message@3", ("union", ("mcp.types.ServerNotification", ("other",)))),  # `Exception` is not named
    (EXCLUSIONS, "message@5", ("union", ("mcp.shared.session.RequestResponder", "mcp.types.ServerNotification"))),
    # Callable[..., R] parameters, also through a module-level alias: calling them gives R
    (FACTORIES, "s@2", "mcp.client.session.ClientSession"),
    (FACTORIES, "direct()", "mcp.client.session.ClientSession"),
    (FACTORIES, "plain()", "mcp.client.session.ClientSession"),
    (FACTORIES, "other", None),  # a module-level value that is not a type
    # `with` over the user's own context managers: @(async)contextmanager generators and annotations
    (CONTEXT_MANAGERS, "leased@2", "mcp.client.session.ClientSession"),
    (CONTEXT_MANAGERS, "a@2", "mcp.client.session.ClientSession"),
    (CONTEXT_MANAGERS, "b@2", "mcp.client.session.ClientSession"),
    (CONTEXT_MANAGERS, "p@2", "mcp.client.session.ClientSession"),  # a plain async generator iterates
    (CONTEXT_MANAGERS, "connect().x", None),  # the factory's result is a context manager, not a session
    # without annotations: what an `@asynccontextmanager` yields, what a def returns; `dict(x)` copies
    (CONTEXT_MANAGERS, "c@2", "mcp.client.session.ClientSession"),
    (CONTEXT_MANAGERS, "copied['x']", "mcp.client.session.ClientSession"),
    (CONTEXT_MANAGERS, "built().x", None),
    (SESSIONS, "c@2", "mcp.client.session.ClientSession"),
    (SESSIONS, "read@2", None),
    # an exit stack returns what `async with` would bind
    (SESSIONS, "entered@2", "mcp.client.session.ClientSession"),
    (SESSIONS, "streams@2", None),  # a (read, write) pair: what it holds is not a class
    (SESSIONS, "other@2", None),
    (USER_CLASSES, "s@2", "mcp.client.session.ClientSession"),  # a method of a user class's instance
    (USER_CLASSES, "s2@2", "mcp.client.session.ClientSession"),  # ... of an annotated parameter
    (USER_CLASSES, "n@2", None),
    (USER_CLASSES, "one@2", ("union", ("mcp.types.Tool", ("none",)))),  # dict comprehension, `.get()`: or None
    (USER_CLASSES, "t@4", "mcp.types.Tool"),  # `.values()`
    (USER_CLASSES, "item@2", "mcp.types.Tool"),  # `sorted(d.items())`
    (USER_CLASSES, "key@1", None),
    (USER_CLASSES, "list(tools)[0]", "mcp.types.Tool"),
    (USER_CLASSES, "list(by_name)[0]", None),  # a dict's keys
    (SERVERS, "app@2", "mcp.server.fastmcp.server.FastMCP"),
    (SERVERS, "own@2", "mcp.server.fastmcp.server.FastMCP"),
    (SERVERS, "App", ("class", "mcp.server.fastmcp.server.FastMCP")),
    (SERVERS, "Own", ("subclass", "mcp.server.fastmcp.server.FastMCP")),
    (SERVERS, "ctx.request_context", "mcp.shared.context.RequestContext"),
    (SERVERS, "ctx.session.client_params", "mcp.types.InitializeRequestParams"),  # unannotated property
    (SERVERS, "server@2", "mcp.server.lowlevel.server.Server"),
    (NARROWING, "x@2", "mcp.types.EmbeddedResource"),  # after `assert isinstance(...)`
    (NARROWING, "x.resource", ("union", ("mcp.types.TextResourceContents", "mcp.types.BlobResourceContents"))),
    # the parameter's `ClientSession | None`; `= None` elsewhere adds nothing
    (NARROWING, "self.session@3", ("union", ("mcp.client.session.ClientSession", ("none",)))),
    (NARROWING, "(await self.listed()).tools", ("list", "mcp.types.Tool")),  # the def's return annotation
    (NARROWING, "helper(1)", "mcp.types.CallToolResult"),
    (NARROWING, "done@2", "mcp.types.CallToolResult"),  # through asyncio.ensure_future
    (NARROWING, "tool@2", "mcp.types.Tool"),  # next(generator, None)
    (NARROWING, "block@3", ("union", ("mcp.types.ImageContent", "mcp.types.AudioContent"))),  # match/case
    (NARROWING, "block@4", None),
    (NARROWING, "y@4", None),
    (NARROWING, "res@2", "mcp.types.CallToolResult"),  # tuple unpacking in a loop
    (NARROWING, "item@2", "mcp.types.ImageContent"),  # enumerate()
    (
        NARROWING,
        "message.message",
        "mcp.types.JSONRPCMessage",
    ),  # async for over a receive stream                                   # bound again after the assert
    # not the SDK: no answer
    ("from fastmcp import FastMCP\nmcp = FastMCP('x')\nmcp\n", "mcp@2", None),
    ("class ClientSession:\n    pass\ns = ClientSession()\ns\n", "s@2", ("uobj", "ClientSession")),
]

PROJECT = {
    "pkg/__init__.py": "from .app import mcp as mcp\n",
    "pkg/app.py": "from mcp.server.fastmcp import FastMCP\nmcp = FastMCP('demo')\n",
    "pkg/base.py": "from mcp.server.fastmcp import FastMCP\nclass Base(FastMCP):\n    pass\n",
    "pkg/made.py": "from .base import Base\nserver = Base('x')\n",
    "pkg/tools.py": "from .app import mcp\nfrom . import made\nfrom pkg import mcp as again\n"
    "from pkg.made import server\nmcp\nagain\nserver\n",
    "pkg/sub/deep.py": "from ..app import mcp\nmcp\n",
    "pkg/params.py": "from mcp.types import CreateMessageRequestParams\nclass Params(CreateMessageRequestParams):\n"
    "    max_iterations: int = 20\n",
    "pkg/use.py": "from pkg.params import Params\nParams(maxTokens=1)\n",
    "pkg/listing.py": "from mcp.types import Tool\nasync def all_tools() -> list[Tool]:\n    return []\n",
    "pkg/use2.py": "from .listing import all_tools\nasync def f():\n    tools = await all_tools()\n    tools\n",
    "pkg/reexport.py": "from pkg.params import Params\n",
    "pkg/llm.py": "from .reexport import Params\nclass Plain:\n    pass\nclass LLM:\n"
    "    def get_params(self) -> Params | None:\n        ...\n    def plain(self) -> Plain:\n        ...\n",
    "pkg/anthropic.py": "from .llm import LLM\nclass Mid(LLM):\n    pass\nclass Anthropic(Mid):\n    def go(self):\n"
    "        params = self.get_params()\n        params\n        other = self.plain()\n        other\n",
    "pkg/make.py": "from .params import Params\ndef make() -> 'Params':\n    ...\n",
    "pkg/use3.py": "from .make import make\np = make()\np\n",
    "pkg/conv.py": "from .params import Params\nclass Converter:\n    @staticmethod\n    def extract(x) -> Params:\n"
    "        ...\n",
    "pkg/use4.py": "from pkg.conv import Converter\nr = Converter.extract(1)\nr\n",
    "pkg/pool.py": (
        "from mcp.types import ServerCapabilities\n"
        "class Upstream:\n"
        "    caps: ServerCapabilities\n"
        "class Pool:\n"
        "    def __init__(self):\n"
        "        self.upstreams: dict[str, Upstream] = {}\n"
    ),
    "pkg/use_pool.py": (
        "from pkg.pool import Pool\n"
        "def rows(pool: Pool):\n"
        "    for name, up in pool.upstreams.items():\n"
        "        up.caps\n"
    ),
    "pkg/multipart.py": "from pydantic import BaseModel\nfrom mcp.types import TextContent, ImageContent\n"
    "class Multipart(BaseModel):\n    content: list[TextContent | ImageContent]\n    @property\n"
    "    def first(self) -> 'ImageContent':\n        ...\nclass Sub(Multipart):\n    pass\n"
    "def g(m: Sub):\n    m.content\n",
    "pkg/use5.py": "from pkg.multipart import Sub\ndef f(m: Sub, ms: list[Sub]):\n    m.content[0]\n"
    "    ms[0].content\n    m.first\n    m.first()\n",
    "pkg/ser.py": "from typing import List\nfrom .multipart import Sub\ndef load() -> List['Sub']:\n    ...\n",
    "pkg/use6.py": "from pkg.ser import load\nms = load()\nms[0].content\n",
    "pkg/srv.py": "from mcp.server.fastmcp import FastMCP\nmcp = FastMCP('x')\n@mcp.tool()\nasync def t1():\n"
    "    ...\n@mcp.tool()\nasync def t2():\n    ...\n",
    "pkg/test_srv.py": "from pkg.srv import t1\n",
    "pkg/conn.py": "from contextlib import asynccontextmanager\nfrom typing import AsyncGenerator\n"
    "from mcp import ClientSession\n@asynccontextmanager\nasync def session_context() -> "
    "AsyncGenerator[ClientSession, None]:\n    yield ClientSession(None, None)\n",
    "pkg/use7.py": "from pkg.conn import session_context\nasync def f():\n    async with session_context() as s:\n"
    "        s\n    session_context().x\n",
    "pkg/holder.py": "from mcp import ClientSession\nfrom mcp.server.lowlevel import Server\nclass Holder:\n"
    "    def __init__(self, r, w):\n        self.server: Server = make()\n        self.session = ClientSession(r, w)\n"
    "        self.other = r\n",
    "pkg/use8.py": "from pkg import holder\nfrom pkg.holder import Holder\nfrom unittest.mock import Mock\n"
    "def f(h: Holder):\n    h.server\n    h.session\n    h.other\n    holder.Holder\n"
    "def g(h: Holder):\n    h.session = Mock()\n    h.session\n",
    "pkg/use9.py": "from pkg import app\napp.mcp\napp.mcp._tool_manager\n",
    "pkg/settings.py": "from datetime import timedelta\nTIMEOUT = timedelta(seconds=30)\n"
    "PER_TOOL: dict[str, timedelta] = {}\n",
    "pkg/use10.py": "from . import settings\nsettings.TIMEOUT\nsettings.PER_TOOL.get('t', settings.TIMEOUT)\n"
    "settings.PER_TOOL.get('t')\n",
    # two projects of one tree with a `tests/helpers.py` each: an import means its own project's
    "one/tests/helpers.py": "from mcp import ClientSession\ndef make():\n    return ClientSession(None, None)\n",
    "one/tests/test_a.py": "from tests.helpers import make\nmade = make()\nmade\n",
    "two/tests/helpers.py": "from mcp.server.lowlevel import Server\ndef make():\n    return Server('x')\n",
    "two/tests/test_b.py": "from tests.helpers import make\nmade = make()\nmade\n",
    # a generic SDK class given its parameters under a name of the project's own
    "pkg/ctxalias.py": "from mcp.server.fastmcp import Context\nfrom mcp.server.session import ServerSession\n"
    "AppCtx = Context[ServerSession, dict]\n",
    "pkg/use11.py": "from pkg.ctxalias import AppCtx\ndef tool(ctx: AppCtx):\n    ctx\n",
}
BLOCKS = ("union", ("mcp.types.TextContent", "mcp.types.ImageContent"))
PROJECT_ROWS = [
    ("pkg/tools.py", "mcp", "mcp.server.fastmcp.server.FastMCP"),
    ("pkg/tools.py", "again", "mcp.server.fastmcp.server.FastMCP"),
    ("pkg/tools.py", "server", "mcp.server.fastmcp.server.FastMCP"),
    ("pkg/sub/deep.py", "mcp", "mcp.server.fastmcp.server.FastMCP"),
    ("pkg/use.py", "Params", ("class", "mcp.types.CreateMessageRequestParams")),
    ("pkg/use2.py", "tools@2", ("list", "mcp.types.Tool")),  # a function's return annotation
    # an inherited method's annotation naming a user subclass of an SDK model, through a re-export
    ("pkg/anthropic.py", "params@2", "mcp.types.CreateMessageRequestParams"),
    ("pkg/anthropic.py", "other@2", ("uobj", "pkg.llm.Plain")),  # a user class that is not an SDK model
    ("pkg/use3.py", "p@2", "mcp.types.CreateMessageRequestParams"),  # `-> 'Params'` in another file
    ("pkg/use4.py", "r@2", "mcp.types.CreateMessageRequestParams"),  # a static method of a user class
    ("pkg/use_pool.py", "up.caps", "mcp.types.ServerCapabilities"),  # values of a `dict[str, UserClass]` field
    # fields and properties of the user's own models, inherited, in this file and across files
    ("pkg/multipart.py", "m.content", ("list", BLOCKS)),
    ("pkg/use5.py", "m.content[0]", BLOCKS),
    ("pkg/use5.py", "ms[0].content", ("list", BLOCKS)),
    ("pkg/use5.py", "m.first", "mcp.types.ImageContent"),
    ("pkg/use5.py", "m.first()", None),  # a property is not a method
    ("pkg/use6.py", "ms[0].content", ("list", BLOCKS)),  # `-> List['Sub']` in another file
    ("pkg/use7.py", "s@2", "mcp.client.session.ClientSession"),  # an @asynccontextmanager in another file
    ("pkg/use7.py", "session_context().x", None),
    # instance attributes a class's methods set: annotated in any method, or assigned in __init__
    ("pkg/use8.py", "h.server", "mcp.server.lowlevel.server.Server"),
    ("pkg/use8.py", "h.session", "mcp.client.session.ClientSession"),
    ("pkg/use8.py", "h.other", None),
    ("pkg/use8.py", "h.session@3", None),  # replaced by a mock just before: not what the class says
    # a module of the project imported by name, and attributes through it
    ("pkg/use9.py", "app.mcp", "mcp.server.fastmcp.server.FastMCP"),
    ("pkg/use9.py", "app.mcp._tool_manager", "mcp.server.fastmcp.tools.tool_manager.ToolManager"),
    ("pkg/use10.py", "settings.TIMEOUT", "datetime.timedelta"),  # a sibling module imported by name
    ("pkg/use10.py", "settings.PER_TOOL.get('t', settings.TIMEOUT)", "datetime.timedelta"),
    ("pkg/use10.py", "settings.PER_TOOL.get('t')", ("union", ("datetime.timedelta", ("none",)))),
    ("pkg/use11.py", "ctx", "mcp.server.fastmcp.server.Context"),
    ("one/tests/test_a.py", "made@2", "mcp.client.session.ClientSession"),
    ("two/tests/test_b.py", "made@2", "mcp.server.lowlevel.server.Server"),
]
# Whether another module imports a handler (a new parameter would break its calls).
USED_ELSEWHERE_ROWS = [("pkg/srv.py", "t1", True), ("pkg/srv.py", "t2", False)]
# What the constructor of a name imported from the user's modules builds: the SDK model it keeps.
CONSTRUCTOR_ROWS = [
    ("pkg/use.py", "Params(maxTokens=1)", "mcp.types.CreateMessageRequestParams"),
]


def find(tree, text):
    want, _, nth = text.partition("@")
    hits = [n for n in ast.walk(tree) if isinstance(n, ast.expr) and ast.unparse(n) == want]
    hits.sort(key=lambda n: (n.lineno, n.col_offset))
    i = int(nth or 1) - 1
    return hits[i] if i < len(hits) else None


def ask(source, path, text, project=None):
    tree = ast.parse(source)
    node = find(tree, text)
    if node is None:
        return "no expression %r" % text
    return readable(PythonContext(source, path, tree, project).types.type_of(node))


def readable(t):
    """The user's own classes by name: the file's ClassDef, or (module, name) in another module."""
    if isinstance(t, ast.ClassDef):
        return t.name
    if isinstance(t, tuple) and len(t) == 2 and t[0] in ("uobj", "uclass") and isinstance(t[1], tuple):
        return (t[0], ".".join(t[1]))
    return tuple(readable(x) for x in t) if isinstance(t, tuple) else t


def ask_constructor(source, path, text, project):
    tree = ast.parse(source)
    node = find(tree, text)
    return PythonContext(source, path, tree, project).types.sdk_constructor(node)


def check():
    failures = []
    for source, text, want in ROWS:
        got = ask(source, "main.py", text)
        if got != want:
            failures.append("%s: got %r, want %r" % (text, got, want))
    index = ProjectIndex(file_facts(p, t) for p, t in PROJECT.items())
    for path, text, want in PROJECT_ROWS:
        got = ask(PROJECT[path], path, text, index)
        if got != want:
            failures.append("%s in %s: got %r, want %r" % (text, path, got, want))
    for path, fn, want in USED_ELSEWHERE_ROWS:
        source = PROJECT[path]
        tree = ast.parse(source)
        node = next(n for n in ast.walk(tree) if isinstance(n, ast.AsyncFunctionDef) and n.name == fn)
        got = PythonContext(source, path, tree, index).used_elsewhere(node)
        if got != want:
            failures.append("used_elsewhere(%s) in %s: got %r, want %r" % (fn, path, got, want))
    for path, text, want in CONSTRUCTOR_ROWS:
        got = ask_constructor(PROJECT[path], path, text, index)
        if got != want:
            failures.append("constructor %s in %s: got %r, want %r" % (text, path, got, want))
    return failures


if __name__ == "__main__":
    out = check()
    print(json.dumps(out, indent=1))
    sys.exit(1 if out else 0)
