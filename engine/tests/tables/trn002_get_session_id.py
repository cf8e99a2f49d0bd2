"""TRN002: `get_session_id` callback removed from `streamable_http_client`

Rule: engine/mcp_migrate/rules/trn002_get_session_id.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.client.streamable_http import streamable_http_client\n"
        " \n"
        " async def f():\n"
        "-    async with streamable_http_client(url) as (read, write, _):\n"
        "+    async with streamable_http_client(url) as (read, write):\n"
        "         pass\n",
        findings=["TRN002:4 safe"],
    ),
    case(
        " from mcp.client.streamable_http import streamable_http_client\n"
        " \n"
        " async def f(stack):\n"
        "-    r, w, get_id = await stack.enter_async_context(streamable_http_client(url))\n"
        "+    r, w = await stack.enter_async_context(streamable_http_client(url))\n",
        findings=["TRN002:4 safe"],
    ),
    case(
        " from mcp.client.streamable_http import streamable_http_client\n"
        " \n"
        " async def f():\n"
        '+    # mcp-migrate: TRN002 `streamable_http_client` yields `(read, write)`: the `get_session_id` callback is gone; capture the `mcp-session-id` response header with an `httpx2.AsyncClient(event_hooks={"response": [hook]})` passed as `http_client=` https://py.sdk.modelcontextprotocol.io/v2/migration/#get_session_id-callback-removed-from-streamable_http_client\n'
        "     async with streamable_http_client(url) as (read, write, get_session_id):\n"
        "         sid = get_session_id()\n",
        findings=["TRN002:4 manual"],
    ),
    # the removed alias, spelled out as v1 defined it
    case(
        " from typing import Callable\n"
        "-from mcp.client.streamable_http import GetSessionIdCallback, streamable_http_client\n"
        "+from mcp.client.streamable_http import streamable_http_client\n"
        "+from typing import Optional\n"
        " \n"
        "-def remember(callback: GetSessionIdCallback | None) -> None:\n"
        "+def remember(callback: Callable[[], Optional[str]] | None) -> None:\n"
        "     print(callback)\n",
        findings=["TRN002:2 safe"],
    ),
    # the yielded tuple unpacked after `as streams:`
    case(
        " from mcp.client.streamable_http import streamablehttp_client\n"
        " \n"
        " async def main(url, stack):\n"
        "     async with streamablehttp_client(url) as streams:\n"
        "-        read, write, _ = streams\n"
        "+        read, write = streams\n"
        "     entered = await stack.enter_async_context(streamablehttp_client(url))\n"
        "-    r, w, _unused = entered\n"
        "+    r, w = entered\n",
        findings=["TRN002:5 safe", "TRN002:7 safe"],
    ),
    # entered through a name every branch binds to a client
    case(
        " from mcp.client.streamable_http import streamable_http_client\n"
        " \n"
        " async def f(stack, url, h):\n"
        "     if h:\n"
        "         cm = streamable_http_client(url)\n"
        "     else:\n"
        "         cm = streamable_http_client(h)\n"
        "-    r, w, _ = await stack.enter_async_context(cm)\n"
        "+    r, w = await stack.enter_async_context(cm)\n",
        findings=["TRN002:8 safe"],
    ),
    # a name bound to a client, opened by `async with`
    case(
        " from mcp.client.streamable_http import streamable_http_client\n"
        " \n"
        " \n"
        " async def main(url):\n"
        "     cm = streamable_http_client(url)\n"
        "-    async with cm as (read, write, _):\n"
        "+    async with cm as (read, write):\n"
        "         pass\n",
        findings=["TRN002:6 safe"],
    ),
]

NOOP = [
    # a name bound to something else on one path: not known to be the client
    "from mcp.client.streamable_http import streamable_http_client\n"
    "async def f(stack, url, other):\n"
    "    cm = streamable_http_client(url) if url else other\n"
    "    r, w, _ = await stack.enter_async_context(cm)\n",
    # a used callback of a call that builds its own client: TRN001 reports (and keeps) it with the client
    "from mcp.client.streamable_http import streamablehttp_client\n"
    "async def main(url):\n"
    "    async with streamablehttp_client(url, headers={}) as (r, w, get_id):\n"
    "        print(get_id())\n",
    "from mcp.client.streamable_http import streamable_http_client\n"
    "\n"
    "async def f():\n"
    "    async with streamable_http_client(url) as (read, write):\n"
    "        pass\n",
    "from mcp.client.sse import sse_client\n"
    "\n"
    "async def f():\n"
    "    async with sse_client(u) as (a, b, c):\n"
    "        pass\n",
]
