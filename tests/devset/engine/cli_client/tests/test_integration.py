"""Drive the example server in-process with the real callbacks."""

import importlib.util
import unittest
from pathlib import Path

from mcp import types
from mcp.shared.memory import create_connected_server_and_client_session
from pydantic import AnyUrl

from mcpcli import FakeLLM, RootsProvider, make_sampling_callback

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "demo_server.py"


def load_demo():
    spec = importlib.util.spec_from_file_location("demo_server", EXAMPLE)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.mcp


class DemoServerTest(unittest.IsolatedAsyncioTestCase):
    async def test_sampling_roots_and_completion(self):
        llm = FakeLLM(reply="short summary")
        async with create_connected_server_and_client_session(
            load_demo(),
            sampling_callback=make_sampling_callback(llm),
            list_roots_callback=RootsProvider(["/tmp"]),
        ) as session:
            summary = await session.call_tool("summarize", {"text": "a long text"})
            self.assertFalse(summary.isError)
            self.assertEqual(summary.content[0].model_dump()["text"], "short summary")
            self.assertEqual(llm.calls[0].maxTokens, 50)

            roots = await session.call_tool("workspace", {})
            self.assertEqual(roots.structuredContent, {"result": ["file:///tmp"]})

            done = await session.complete(
                types.PromptReference(type="ref/prompt", name="review"), {"name": "language", "value": "py"}
            )
            self.assertEqual(done.completion.values, ["python"])

            read = await session.read_resource(AnyUrl("demo://users/42"))
            first = read.contents[0]
            assert isinstance(first, types.TextResourceContents)
            self.assertEqual(first.text, "user 42")
