import unittest
from contextlib import asynccontextmanager
from datetime import timedelta
from unittest.mock import AsyncMock, patch

from mcp import ClientSession
from mcp.shared.exceptions import McpError
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.types import ErrorData

from toolbridge import BridgeError, GroupBridge, MCPToolAdapter, ServerSpec
from toolbridge.transports import StreamableHttpParameters

from .weather_server import server


@asynccontextmanager
async def bridged(**kwargs):
    async with create_connected_server_and_client_session(server._mcp_server) as session:
        adapter = MCPToolAdapter({"wx": session}, **kwargs)
        await adapter.refresh()
        yield adapter


class AdapterTests(unittest.IsolatedAsyncioTestCase):
    async def test_catalog_contents(self):
        async with bridged() as adapter:
            self.assertEqual(
                sorted(adapter.catalog.tools),
                ["wx.forecast", "wx.forget_city", "wx.radar", "wx.slow_report"],
            )
            self.assertIn("weather://stations", adapter.catalog.resources)
            self.assertIn("wx.briefing", adapter.catalog.prompts)
            forecast = adapter.catalog.tools["wx.forecast"]
            self.assertTrue(forecast.has_structured_output)
            self.assertEqual(forecast.tool.inputSchema["required"], ["city"])

    async def test_toolbox_runs_tools(self):
        async with bridged() as adapter:
            toolbox = await adapter.build_toolbox()
            output = await toolbox.run("wx.forecast", {"city": "Oslo", "days": 2})
            self.assertEqual(output.structured, {"city": "Oslo", "days": 2, "summary": "sunny"})
            radar = await toolbox.run("wx.radar", {"city": "Oslo"})
            self.assertEqual(radar.parts[0].media_type, "image/png")
            failed = await toolbox.run("wx.forget_city", {"city": "Rome"})
            self.assertTrue(failed.failed)
            self.assertIn("Rome is not watched", failed.text)

    async def test_read_only_filter(self):
        async with bridged() as adapter:
            toolbox = await adapter.build_toolbox(read_only=True)
            self.assertEqual(sorted(t.name for t in toolbox), ["wx.forecast", "wx.radar"])

    async def test_progress_is_forwarded(self):
        seen = []

        async def listener(name, progress, total, message):
            seen.append((name, progress, total, message))

        async with bridged(on_progress=listener, timeout=timedelta(seconds=10)) as adapter:
            output = await adapter.call("wx.slow_report", {"city": "Oslo"})
        self.assertEqual(output.text, "report for Oslo")
        self.assertEqual([s[1] for s in seen], [1, 2, 3])
        self.assertEqual(seen[-1][3], "Oslo: step 3")

    async def test_resource_and_prompt(self):
        async with bridged() as adapter:
            parts = await adapter.read_resource("weather://stations")
            self.assertEqual(parts[0].text, '["OSL", "BGO"]')
            self.assertEqual(parts[0].media_type, "application/json")
            text = await adapter.prompt_text("wx.briefing", {"city": "Bergen"})
            self.assertEqual(text, "user: Write a weather briefing for Bergen.")

    async def test_timeouts_are_retried_then_reported(self):
        timeout = McpError(ErrorData(code=408, message="Timed out while waiting for response"))
        async with bridged(retry_timeouts=2) as adapter:
            with patch.object(ClientSession, "call_tool", new=AsyncMock(side_effect=timeout)) as mocked:
                with self.assertRaises(BridgeError) as raised:
                    await adapter.call("wx.forecast", {"city": "Oslo"})
            self.assertEqual(mocked.await_count, 3)
            self.assertEqual(raised.exception.code, 408)
            assert mocked.await_args is not None
            kwargs = mocked.await_args.kwargs
            self.assertEqual(kwargs["read_timeout_seconds"], timedelta(seconds=60))


class GroupBridgeTests(unittest.IsolatedAsyncioTestCase):
    def test_spec_builds_streamable_parameters(self):
        spec = ServerSpec(name="docs", url="https://mcp.example.com/mcp", timeout=timedelta(seconds=12))
        params = spec.to_parameters()
        assert isinstance(params, StreamableHttpParameters)
        self.assertEqual(params.timeout, timedelta(seconds=12))
        self.assertEqual(params.sse_read_timeout.total_seconds(), 300)
        self.assertEqual(spec.session_parameters().read_timeout_seconds, timedelta(seconds=12))

    async def test_invoke_uses_group(self):
        bridge = GroupBridge([], call_timeout=timedelta(seconds=5))
        with patch("mcp.client.session_group.ClientSessionGroup.call_tool", new_callable=AsyncMock) as call_tool:
            from mcp.types import CallToolResult, TextContent

            call_tool.return_value = CallToolResult(content=[TextContent(type="text", text="ok")])
            output = await bridge.invoke("docs.search", {"q": "x"})
        self.assertEqual(output.text, "ok")
        call_tool.assert_awaited_once_with("docs.search", args={"q": "x"}, read_timeout_seconds=timedelta(seconds=5))


if __name__ == "__main__":
    unittest.main()
