from contextlib import AsyncExitStack

import anyio
import pytest
from mcp import types
from mcp.server.fastmcp import Context, FastMCP
from mcp.shared.memory import create_connected_server_and_client_session
from pydantic import AnyUrl

from gateway_proxy import GatewayConfig, GatewayState, Upstream, UpstreamPool, build_gateway


def make_alpha() -> FastMCP:
    alpha = FastMCP("alpha")

    @alpha.tool()
    def add(a: int, b: int) -> int:
        """Add two integers."""
        return a + b

    @alpha.tool()
    def explode() -> str:
        raise RuntimeError("alpha is broken")

    @alpha.tool()
    async def touch(ctx: Context) -> str:
        await ctx.session.send_resource_updated(AnyUrl("alpha://status"))
        return "touched"

    @alpha.resource("alpha://status", mime_type="application/json")
    def status() -> str:
        return '{"ok": true}'

    @alpha.prompt()
    def greet(name: str) -> str:
        return f"Say hello to {name}"

    return alpha


def make_beta() -> FastMCP:
    beta = FastMCP("beta")

    @beta.tool()
    def upper(text: str) -> str:
        return text.upper()

    return beta


@pytest.fixture
async def gateway():
    received: list[types.ServerNotification] = []
    state_ref: list[GatewayState] = []

    async def relay(upstream, notification):
        await state_ref[0].broadcast(upstream, notification)

    def sink_for(name):
        async def handler(message):
            if isinstance(message, types.ServerNotification):
                await relay(name, message)

        return handler

    async with AsyncExitStack() as stack:
        pool = UpstreamPool([])
        for name, factory in (("alpha", make_alpha), ("beta", make_beta)):
            session = await stack.enter_async_context(
                create_connected_server_and_client_session(factory(), message_handler=sink_for(name))
            )
            pool.add(Upstream(name=name, session=session, capabilities=session.get_server_capabilities()))
        state = GatewayState(pool=pool, config=GatewayConfig(name="gw"))
        state_ref.append(state)
        server = build_gateway(state)

        async def collect(message):
            if isinstance(message, types.ServerNotification):
                received.append(message)

        client = await stack.enter_async_context(
            create_connected_server_and_client_session(server, message_handler=collect)
        )
        yield client, state, received


@pytest.mark.anyio
async def test_tools_are_prefixed(gateway):
    client, _, _ = gateway
    tools = await client.list_tools()
    names = sorted(t.name for t in tools.tools)
    assert names == ["alpha__add", "alpha__explode", "alpha__touch", "beta__upper"]
    add = next(t for t in tools.tools if t.name == "alpha__add")
    assert add.inputSchema["required"] == ["a", "b"]
    assert add.description and add.description.startswith("[alpha]")


@pytest.mark.anyio
async def test_call_is_forwarded(gateway):
    client, _, _ = gateway
    await client.list_tools()
    result = await client.call_tool("alpha__add", {"a": 2, "b": 40})
    assert not result.isError
    assert result.structuredContent == {"result": 42}
    text = result.content[0]
    assert isinstance(text, types.TextContent) and text.text == "42"


@pytest.mark.anyio
async def test_upstream_error_passes_through(gateway):
    client, _, _ = gateway
    result = await client.call_tool("alpha__explode", {})
    assert result.isError
    assert "alpha is broken" in result.content[0].model_dump()["text"]


@pytest.mark.anyio
async def test_unknown_upstream_becomes_error_result(gateway):
    client, _, _ = gateway
    result = await client.call_tool("gamma__nothing", {})
    assert result.isError is True
    assert "unknown upstream" in str(result.content[0])


@pytest.mark.anyio
async def test_resources_route_back(gateway):
    client, state, _ = gateway
    listing = await client.list_resources()
    assert [str(r.uri) for r in listing.resources] == ["alpha://status"]
    assert listing.resources[0].mimeType == "application/json"
    assert state.resource_routes == {"alpha://status": "alpha"}
    read = await client.read_resource(AnyUrl("alpha://status"))
    content = read.contents[0]
    assert isinstance(content, types.TextResourceContents)
    assert content.text == '{"ok": true}'
    assert content.mimeType == "application/json"


@pytest.mark.anyio
async def test_prompts(gateway):
    client, _, _ = gateway
    prompts = await client.list_prompts()
    assert [p.name for p in prompts.prompts] == ["alpha__greet"]
    got = await client.get_prompt("alpha__greet", {"name": "Ada"})
    message = got.messages[0]
    assert message.role == "user"
    assert isinstance(message.content, types.TextContent)
    assert "Ada" in message.content.text


@pytest.mark.anyio
async def test_resource_updates_are_relayed(gateway):
    client, state, received = gateway
    await client.list_tools()
    assert len(state.downstream) == 1
    await client.call_tool("alpha__touch", {})
    with anyio.fail_after(2):
        while not received:
            await anyio.sleep(0.01)
    note = received[0].root
    assert isinstance(note, types.ResourceUpdatedNotification)
    assert str(note.params.uri) == "alpha://status"
