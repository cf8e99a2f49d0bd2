import unittest

from mcp.types import PromptReference, ResourceTemplateReference, TextContent, TextResourceContents
from pydantic import AnyUrl

from agent_server.__main__ import configure, parse_args
from agent_server.server import mcp

from .support import FakeClient, agent_session


class ResourceAndPromptTests(unittest.IsolatedAsyncioTestCase):
    async def test_resources(self):
        async with agent_session(FakeClient()) as session:
            templates = (await session.list_resource_templates()).resourceTemplates
            index = await session.read_resource(AnyUrl("docs://index"))
            doc = await session.read_resource(AnyUrl("docs://sampling"))
        self.assertEqual([t.uriTemplate for t in templates], ["docs://{doc_id}"])
        first = index.contents[0]
        assert isinstance(first, TextResourceContents)
        self.assertEqual(first.mimeType, "application/json")
        self.assertIn('"mcp-intro"', first.text)
        self.assertEqual(str(doc.contents[0].uri), "docs://sampling")

    async def test_prompt_messages(self):
        async with agent_session(FakeClient()) as session:
            prompt = await session.get_prompt("research_brief", {"topic": "MCP"})
        roles = [m.role for m in prompt.messages]
        self.assertEqual(roles, ["user", "assistant", "user"])
        first = prompt.messages[0].content
        assert isinstance(first, TextContent)
        self.assertEqual(first.text, "I need a overview of MCP.")

    async def test_completions(self):
        async with agent_session(FakeClient()) as session:
            docs = await session.complete(
                ResourceTemplateReference(type="ref/resource", uri="docs://{doc_id}"), {"name": "doc_id", "value": "e"}
            )
            depth = await session.complete(PromptReference(type="ref/prompt", name="research_brief"), {"name": "depth", "value": "d"})
        self.assertEqual(docs.completion.values, ["elicitation"])
        self.assertFalse(docs.completion.hasMore)
        self.assertEqual(depth.completion.values, ["deep-dive"])


class CliTests(unittest.TestCase):
    def test_arguments_update_settings(self):
        original = (mcp.settings.host, mcp.settings.port, mcp.settings.stateless_http)
        try:
            configure(parse_args(["--transport", "streamable-http", "--host", "0.0.0.0", "--port", "9100", "--stateless"]))
            self.assertEqual((mcp.settings.host, mcp.settings.port), ("0.0.0.0", 9100))
            self.assertTrue(mcp.settings.stateless_http)
        finally:
            mcp.settings.host, mcp.settings.port, mcp.settings.stateless_http = original


if __name__ == "__main__":
    unittest.main()
