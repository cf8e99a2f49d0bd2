"""TRN001: `streamablehttp_client` removed

Rule: engine/mcp_migrate/rules/trn001_streamablehttp_client.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case


# v1's own function, which a call no `async with` of the file opens is given (`client` names v2's)
def v1_function(client="streamable_http_client"):
    return (
        '+@asynccontextmanager\n'
        '+async def streamablehttp_client_v1(\n'
        '+    url: str,\n'
        '+    headers: dict[str, str] | None = None,\n'
        '+    timeout: float | timedelta = 30,\n'
        '+    sse_read_timeout: float | timedelta = 300,\n'
        '+    terminate_on_close: bool = True,\n'
        '+    *,\n'
        '+    auth: httpx2.Auth | None = None,\n'
        '+):\n'
        '+    """v1\'s `streamablehttp_client()`: v2\'s `streamable_http_client()` takes an `http_client=`, built here\n'
        '+    from these arguments the way v1 built it."""\n'
        '+    if isinstance(timeout, timedelta):\n'
        '+        timeout = timeout.total_seconds()\n'
        '+    if isinstance(sse_read_timeout, timedelta):\n'
        '+        sse_read_timeout = sse_read_timeout.total_seconds()\n'
        '+    async with httpx2.AsyncClient(\n'
        '+        headers=headers, timeout=httpx2.Timeout(timeout, read=sse_read_timeout), auth=auth, follow_redirects=True\n'
        '+    ) as http_client:\n'
        '+        async with streamable_http_client(\n'
        '+            url, http_client=http_client, terminate_on_close=terminate_on_close\n'
        '+        ) as streams:\n'
        '+            yield streams\n'
    ).replace("streamable_http_client(\n", client + "(\n")


CASES = [
    case(
        "-from mcp.client.streamable_http import streamablehttp_client\n"
        "+from mcp.client.streamable_http import streamable_http_client\n"
        " \n"
        "-async with streamablehttp_client('http://x/mcp') as (r, w, _):\n"
        "+async with streamable_http_client('http://x/mcp') as (r, w, _):\n"
        "     pass\n",
        findings=["TRN001:1 safe"],
    ),
    # the settings go to the client v1 built inside, opened and closed with the block
    case(
        "-from mcp.client.streamable_http import streamablehttp_client\n"
        "+from mcp.client.streamable_http import streamable_http_client\n"
        "+import httpx2\n"
        " \n"
        "-async with streamablehttp_client(\n"
        "-    url=u,\n"
        "-    headers={'A': 'b'},\n"
        "-    timeout=30,\n"
        "+async with httpx2.AsyncClient(headers={'A': 'b'}, timeout=httpx2.Timeout(30, read=300), "
        "follow_redirects=True) as http_client, streamable_http_client(\n"
        "+    url=u, http_client=http_client,\n"
        " ) as (r, w, g):\n"
        "     pass\n",
        findings=["TRN001:1 safe", "TRN001:3 safe"],
    ),
    # a timeout held in a name may be a `timedelta`, which `httpx2.Timeout` does not take: review
    case(
        "-from mcp.client.streamable_http import streamablehttp_client\n"
        "+from mcp.client.streamable_http import streamable_http_client\n"
        "+import httpx2\n"
        " \n"
        " async def main(url, limit):\n"
        "-    async with streamablehttp_client(url, timeout=limit) as (r, w, _):\n"
        "+    async with httpx2.AsyncClient(timeout=httpx2.Timeout(limit, read=300), "
        "follow_redirects=True) as http_client, streamable_http_client(url, http_client=http_client) as (r, w, _):\n"
        "         pass\n",
        findings=["TRN001:1 safe", "TRN001:4 review"],
    ),
    # a client factory is called the way v1 called it
    case(
        "-from mcp.client.streamable_http import streamablehttp_client\n"
        "+from mcp.client.streamable_http import streamable_http_client\n"
        "+import httpx2\n"
        " \n"
        " async def main(url, token, make_client, auth):\n"
        "-    async with streamablehttp_client(url, sse_read_timeout=60, auth=auth, httpx_client_factory=make_client,\n"
        "-                                     terminate_on_close=False) as (r, w, _):\n"
        "+    async with make_client(timeout=httpx2.Timeout(30, read=60), auth=auth) as http_client, "
        "streamable_http_client(url, terminate_on_close=False, http_client=http_client) as (r, w, _):\n"
        "         pass\n",
        findings=["TRN001:1 safe", "TRN001:4 review"],
    ),
    # v1's positional headers and timeout
    case(
        "-from mcp.client.streamable_http import streamablehttp_client\n"
        "+from mcp.client.streamable_http import streamable_http_client\n"
        "+import httpx2\n"
        " \n"
        " async def main(url, headers):\n"
        "-    async with streamablehttp_client(url, headers, 10) as (r, w, _):\n"
        "+    async with httpx2.AsyncClient(headers=headers, timeout=httpx2.Timeout(10, read=300), "
        "follow_redirects=True) as http_client, streamable_http_client(url, http_client=http_client) as (r, w, _):\n"
        "         pass\n",
        findings=["TRN001:1 safe", "TRN001:4 safe"],
    ),
    # the third target is used: the guide's response hook keeps `get_session_id` working (review)
    case(
        "-from mcp.client.streamable_http import streamablehttp_client\n"
        "+from mcp.client.streamable_http import streamable_http_client\n"
        "+import httpx2\n"
        " \n"
        " async def main(url):\n"
        "-    async with streamablehttp_client(url, headers={}) as (r, w, get_id):\n"
        "+    session_ids: list[str] = []\n"
        "+\n"
        "+    async def capture_session_id(response: httpx2.Response) -> None:\n"
        '+        if "mcp-session-id" in response.headers:\n'
        '+            session_ids.append(response.headers["mcp-session-id"])\n'
        "+\n"
        "+    def get_id() -> str | None:\n"
        "+        return session_ids[-1] if session_ids else None\n"
        "+\n"
        "+    async with httpx2.AsyncClient(headers={}, timeout=httpx2.Timeout(30, read=300), "
        'event_hooks={"response": [capture_session_id]}, follow_redirects=True) as http_client, '
        "streamable_http_client(url, http_client=http_client) as (r, w):\n"
        "         print(get_id())\n",
        findings=["TRN001:1 safe", "TRN001:4 review"],
    ),
    # ... on an exit stack, the name also declared before: it is assigned a function of another name
    case(
        " from typing import Callable\n"
        "-from mcp.client.streamable_http import streamablehttp_client\n"
        "+from mcp.client.streamable_http import streamable_http_client\n"
        "+import httpx2\n"
        " \n"
        " async def open_streams(stack, url):\n"
        "     get_id: Callable[[], str | None] | None = None\n"
        "-    r, w, get_id = await stack.enter_async_context(streamablehttp_client(url, timeout=10))\n"
        "+    session_ids: list[str] = []\n"
        "+\n"
        "+    async def capture_session_id(response: httpx2.Response) -> None:\n"
        '+        if "mcp-session-id" in response.headers:\n'
        '+            session_ids.append(response.headers["mcp-session-id"])\n'
        "+\n"
        "+    def last_session_id() -> str | None:\n"
        "+        return session_ids[-1] if session_ids else None\n"
        "+\n"
        "+    get_id = last_session_id\n"
        "+    http_client = await stack.enter_async_context(httpx2.AsyncClient(timeout=httpx2.Timeout(10, read=300), "
        'event_hooks={"response": [capture_session_id]}, follow_redirects=True))\n'
        "+    r, w = await stack.enter_async_context(streamable_http_client(url, http_client=http_client))\n"
        "     return r, w, get_id\n",
        findings=["TRN001:2 safe", "TRN001:6 review"],
    ),
    # ... through a factory, which takes v1's three arguments only: the hook joins the client it builds
    case(
        "-from mcp.client.streamable_http import streamablehttp_client\n"
        "+from mcp.client.streamable_http import streamable_http_client\n"
        "+import httpx2\n"
        " \n"
        " async def main(url, make):\n"
        "-    async with streamablehttp_client(url, httpx_client_factory=make) as (r, w, get_id):\n"
        "+    session_ids: list[str] = []\n"
        "+\n"
        "+    async def capture_session_id(response: httpx2.Response) -> None:\n"
        '+        if "mcp-session-id" in response.headers:\n'
        '+            session_ids.append(response.headers["mcp-session-id"])\n'
        "+\n"
        "+    def get_id() -> str | None:\n"
        "+        return session_ids[-1] if session_ids else None\n"
        "+\n"
        "+    http_client = make(timeout=httpx2.Timeout(30, read=300))\n"
        '+    http_client.event_hooks["response"].append(capture_session_id)\n'
        "+    async with http_client, streamable_http_client(url, http_client=http_client) as (r, w):\n"
        "         print(get_id())\n",
        findings=["TRN001:1 safe", "TRN001:4 review"],
    ),
    # entered on an exit stack: the client is entered on the same stack first; a timedelta timeout
    # becomes seconds as v1 did
    case(
        " from datetime import timedelta\n"
        "-from mcp.client.streamable_http import streamablehttp_client\n"
        "+from mcp.client.streamable_http import streamable_http_client\n"
        "+import httpx2\n"
        " \n"
        " async def main(url, stack, cfg):\n"
        "-    streams = await stack.enter_async_context(streamablehttp_client(url, headers={}))\n"
        "-    async with streamablehttp_client(url, timeout=timedelta(seconds=5)) as (r, w, _):\n"
        "+    http_client = await stack.enter_async_context(httpx2.AsyncClient(headers={}, "
        "timeout=httpx2.Timeout(30, read=300), follow_redirects=True))\n"
        "+    streams = await stack.enter_async_context(streamable_http_client(url, http_client=http_client))\n"
        "+    async with httpx2.AsyncClient(timeout=httpx2.Timeout(5, read=300), follow_redirects=True) as http_client, "
        "streamable_http_client(url, http_client=http_client) as (r, w, _):\n"
        "         pass\n",
        findings=["TRN001:2 safe", "TRN001:5 safe", "TRN001:6 safe"],
    ),
    # bound to a name in each branch and entered later on a stack: each branch enters its client on
    # that stack first; a stack bound after the assignment is not there yet: v1's function, defined in
    # the file over v2's client, opens it
    case(
        '-from mcp.client.streamable_http import streamablehttp_client\n'
        '+from mcp.client.streamable_http import streamable_http_client\n'
        '+import httpx2\n'
        '+from contextlib import asynccontextmanager\n'
        '+from datetime import timedelta\n'
        '+\n'
        '+\n' + v1_function() + '+\n'
        ' \n'
        ' class Conn:\n'
        '     async def connect(self, url, headers):\n'
        '         if headers:\n'
        '-            cm = streamablehttp_client(url, headers=headers, timeout=10)\n'
        '+            http_client = await self.stack.enter_async_context(httpx2.AsyncClient(headers=headers, timeout=httpx2.Timeout(10, read=300), follow_redirects=True))\n'
        '+            cm = streamable_http_client(url, http_client=http_client)\n'
        '         else:\n'
        '-            cm = streamablehttp_client(url)\n'
        '+            cm = streamable_http_client(url)\n'
        '         self.streams = await self.stack.enter_async_context(cm)\n'
        ' \n'
        ' async def later(url):\n'
        '-    cm = streamablehttp_client(url, headers={})\n'
        '+    cm = streamablehttp_client_v1(url, headers={})\n'
        '     async with AsyncExitStack() as stack:\n'
        '         streams = await stack.enter_async_context(cm)\n',
        findings=['TRN001:1 safe', 'TRN001:6 safe', 'TRN001:12 safe'],
    ),
    # not a `with` item or an exit stack entry: v1's function, defined in the file over v2's client
    case(
        '-from mcp.client.streamable_http import streamablehttp_client\n'
        '+from mcp.client.streamable_http import streamable_http_client\n'
        '+from contextlib import asynccontextmanager\n'
        '+from datetime import timedelta\n'
        '+import httpx2\n'
        '+\n'
        '+\n' + v1_function() + '+\n'
        ' \n'
        ' def make(url):\n'
        '-    return streamablehttp_client(url, headers={})\n'
        '+    return streamablehttp_client_v1(url, headers={})\n',
        findings=['TRN001:1 safe', 'TRN001:4 safe'],
    ),
    # a factory for code that opens it later (strands' `MCPClient`)
    case(
        '-from mcp.client.streamable_http import streamablehttp_client\n'
        '+from mcp.client.streamable_http import streamable_http_client\n'
        ' from strands.tools.mcp import MCPClient\n'
        '+from contextlib import asynccontextmanager\n'
        '+from datetime import timedelta\n'
        '+import httpx2\n'
        ' \n'
        ' \n'
        "-client = MCPClient(lambda: streamablehttp_client(URL, headers={'Authorization': TOKEN}))\n"
        + v1_function()
        + '+\n'
        '+\n'
        "+client = MCPClient(lambda: streamablehttp_client_v1(URL, headers={'Authorization': TOKEN}))\n",
        findings=['TRN001:1 safe', 'TRN001:5 safe'],
    ),
    # through the module, positional arguments
    case(
        ' import mcp.client.streamable_http as sh\n'
        '+from contextlib import asynccontextmanager\n'
        '+from datetime import timedelta\n'
        '+import httpx2\n'
        '+\n'
        '+\n' + v1_function('sh.streamable_http_client') + ' \n'
        ' \n'
        ' def make(url, t):\n'
        '-    return sh.streamablehttp_client(url, None, t, terminate_on_close=False)\n'
        '+    return streamablehttp_client_v1(url, None, t, terminate_on_close=False)\n',
        findings=['TRN001:5 safe', 'TRN001:5 safe'],
    ),
    # imported in the function, out of reach of a module-level definition: marked
    case(
        ' def make(url, factory):\n'
        '-    from mcp.client.streamable_http import streamablehttp_client\n'
        '+    from mcp.client.streamable_http import streamable_http_client\n'
        ' \n'
        '-    return streamablehttp_client(url, headers={})\n'
        '+    # mcp-migrate: TRN001 `streamable_http_client()` takes only `url`, `http_client=`, `terminate_on_close=`: for `headers=` build an `httpx2.AsyncClient(headers=..., timeout=httpx2.Timeout(30, read=300), auth=..., follow_redirects=True)`, pass it as `http_client=` and close it (`async with http_client:`) https://py.sdk.modelcontextprotocol.io/v2/migration/#streamablehttp_client-removed\n'
        '+    return streamable_http_client(url, headers={})\n',
        findings=['TRN001:2 safe', 'TRN001:4 manual'],
    ),
    # a client factory v1 called with v1's httpx: marked
    case(
        '-from mcp.client.streamable_http import streamablehttp_client\n'
        '+from mcp.client.streamable_http import streamable_http_client\n'
        ' \n'
        ' \n'
        ' def make(url, factory):\n'
        '-    return streamablehttp_client(url, headers={}, httpx_client_factory=factory)\n'
        '+    # mcp-migrate: TRN001 `streamable_http_client()` takes only `url`, `http_client=`, `terminate_on_close=`: for `headers=`, `httpx_client_factory=` build an `httpx2.AsyncClient(headers=..., timeout=httpx2.Timeout(30, read=300), auth=..., follow_redirects=True)`, pass it as `http_client=` and close it (`async with http_client:`) https://py.sdk.modelcontextprotocol.io/v2/migration/#streamablehttp_client-removed\n'
        '+    return streamable_http_client(url, headers={}, httpx_client_factory=factory)\n',
        findings=['TRN001:1 safe', 'TRN001:5 manual'],
    ),
    case(
        " import mcp.client.streamable_http as sh\n"
        "-cm = sh.streamablehttp_client(u)\n"
        "+cm = sh.streamable_http_client(u)\n",
        findings=["TRN001:2 safe"],
    ),
    # the new name imported already: the old one goes (the whole engine's fixed point over this row
    # also covers PKG101, which must not mark the httpx2 client built here on a second run)
    case(
        " import httpx\n"
        "-from mcp.client.streamable_http import streamable_http_client, streamablehttp_client\n"
        "+from mcp.client.streamable_http import streamable_http_client\n"
        "+import httpx2\n"
        " \n"
        " \n"
        " async def main(url):\n"
        "     async with streamable_http_client(url, http_client=httpx.AsyncClient()) as (read, write):\n"
        "         pass\n"
        "-    async with streamablehttp_client(url, headers={\"a\": \"b\"}) as (read, write, _):\n"
        "+    async with httpx2.AsyncClient(headers={\"a\": \"b\"}, timeout=httpx2.Timeout(30, read=300), follow_redirects=True) as http_client, streamable_http_client(url, http_client=http_client) as (read, write, _):\n"
        "         pass\n",
        findings=["TRN001:2 safe", "TRN001:8 safe"],
    ),
]

NOOP = [
    "from mcp.client.streamable_http import streamable_http_client\ncm = streamable_http_client(u)\n",
    "def streamablehttp_client(u):\n    pass\n\nstreamablehttp_client(u, headers={})\n",
]
