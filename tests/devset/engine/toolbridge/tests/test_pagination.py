import unittest
from unittest.mock import AsyncMock, call

from mcp.types import ListPromptsResult, ListResourcesResult, ListToolsResult, Prompt, Resource, Tool

from pydantic import AnyUrl

from toolbridge.pagination import PaginationError, collect_prompts, collect_resources, collect_tools


def _tool(name):
    return Tool(name=name, inputSchema={"type": "object"})


class PaginationTests(unittest.IsolatedAsyncioTestCase):
    async def test_tools_follow_next_cursor(self):
        session = AsyncMock()
        session.list_tools.side_effect = [
            ListToolsResult(tools=[_tool("a"), _tool("b")], nextCursor="page-2"),
            ListToolsResult(tools=[_tool("c")]),
        ]
        tools = await collect_tools(session)
        self.assertEqual([t.name for t in tools], ["a", "b", "c"])
        self.assertEqual(session.list_tools.await_args_list, [call(cursor=None), call(cursor="page-2")])

    async def test_runaway_cursor_is_an_error(self):
        session = AsyncMock()
        session.list_tools.return_value = ListToolsResult(tools=[], nextCursor="again")
        with self.assertRaises(PaginationError):
            await collect_tools(session, max_pages=3)

    async def test_resources_and_prompts(self):
        session = AsyncMock()
        session.list_resources.side_effect = [
            ListResourcesResult(resources=[Resource(name="r1", uri=AnyUrl("mem://1"))], nextCursor="x"),
            ListResourcesResult(resources=[Resource(name="r2", uri=AnyUrl("mem://2"))], nextCursor=""),
        ]
        session.list_prompts.return_value = ListPromptsResult(prompts=[Prompt(name="p")])
        resources = await collect_resources(session)
        self.assertEqual([str(r.uri) for r in resources], ["mem://1", "mem://2"])
        prompts = await collect_prompts(session)
        self.assertEqual([p.name for p in prompts], ["p"])
        session.list_prompts.assert_awaited_once_with(None)


if __name__ == "__main__":
    unittest.main()
