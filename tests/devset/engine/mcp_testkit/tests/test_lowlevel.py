import anyio
import mcp.types as types
from pydantic import AnyUrl

from mcp_testkit import MessageRecorder, RawHarness, assert_tool_error, connected_session, parse_wire, text_of
from mcp_testkit.servers import LOWLEVEL_NOTIFICATIONS, make_lowlevel


def test_counter_tool_and_logs():
    recorder = MessageRecorder()

    async def body():
        async with connected_session(make_lowlevel(), message_handler=recorder) as session:
            first = await session.call_tool("count", {"key": "a"})
            second = await session.call_tool("count", {"key": "a"})
            assert (text_of(first), text_of(second)) == ("1", "2")

    anyio.run(body)
    assert [m.data for m in recorder.log_messages] == [{"key": "a", "value": 1}, {"key": "a", "value": 2}]


def test_exceptions_and_input_validation():
    async def body():
        async with connected_session(make_lowlevel()) as session:
            failed = await session.call_tool("fail", {})
            assert_tool_error(failed, "lowlevel failure")
            invalid = await session.call_tool("count", {})
            assert_tool_error(invalid, "'key' is a required property")

    anyio.run(body)


def test_resources_use_urls():
    async def body():
        async with connected_session(make_lowlevel()) as session:
            listing = await session.list_resources()
            uri = listing.resources[0].uri
            assert uri.scheme == "kit" and uri.host == "counters"
            await session.call_tool("count", {"key": "z"})
            contents = (await session.read_resource(uri)).contents[0]
            assert isinstance(contents, types.TextResourceContents)
            assert contents.text == "[('z', 1)]"
            assert contents.mimeType == "text/plain"

    anyio.run(body)


def test_server_info_and_ping_through_raw_harness():
    harness = RawHarness(make_lowlevel(version="9.9.9"))

    async def body():
        async with harness.session() as session:
            pong = await session.send_request(types.ClientRequest(types.PingRequest()), types.EmptyResult)
            assert isinstance(pong, types.EmptyResult)
            assert harness.pending_outbound() == 0
            await session.send_notification(types.ClientNotification(types.RootsListChangedNotification()))

    anyio.run(body)
    options = harness.server.create_initialization_options(notification_options=LOWLEVEL_NOTIFICATIONS)
    assert options.server_version == "9.9.9"
    assert options.capabilities.tools is not None and options.capabilities.tools.listChanged


def test_wire_parsing():
    message = parse_wire('{"jsonrpc": "2.0", "method": "notifications/progress", "params": {"progressToken": 7, "progress": 0.5}}')
    assert isinstance(message, types.JSONRPCNotification)
    notification = types.ServerNotification.model_validate(message.model_dump(exclude={"jsonrpc"}))
    assert isinstance(notification.root, types.ProgressNotification)
    assert notification.root.params.progressToken == 7
    response = parse_wire('{"jsonrpc": "2.0", "id": 3, "result": {"tools": [], "nextCursor": "c2"}}')
    assert isinstance(response, types.JSONRPCResponse)
    page = types.ListToolsResult.model_validate(response.result)
    assert page.nextCursor == "c2"
    assert str(AnyUrl("kit://counters")) == "kit://counters"
