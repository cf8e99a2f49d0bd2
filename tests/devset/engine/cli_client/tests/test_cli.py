import io
import unittest
from contextlib import asynccontextmanager
from unittest import mock

from mcp import McpError, types
from pydantic import AnyUrl

from mcpcli import render
from mcpcli.cli import amain, build_parser, list_all_tools, run_command


def tool(name: str, **schema) -> types.Tool:
    return types.Tool(name=name, description=f"{name} tool", inputSchema={"type": "object", **schema})


def fake_session() -> mock.AsyncMock:
    session = mock.AsyncMock()
    session.initialize.return_value = types.InitializeResult(
        protocolVersion="2025-06-18",
        capabilities=types.ServerCapabilities(tools=types.ToolsCapability(listChanged=True)),
        serverInfo=types.Implementation(name="fake", version="1.0"),
    )
    return session


class CommandTest(unittest.IsolatedAsyncioTestCase):
    async def run_cli(self, session, *argv: str) -> tuple[int, str]:
        out = io.StringIO()
        args = build_parser().parse_args(["--server", "fake", *argv])
        code = await run_command(args, session, out)
        return code, out.getvalue()

    async def test_tools_follow_next_cursor(self):
        session = fake_session()
        session.list_tools.side_effect = [
            types.ListToolsResult(tools=[tool("a")], nextCursor="page-2"),
            types.ListToolsResult(tools=[tool("b", properties={"x": {"type": "integer"}}, required=["x"])]),
        ]
        tools = await list_all_tools(session)
        self.assertEqual([t.name for t in tools], ["a", "b"])
        self.assertEqual(session.list_tools.await_args_list[1], mock.call(cursor="page-2"))

    async def test_info_prints_server_info(self):
        code, text = await self.run_cli(fake_session(), "info")
        self.assertEqual(code, 0)
        self.assertIn("server: fake 1.0", text)
        self.assertIn("protocol: 2025-06-18 (client prefers", text)
        self.assertIn("capabilities: tools", text)

    async def test_call_error_sets_exit_code(self):
        session = fake_session()
        session.call_tool.return_value = types.CallToolResult(
            content=[types.TextContent(type="text", text="boom")], isError=True
        )
        code, text = await self.run_cli(session, "call", "explode", "{}")
        self.assertEqual(code, 1)
        self.assertEqual(text, "boom\n")

    async def test_call_json_output_is_camel_case(self):
        session = fake_session()
        session.call_tool.return_value = types.CallToolResult(
            content=[types.TextContent(type="text", text="3")], structuredContent={"result": 3}
        )
        code, text = await self.run_cli(session, "--json", "call", "add", '{"a": 1, "b": 2}')
        self.assertEqual(code, 0)
        self.assertIn('"structuredContent"', text)
        self.assertIn('"isError": false', text)

    async def test_read_and_subscribe_use_anyurl(self):
        session = fake_session()
        session.read_resource.return_value = types.ReadResourceResult(
            contents=[types.TextResourceContents(uri=AnyUrl("demo://greeting"), text="hello", mimeType="text/plain")]
        )
        _, text = await self.run_cli(session, "read", "demo://greeting")
        self.assertIn("--- demo://greeting (text/plain)\nhello", text)
        await self.run_cli(session, "subscribe", "demo://greeting")
        session.subscribe_resource.assert_awaited_once_with(AnyUrl("demo://greeting"))

    async def test_complete_prompt_argument(self):
        session = fake_session()
        session.complete.return_value = types.CompleteResult(
            completion=types.Completion(values=["python", "perl"], total=7, hasMore=True)
        )
        _, text = await self.run_cli(session, "complete", "--prompt", "review", "language", "p")
        ref, argument = session.complete.await_args.args
        self.assertIsInstance(ref, types.PromptReference)
        self.assertEqual(argument, {"name": "language", "value": "p"})
        self.assertEqual(text, "python\nperl\n... 7 total\n")

    async def test_ping_and_log_level(self):
        session = fake_session()
        _, text = await self.run_cli(session, "ping")
        self.assertEqual(text, "pong\n")
        await self.run_cli(session, "log-level", "warning")
        session.set_logging_level.assert_awaited_once_with("warning")


class ErrorHandlingTest(unittest.IsolatedAsyncioTestCase):
    async def test_mcp_error_is_reported(self):
        session = fake_session()
        session.call_tool.side_effect = McpError(
            types.ErrorData(code=types.INVALID_PARAMS, message="Unknown tool: nope", data={"tool": "nope"})
        )

        @asynccontextmanager
        async def fake_open(*args, **kwargs):
            yield session

        args = build_parser().parse_args(["--server", "fake", "call", "nope"])
        stderr = io.StringIO()
        with mock.patch("mcpcli.cli.open_session", fake_open), mock.patch("sys.stderr", stderr):
            code = await amain(args, io.StringIO())
        self.assertEqual(code, 2)
        self.assertIn(f"error {types.INVALID_PARAMS}: Unknown tool: nope", stderr.getvalue())


class RenderTest(unittest.TestCase):
    def test_render_tool_marks_optional(self):
        out = io.StringIO()
        t = tool("search", properties={"q": {"type": "string"}, "limit": {"type": "integer"}}, required=["q"])
        t.outputSchema = {"type": "object"}
        render.render_tool(t, out)
        self.assertEqual(out.getvalue().splitlines()[0], "search(q: string, limit?: integer) -> structured")

    def test_render_template(self):
        out = io.StringIO()
        template = types.ResourceTemplate(name="user", uriTemplate="demo://users/{id}", mimeType="text/plain")
        render.render_resource(template, out)
        self.assertEqual(out.getvalue(), "demo://users/{id}  [template] text/plain\n")
