import anyio
from pydantic import AnyUrl

from mcp_testkit import (
    LogCollector,
    MessageRecorder,
    assert_snapshot,
    assert_tool_error,
    assert_tool_ok,
    connected_session,
    raises_mcp_error,
    text_of,
)
from mcp_testkit.servers import make_fastmcp


def test_echo_and_add():
    async def body():
        async with connected_session(make_fastmcp()) as session:
            result = assert_tool_ok(await session.call_tool("echo", {"text": "hi"}))
            assert text_of(result) == "hi"
            added = await session.call_tool("add", {"a": 2, "b": 3})
            assert added.structuredContent == {"result": 5}

    anyio.run(body)


def test_tool_errors_become_error_results():
    async def body():
        async with connected_session(make_fastmcp()) as session:
            refused = await session.call_tool("explode", {"kind": "tool"})
            assert_tool_error(refused, "refused by tool")
            protocol = await session.call_tool("explode", {"kind": "protocol"})
            assert_tool_error(protocol, "bad kind protocol")

    anyio.run(body)


def test_notifications_are_recorded():
    recorder = MessageRecorder()
    logs = LogCollector()

    async def body():
        async with connected_session(make_fastmcp(), message_handler=recorder, logging_callback=logs) as session:
            await session.call_tool("chatty", {"steps": 3}, progress_callback=None)

    anyio.run(body)
    assert logs.at("info") == ["step 0", "step 1", "step 2"]
    assert [p.data for p in recorder.log_messages] == ["step 0", "step 1", "step 2"]
    assert recorder.methods().count("notifications/message") == 3


def test_unknown_tool_and_resource():
    async def body():
        async with connected_session(make_fastmcp()) as session:
            unknown = await session.call_tool("nope", {})
            assert_tool_error(unknown, "Unknown tool")
            with raises_mcp_error(0, match="Unknown resource") as caught:
                await session.read_resource(AnyUrl("kit://missing"))
            assert caught.error is not None

    anyio.run(body)


def test_list_snapshots():
    async def body():
        async with connected_session(make_fastmcp()) as session:
            caps = session.get_server_capabilities()
            assert caps is not None and caps.tools is not None
            tools = {t.name: t for t in (await session.list_tools()).tools}
            assert_snapshot(
                tools["echo"],
                {
                    "name": "echo",
                    "description": "Echo the input.",
                    "inputSchema": {
                        "type": "object",
                        "properties": {"text": {"title": "Text", "type": "string"}},
                        "required": ["text"],
                        "title": "echoArguments",
                    },
                    "outputSchema": {
                        "type": "object",
                        "properties": {"result": {"title": "Result", "type": "string"}},
                        "required": ["result"],
                        "title": "echoOutput",
                    },
                },
            )
            prompt = await session.get_prompt("review", {"code": "x = 1"})
            assert_snapshot(
                prompt,
                {
                    "description": "",
                    "messages": [{"role": "user", "content": {"type": "text", "text": "Review this code:\nx = 1"}}],
                },
            )

    anyio.run(body)
