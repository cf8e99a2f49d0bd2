"""CLT002: `cursor` parameter removed from `ClientSession` list methods

Rule: engine/mcp_migrate/rules/clt002_list_cursor.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp import ClientSession\n"
        "+from mcp.types import PaginatedRequestParams\n"
        " \n"
        " async def all_tools(session: ClientSession):\n"
        "     cursor = None\n"
        "     while True:\n"
        "-        page = await session.list_tools(cursor=cursor)\n"
        "+        page = await session.list_tools(params=PaginatedRequestParams(cursor=cursor))\n"
        "         if page.nextCursor is None:\n"
        "             break\n"
        "         cursor = page.nextCursor\n"
        "-    await session.list_prompts(cursor)\n"
        "+    await session.list_prompts(params=PaginatedRequestParams(cursor=cursor))\n",
        findings=["CLT002:6 safe", "CLT002:10 safe"],
    ),
    case(
        "-result = await session.list_resources(cursor='next_page_token')\n"
        "+from mcp.types import PaginatedRequestParams\n"
        "+result = await session.list_resources(params=PaginatedRequestParams(cursor='next_page_token'))\n",
        findings=["CLT002:1 review"],
    ),
    # a test's expectations of what a mocked session's list method got follow the migrated call (review)
    case(
        " from unittest import mock\n"
        " from mcp import ClientSession\n"
        "+from mcp.types import PaginatedRequestParams\n"
        " \n"
        " def test_pages(session):\n"
        "-    assert session.list_tools.await_args_list == [mock.call(cursor=None), mock.call(cursor=\"p2\")]\n"
        "-    assert session.list_tools.await_args_list[1].kwargs == {\"cursor\": \"p2\"}\n"
        "-    session.list_prompts.assert_awaited_with(cursor=\"p3\")\n"
        "+    assert session.list_tools.await_args_list == [mock.call(params=PaginatedRequestParams(cursor=None)), "
        "mock.call(params=PaginatedRequestParams(cursor=\"p2\"))]\n"
        "+    assert session.list_tools.await_args_list[1].kwargs == {\"params\": PaginatedRequestParams(cursor=\"p2\")}\n"
        "+    session.list_prompts.assert_awaited_with(params=PaginatedRequestParams(cursor=\"p3\"))\n"
        "     assert session.other.await_args_list == [mock.call(cursor=None)]\n",
        findings=["CLT002:5 review", "CLT002:5 review", "CLT002:6 review", "CLT002:7 review"],
    ),
    # a session held in the server's lifespan state, typed through the context's type arguments
    case(
        " from dataclasses import dataclass\n"
        " from mcp import ClientSession\n"
        " from mcp.server.fastmcp import Context\n"
        " from mcp.server.session import ServerSession\n"
        "+from mcp.types import PaginatedRequestParams\n"
        " \n"
        " @dataclass\n"
        " class Upstream:\n"
        "     session: ClientSession\n"
        " \n"
        " async def relay(ctx: Context[ServerSession, Upstream], cursor: str | None):\n"
        "     upstream = ctx.request_context.lifespan_context\n"
        "-    return await upstream.session.list_tools(cursor=cursor)\n"
        "+    return await upstream.session.list_tools(params=PaginatedRequestParams(cursor=cursor))\n",
        findings=["CLT002:12 safe"],
    ),
]

NOOP = [
    "from fastmcp import Client\n\nasync def f(c: Client):\n    await c.list_tools(cursor='x')\n",
    "from mcp import ClientSession\n"
    "from mcp.types import PaginatedRequestParams\n"
    "\n"
    "async def f(s: ClientSession):\n"
    "    await s.list_tools(params=PaginatedRequestParams(cursor='x'))\n",
    "from mcp import ClientSession\n\nasync def f(s: ClientSession):\n    await s.list_tools()\n",
    "class Repo:\n    def list_tools(self, cursor=None):\n        pass\n\nRepo().list_tools(cursor='x')\n",
]
