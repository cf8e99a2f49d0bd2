"""CLT004: Timeouts take `float` seconds instead of `timedelta`

Rule: engine/mcp_migrate/rules/clt004_timedelta_timeouts.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from datetime import timedelta\n"
        " from mcp import ClientSession\n"
        " \n"
        " async def f(r, w):\n"
        "-    async with ClientSession(r, w, read_timeout_seconds=timedelta(seconds=30)) as session:\n"
        "-        await session.call_tool('slow', {}, read_timeout_seconds=timedelta(minutes=2))\n"
        "-        await session.call_tool('x', {}, timedelta(milliseconds=1500))\n"
        "+    async with ClientSession(r, w, read_timeout_seconds=30) as session:\n"
        "+        await session.call_tool('slow', {}, read_timeout_seconds=120)\n"
        "+        await session.call_tool('x', {}, 1.5)\n",
        findings=["CLT004:5 safe", "CLT004:6 safe", "CLT004:7 safe"],
    ),
    case(
        " import datetime\n"
        " from mcp.client.session_group import StreamableHttpParameters\n"
        " \n"
        " LIMIT = datetime.timedelta(seconds=300)\n"
        " params = StreamableHttpParameters(\n"
        "     url='https://example.com/mcp',\n"
        "-    timeout=datetime.timedelta(seconds=n),\n"
        "-    sse_read_timeout=LIMIT,\n"
        "+    timeout=float(n),\n"
        "+    sse_read_timeout=LIMIT.total_seconds(),\n"
        " )\n",
        findings=["CLT004:7 safe", "CLT004:8 safe"],
    ),
    case(
        " from mcp import ClientSession\n"
        " \n"
        " def make(r, w, cfg):\n"
        "+    # mcp-migrate: CLT004 `read_timeout_seconds` takes float seconds in v2; pass `<timedelta>.total_seconds()` if this is a `timedelta` https://py.sdk.modelcontextprotocol.io/v2/migration/#timeouts-take-float-seconds-instead-of-timedelta\n"
        "     return ClientSession(r, w, read_timeout_seconds=cfg.timeout)\n",
        findings=["CLT004:4 manual"],
    ),
    # the guide's snippet does not import ClientSession
    case(
        " from datetime import timedelta\n"
        " \n"
        "-session = ClientSession(read_stream, write_stream, read_timeout_seconds=timedelta(seconds=30))\n"
        "+session = ClientSession(read_stream, write_stream, read_timeout_seconds=30)\n",
        findings=["CLT004:3 review"],
    ),
    # an override handing the timeout on to super(): v2's own helpers call it with seconds, so it takes float
    case(
        " from datetime import timedelta\n"
        " from mcp import ClientSession\n"
        " \n"
        " class Traced(ClientSession):\n"
        "-    async def send_request(self, request, result_type, request_read_timeout_seconds: timedelta | None = None):\n"
        "+    async def send_request(self, request, result_type, request_read_timeout_seconds: float | None = None):\n"
        "         return await super().send_request(\n"
        "             request, result_type, request_read_timeout_seconds=request_read_timeout_seconds)\n",
        findings=["CLT004:5 safe"],
    ),
    # ... spelled `Optional[timedelta]`: still optional
    case(
        " from datetime import timedelta\n"
        " from typing import Optional\n"
        " from mcp import ClientSession\n"
        " \n"
        " class Traced(ClientSession):\n"
        "-    async def call_tool(self, name, arguments=None, read_timeout_seconds: Optional[timedelta] = None):\n"
        "+    async def call_tool(self, name, arguments=None, read_timeout_seconds: float | None = None):\n"
        "         return await super().call_tool(name, arguments, read_timeout_seconds=read_timeout_seconds)\n",
        findings=["CLT004:6 safe"],
    ),
    # an override that does more with the timeout than hand it on: marked (v2 passes it seconds)
    case(
        " from datetime import timedelta\n"
        " from mcp import ClientSession\n"
        " \n"
        " class Patient(ClientSession):\n"
        "+    # mcp-migrate: CLT004 v2's `ClientSession` calls `call_tool()` with `read_timeout_seconds` in float seconds "
        "(its own helpers call this override): take `read_timeout_seconds: float | None` and treat it as seconds "
        "https://py.sdk.modelcontextprotocol.io/v2/migration/#timeouts-take-float-seconds-instead-of-timedelta\n"
        "     async def call_tool(self, name, arguments=None, read_timeout_seconds: timedelta | None = None):\n"
        "-        return await super().call_tool(name, arguments, read_timeout_seconds or timedelta(seconds=90))\n"
        "+        return await super().call_tool(name, arguments, (read_timeout_seconds or timedelta(seconds=90)).total_seconds())\n",
        findings=["CLT004:5 manual", "CLT004:6 safe"],
    ),
    # a conditional timedelta, and a parameter annotated `timedelta | None`
    case(
        " from datetime import timedelta\n"
        " from typing import Optional\n"
        " from mcp import ClientSession\n"
        " \n"
        " async def open_session(r, w, limit, timeout: timedelta | None, other: Optional[timedelta]):\n"
        "-    session = ClientSession(r, w, read_timeout_seconds=timedelta(minutes=limit) if limit else None)\n"
        "-    await session.call_tool('t', {}, read_timeout_seconds=timeout)\n"
        "-    await session.call_tool('t', {}, other)\n"
        "+    session = ClientSession(r, w, read_timeout_seconds=float(limit) * 60 if limit else None)\n"
        "+    await session.call_tool('t', {}, read_timeout_seconds=(timeout.total_seconds() if timeout is not None else None))\n"
        "+    await session.call_tool('t', {}, (other.total_seconds() if other is not None else None))\n",
        findings=["CLT004:6 safe", "CLT004:7 safe", "CLT004:8 safe"],
    ),
    # a local that a conditional leaves None: `.total_seconds()` only when it is set
    case(
        " from datetime import timedelta\n"
        " from mcp import ClientSession\n"
        " \n"
        " async def run(session: ClientSession, seconds: float | None):\n"
        "     timeout = timedelta(seconds=seconds) if seconds else None\n"
        "-    return await session.call_tool('t', {}, read_timeout_seconds=timeout)\n"
        "+    return await session.call_tool('t', {}, read_timeout_seconds=(timeout.total_seconds() if timeout is not None else None))\n",
        findings=["CLT004:6 safe"],
    ),
    # timeouts held in attributes: a dataclass field, one built in `__init__`, one that may be None
    case(
        " from dataclasses import dataclass\n"
        " from datetime import timedelta\n"
        " from mcp import ClientSession\n"
        " \n"
        " DEFAULT = timedelta(seconds=60)\n"
        " \n"
        " @dataclass\n"
        " class Config:\n"
        "     request_timeout: timedelta = timedelta(seconds=45)\n"
        "     call_timeout: timedelta | None = None\n"
        " \n"
        " class Runner:\n"
        "     def __init__(self, cfg: Config, limit: float, fallback: timedelta | None = None):\n"
        "         self.cfg = cfg\n"
        "         self.limit = timedelta(seconds=limit)\n"
        "         self.fallback = fallback or DEFAULT\n"
        " \n"
        "     async def run(self, r, w):\n"
        "-        async with ClientSession(r, w, read_timeout_seconds=self.cfg.request_timeout) as s:\n"
        "-            await s.call_tool('a', {}, read_timeout_seconds=self.limit)\n"
        "-            await s.call_tool('b', {}, read_timeout_seconds=self.fallback)\n"
        "-            await s.call_tool('c', {}, read_timeout_seconds=self.cfg.call_timeout)\n"
        "-            await s.call_tool('d', {}, read_timeout_seconds=self.cfg.call_timeout or DEFAULT)\n"
        "+        async with ClientSession(r, w, read_timeout_seconds=self.cfg.request_timeout.total_seconds()) as s:\n"
        "+            await s.call_tool('a', {}, read_timeout_seconds=self.limit.total_seconds())\n"
        "+            await s.call_tool('b', {}, read_timeout_seconds=self.fallback.total_seconds())\n"
        "+            await s.call_tool('c', {}, read_timeout_seconds=(self.cfg.call_timeout.total_seconds() "
        "if self.cfg.call_timeout is not None else None))\n"
        "+            await s.call_tool('d', {}, read_timeout_seconds=(self.cfg.call_timeout or DEFAULT).total_seconds())\n",
        findings=["CLT004:19 safe", "CLT004:20 safe", "CLT004:21 safe", "CLT004:22 safe", "CLT004:23 safe"],
    ),
    # a name that is None on one path; a parameter that may be a float (not all timedeltas)
    case(
        " from datetime import timedelta\n"
        " from mcp import ClientSession\n"
        " \n"
        " def make(r, w, limit: float | timedelta | None, flag: bool):\n"
        "     t = None\n"
        "     if flag:\n"
        "         t = timedelta(seconds=5)\n"
        "-    ClientSession(r, w, read_timeout_seconds=t)\n"
        "+    ClientSession(r, w, read_timeout_seconds=(t.total_seconds() if t is not None else None))\n"
        "+    # mcp-migrate: CLT004 `read_timeout_seconds` takes float seconds in v2; pass `<timedelta>.total_seconds()` if this is a `timedelta` https://py.sdk.modelcontextprotocol.io/v2/migration/#timeouts-take-float-seconds-instead-of-timedelta\n"
        "     return ClientSession(r, w, read_timeout_seconds=limit)\n",
        findings=["CLT004:8 safe", "CLT004:9 manual"],
    ),
    # `functools.partial` binding the session method: the timeout travels with the bound arguments
    case(
        " import functools\n"
        " from datetime import timedelta\n"
        " from functools import partial\n"
        " from mcp import ClientSession\n"
        " \n"
        " LIMIT = timedelta(seconds=5)\n"
        " \n"
        " def bind(session: ClientSession, name: str):\n"
        "-    a = functools.partial(session.call_tool, name, {}, read_timeout_seconds=LIMIT)\n"
        "-    b = partial(session.call_tool, name, {}, timedelta(minutes=1))\n"
        "+    a = functools.partial(session.call_tool, name, {}, read_timeout_seconds=LIMIT.total_seconds())\n"
        "+    b = partial(session.call_tool, name, {}, 60)\n"
        "     c = partial(print, name, read_timeout_seconds=LIMIT)\n"
        "     return a, b, c\n",
        findings=["CLT004:9 safe", "CLT004:10 safe"],
    ),
    # a `ClientSession` subclass forwarding its timedelta to `super().__init__`; an unrelated class does not
    case(
        " from datetime import timedelta\n"
        " from mcp import ClientSession\n"
        " \n"
        " class Upstream(ClientSession):\n"
        "     def __init__(self, r, w, read_timeout_seconds: timedelta | None = None, **kw):\n"
        "-        super().__init__(r, w, read_timeout_seconds, **kw)\n"
        "+        super().__init__(r, w, (read_timeout_seconds.total_seconds() if read_timeout_seconds is not None else None), **kw)\n"
        " \n"
        " class Other:\n"
        "     def __init__(self, r, w, t: timedelta):\n"
        "         super().__init__(r, w, t)\n",
        findings=["CLT004:6 safe"],
    ),
    # arithmetic on timedeltas stays a timedelta (`timeout * 2` in a retry loop, `a / 2`); `a / b` may
    # be a float and `a + b` a datetime: marked
    case(
        " from datetime import timedelta\n"
        " from mcp import ClientSession\n"
        " \n"
        " async def call(session: ClientSession, timeout: timedelta = timedelta(seconds=60)):\n"
        "     while True:\n"
        "         try:\n"
        "-            return await session.call_tool('t', {}, read_timeout_seconds=timeout)\n"
        "+            return await session.call_tool('t', {}, read_timeout_seconds=timeout.total_seconds())\n"
        "         except TimeoutError:\n"
        "             timeout = timeout * 2\n"
        " \n"
        " async def other(session: ClientSession, a: timedelta, b):\n"
        "-    await session.call_tool('x', {}, read_timeout_seconds=a / 2)\n"
        "+    await session.call_tool('x', {}, read_timeout_seconds=(a / 2).total_seconds())\n"
        "+    # mcp-migrate: CLT004 `read_timeout_seconds` takes float seconds in v2; pass `<timedelta>.total_seconds()` if this is a `timedelta` https://py.sdk.modelcontextprotocol.io/v2/migration/#timeouts-take-float-seconds-instead-of-timedelta\n"
        "     await session.call_tool('x', {}, read_timeout_seconds=a + b)\n",
        findings=["CLT004:7 safe", "CLT004:12 safe", "CLT004:13 manual"],
    ),
    # `ctx.session` of a lowlevel server's request context (v1 types it as `BaseSession`)
    case(
        " from datetime import timedelta\n"
        " import mcp.types as types\n"
        " from mcp.server.lowlevel import Server\n"
        " \n"
        " PING = timedelta(seconds=5)\n"
        " server = Server('s')\n"
        " \n"
        " async def ping():\n"
        "     ctx = server.request_context\n"
        "-    await ctx.session.send_request(types.ServerRequest(types.PingRequest()), types.EmptyResult, request_read_timeout_seconds=PING)\n"
        "+    await ctx.session.send_request(types.ServerRequest(types.PingRequest()), types.EmptyResult, request_read_timeout_seconds=PING.total_seconds())\n",
        findings=["CLT004:10 safe"],
    ),
    # a test's expectation of the timeout that reached a mocked session: the seconds (review)
    case(
        " from datetime import timedelta\n"
        " from mcp import ClientSession\n"
        " \n"
        " def test_timeouts(session):\n"
        "     _, kwargs = session.call_tool.call_args\n"
        "-    assert kwargs[\"read_timeout_seconds\"] == timedelta(minutes=1)\n"
        "-    assert session.send_request.await_args.kwargs[\"request_read_timeout_seconds\"].total_seconds() == 1.5\n"
        "+    assert kwargs[\"read_timeout_seconds\"] == 60\n"
        "+    assert session.send_request.await_args.kwargs[\"request_read_timeout_seconds\"] == 1.5\n"
        "     assert kwargs[\"timeout\"] == timedelta(seconds=3)\n",
        findings=["CLT004:6 review", "CLT004:7 review"],
    ),
    # the parameter models' timeout fields hold float seconds in v2: no `.total_seconds()` on them
    case(
        " from datetime import timedelta\n"
        " from mcp.client.session_group import StreamableHttpParameters\n"
        " \n"
        " def check():\n"
        '-    params = StreamableHttpParameters(url="https://x/mcp", sse_read_timeout=timedelta(minutes=5))\n'
        "-    return params.sse_read_timeout.total_seconds(), params.url\n"
        '+    params = StreamableHttpParameters(url="https://x/mcp", sse_read_timeout=300)\n'
        "+    return params.sse_read_timeout, params.url\n",
        findings=["CLT004:5 safe", "CLT004:6 safe"],
    ),
]

NOOP = [
    "from mcp import ClientSession\n\ns = ClientSession(r, w, read_timeout_seconds=30)\n",
    "from datetime import timedelta\nimport httpx\n\nhttpx.Client(timeout=timedelta(seconds=3))\n",
    "from datetime import timedelta\nfrom myproj import Pool\n\nPool(read_timeout_seconds=timedelta(seconds=3))\n",
    "from mcp import ClientSession\n\ns = ClientSession(r, w, read_timeout_seconds=None)\n",
    # an unannotated override parameter handed on: v2 passes it seconds, and they go on as they came
    "from mcp import ClientSession\n\n"
    "class Traced(ClientSession):\n"
    "    async def send_request(self, request, result_type, request_read_timeout_seconds=None, metadata=None):\n"
    "        return await super().send_request(request, result_type, request_read_timeout_seconds, metadata)\n",
]
