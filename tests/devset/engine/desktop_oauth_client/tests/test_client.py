import tempfile
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path
from unittest import mock

import anyio
import httpx
from mcp import types as t
from mcp.server.fastmcp import Context, FastMCP
from mcp.shared.auth import OAuthClientInformationFull, OAuthToken
from mcp.shared.exceptions import McpError
from mcp.shared.memory import create_client_server_memory_streams, create_connected_server_and_client_session
from pydantic import AnyUrl, BaseModel

from deskclient import catalog
from deskclient.auth import LoopbackCallback, build_oauth
from deskclient.callbacks import ClientHandlers
from deskclient.connection import RemoteServer
from deskclient.storage import FileTokenStorage


def _demo_server() -> FastMCP:
    server = FastMCP("demo")

    class Booking(BaseModel):
        seats: int
        confirm: bool

    @server.tool()
    async def ask_model(question: str, ctx: Context) -> str:
        reply = await ctx.session.create_message(
            messages=[t.SamplingMessage(role="user", content=t.TextContent(type="text", text=question))],
            max_tokens=20,
            system_prompt="terse",
        )
        assert isinstance(reply.content, t.TextContent)
        await ctx.info("sampled")
        return reply.content.text

    @server.tool()
    async def book(ctx: Context) -> str:
        answer = await ctx.elicit("How many seats?", Booking)
        if answer.action == "accept":
            return f"booked {answer.data.seats}"
        return answer.action

    @server.tool()
    async def roots(ctx: Context) -> list[str]:
        listed = await ctx.session.list_roots()
        return [str(r.uri) for r in listed.roots]

    @server.tool()
    async def slow(steps: int, ctx: Context) -> str:
        for i in range(steps):
            await ctx.report_progress(i + 1, steps, message=f"step {i + 1}")
        return "done"

    return server


def test_token_storage_roundtrip():
    async def run():
        with tempfile.TemporaryDirectory() as tmp:
            store = FileTokenStorage("https://mcp.example.com/mcp", Path(tmp))
            assert await store.get_tokens() is None
            await store.set_tokens(OAuthToken(access_token="abc", expires_in=3600, refresh_token="r1"))
            await store.set_client_info(
                OAuthClientInformationFull(client_id="cid", redirect_uris=[AnyUrl("http://127.0.0.1:33418/callback")])
            )
            again = FileTokenStorage("https://mcp.example.com/mcp", Path(tmp))
            tokens = await again.get_tokens()
            client = await again.get_client_info()
            assert tokens is not None and tokens.refresh_token == "r1"
            assert client is not None and client.client_id == "cid"
            assert client.redirect_uris is not None and str(client.redirect_uris[0]).endswith("/callback")
            again.forget()
            assert await again.get_tokens() is None

    anyio.run(run)


def test_loopback_callback_returns_code_and_state():
    callback = LoopbackCallback(port=33419, timeout=5)
    got: list[tuple[str, str | None]] = []

    async def run():
        async with anyio.create_task_group() as tg:
            async def waiter():
                got.append(await callback.wait())

            tg.start_soon(waiter)
            await anyio.sleep(0.1)
            async with httpx.AsyncClient() as http:
                bad = await http.get(f"http://127.0.0.1:{callback.port}/favicon.ico")
                assert bad.status_code == 400
                ok = await http.get(callback.redirect_uri, params={"code": "c0de", "state": "s7"})
                assert "signed in" in ok.text

    anyio.run(run)
    assert got == [("c0de", "s7")]


def test_build_oauth_wires_callback_and_metadata():
    with tempfile.TemporaryDirectory() as tmp:
        storage = FileTokenStorage("https://mcp.example.com/mcp", Path(tmp))
        callback = LoopbackCallback(port=40001)
        provider = build_oauth("https://mcp.example.com/mcp", storage, callback, login_timeout=120)
        assert isinstance(provider, httpx.Auth)
        meta = provider.context.client_metadata
        assert meta.redirect_uris == [AnyUrl("http://127.0.0.1:40001/callback")]
        assert provider.context.timeout == 120
        assert provider.context.callback_handler == callback.wait


def test_sampling_callback_uses_model_and_respects_refusal():
    async def run():
        handlers = ClientHandlers(ask=lambda _: "n")
        params = t.CreateMessageRequestParams(
            messages=[t.SamplingMessage(role="user", content=t.TextContent(type="text", text="hi"))],
            maxTokens=10,
        )
        refused = await handlers.sampling(mock.MagicMock(), params)
        assert isinstance(refused, t.ErrorData)
        handlers.auto_approve_sampling = True
        result = await handlers.sampling(mock.MagicMock(), params)
        assert isinstance(result, t.CreateMessageResult)
        assert result.stopReason == "endTurn" and result.model == "echo-1"

    anyio.run(run)


def test_end_to_end_callbacks_against_fastmcp():
    answers = iter(["3", "y"])
    handlers = ClientHandlers(roots=[Path("/tmp")], ask=lambda _: next(answers), auto_approve_sampling=True)
    seen: list[float] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        seen.append(progress)

    async def run():
        async with create_connected_server_and_client_session(
            _demo_server(),
            read_timeout_seconds=timedelta(seconds=10),
            sampling_callback=handlers.sampling,
            elicitation_callback=handlers.elicitation,
            list_roots_callback=handlers.list_roots,
            logging_callback=handlers.on_log,
            message_handler=handlers.on_message,
        ) as session:
            asked = await catalog.call_tool(session, "ask_model", {"question": "ping?"})
            assert catalog.render_result(asked) == "[terse] ping?"
            booked = await catalog.call_tool(session, "book")
            assert catalog.render_result(booked) == "booked 3"
            listed = await catalog.call_tool(session, "roots")
            assert listed.structuredContent == {"result": ["file:///tmp"]}
            await catalog.call_tool(session, "slow", {"steps": 3}, on_progress=on_progress)
            tools = await catalog.all_tools(session)
            assert [r[0] for r in catalog.tool_rows(tools)] == ["ask_model", "book", "roots", "slow"]

    anyio.run(run)
    assert seen == [1, 2, 3]
    assert handlers.server_logs[0].data == "sampled"


def test_pagination_follows_cursor():
    pages = [
        t.ListToolsResult(tools=[t.Tool(name="a", inputSchema={"type": "object"})], nextCursor="p2"),
        t.ListToolsResult(tools=[t.Tool(name="b", inputSchema={"type": "object", "required": ["x"]})]),
    ]
    session = mock.AsyncMock()
    session.list_tools.side_effect = pages

    tools = anyio.run(catalog.all_tools, session)
    assert [tool.name for tool in tools] == ["a", "b"]
    assert session.list_tools.await_args_list[1].kwargs == {"cursor": "p2"}
    assert catalog.tool_rows(tools)[1] == ("b", "x", "text")


def test_render_mixed_content():
    result = t.CallToolResult(
        content=[
            t.TextContent(type="text", text="hello"),
            t.ImageContent(type="image", data="AAAA", mimeType="image/png"),
            t.ResourceLink(type="resource_link", name="r", uri=AnyUrl("file:///x.txt"), mimeType="text/plain"),
            t.EmbeddedResource(
                type="resource",
                resource=t.TextResourceContents(uri=AnyUrl("mem://n"), text="body", mimeType="text/plain"),
            ),
        ],
        isError=True,
    )
    text = catalog.render_result(result)
    assert text.startswith("ERROR: hello")
    assert "[image image/png, 3 bytes]" in text
    assert "[link file:///x.txt (text/plain)]" in text
    assert "--- mem://n ---\nbody" in text


def test_call_tool_retries_on_timeout():
    session = mock.AsyncMock()
    ok = t.CallToolResult(content=[])
    session.call_tool.side_effect = [McpError(t.ErrorData(code=408, message="Timed out")), ok]
    result = anyio.run(lambda: catalog.call_tool(session, "x", timeout=timedelta(seconds=1)))
    assert result is ok
    assert session.call_tool.await_args_list[1].kwargs["read_timeout_seconds"] == timedelta(seconds=2)


def test_remote_server_over_patched_transport():
    server = _demo_server()

    @asynccontextmanager
    async def fake_streamablehttp_client(url, **kwargs):
        assert kwargs["timeout"] == timedelta(seconds=30)
        async with create_client_server_memory_streams() as (client_streams, server_streams):
            async with anyio.create_task_group() as tg:
                lowlevel = server._mcp_server
                tg.start_soon(
                    lambda: lowlevel.run(server_streams[0], server_streams[1], lowlevel.create_initialization_options())
                )
                yield client_streams[0], client_streams[1], lambda: "sess-123"
                tg.cancel_scope.cancel()

    async def run():
        with mock.patch("deskclient.connection.streamablehttp_client", fake_streamablehttp_client):
            remote = RemoteServer("https://mcp.example.com/mcp")
            async with remote as session:
                assert remote.session_id == "sess-123"
                assert remote.server_label.startswith("demo ")
                assert remote.supports("tools")
                assert not remote.supports("prompts") or remote.init_result is not None
                tools = await session.list_tools()
                assert len(tools.tools) == 4

    anyio.run(run)
