import unittest
from unittest import mock

from mcp import types

from mcpcli import FakeLLM, RootsProvider, make_sampling_callback


def sampling_params(text: str, max_tokens: int = 100) -> types.CreateMessageRequestParams:
    return types.CreateMessageRequestParams(
        messages=[types.SamplingMessage(role="user", content=types.TextContent(type="text", text=text))],
        maxTokens=max_tokens,
    )


class SamplingTest(unittest.IsolatedAsyncioTestCase):
    async def test_returns_create_message_result(self):
        llm = FakeLLM(reply="echo: {prompt}")
        callback = make_sampling_callback(llm)
        result = await callback(mock.MagicMock(), sampling_params("hi there"))
        assert isinstance(result, types.CreateMessageResult)
        self.assertEqual(result.model, "fake-llm-1")
        self.assertEqual(result.stopReason, "endTurn")
        assert isinstance(result.content, types.TextContent)
        self.assertEqual(result.content.text, "echo: hi there")
        self.assertEqual(len(llm.calls), 1)

    async def test_truncates_to_max_tokens(self):
        callback = make_sampling_callback(FakeLLM(reply="x" * 100))
        result = await callback(mock.MagicMock(), sampling_params("q", max_tokens=2))
        assert isinstance(result, types.CreateMessageResult)
        assert isinstance(result.content, types.TextContent)
        self.assertEqual(result.content.text, "x" * 8)

    async def test_empty_messages_is_an_error(self):
        callback = make_sampling_callback(FakeLLM())
        params = types.CreateMessageRequestParams(messages=[], maxTokens=5)
        result = await callback(mock.MagicMock(), params)
        assert isinstance(result, types.ErrorData)
        self.assertEqual(result.code, types.INVALID_PARAMS)


class RootsTest(unittest.IsolatedAsyncioTestCase):
    async def test_roots_are_file_urls(self):
        provider = RootsProvider(["/tmp", "/var/log"])
        result = await provider(mock.MagicMock())
        uris = [str(r.uri) for r in result.roots]
        self.assertEqual(uris, ["file:///tmp", "file:///var/log"])
        self.assertEqual(result.roots[1].uri.path, "/var/log")
        self.assertEqual(result.roots[1].name, "log")
