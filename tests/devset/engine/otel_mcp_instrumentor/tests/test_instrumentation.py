from __future__ import annotations

from collections.abc import Awaitable, Callable
from unittest import mock

import anyio
from pydantic import AnyUrl

from mcp import McpError, types
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.lowlevel import Server
from mcp.shared.memory import create_connected_server_and_client_session

from otel_mcp_instrumentor import MCPInstrumentor
from otel_mcp_instrumentor import attributes as attrs

TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"


def run_instrumented(scenario: Callable[[], Awaitable[None]]) -> mock.MagicMock:
    """Run `scenario` with a mock tracer and a propagator that injects TRACEPARENT."""
    tracer = mock.MagicMock()
    fake = mock.MagicMock()
    fake.inject.side_effect = lambda carrier: carrier.update(traceparent=TRACEPARENT)
    fake.extract.return_value = {}
    instrumentor = MCPInstrumentor()
    with (
        mock.patch("otel_mcp_instrumentor.client_wrappers.propagate", fake),
        mock.patch("otel_mcp_instrumentor.server_wrappers.propagate", fake),
        mock.patch("otel_mcp_instrumentor.server_wrappers.otel_context"),
    ):
        instrumentor.instrument(tracer=tracer)
        try:
            anyio.run(scenario)
        finally:
            instrumentor.uninstrument()
    return tracer


def test_trace_context_reaches_fastmcp_tool() -> None:
    async def scenario() -> None:
        server = FastMCP("traced")

        @server.tool()
        async def whoami(ctx: Context) -> str:
            return getattr(ctx.request_context.meta, "traceparent", "")

        async with create_connected_server_and_client_session(server._mcp_server) as client:
            result = await client.call_tool("whoami", {})
        assert not result.isError
        assert result.content == [types.TextContent(type="text", text=TRACEPARENT)]

    tracer = run_instrumented(scenario)
    span_names = [call.args[0] for call in tracer.start_as_current_span.call_args_list]
    assert {"initialize", "execute_tool whoami", "tools/call", "fastmcp.tool whoami"} <= set(span_names)


def test_mcp_error_code_is_recorded() -> None:
    async def scenario() -> None:
        server = Server("memo")

        @server.read_resource()
        async def read(uri: AnyUrl) -> str:
            raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"no such memo: {uri.host}"))

        async with create_connected_server_and_client_session(server) as client:
            try:
                await client.read_resource(AnyUrl("memo://missing"))
            except McpError as exc:
                assert exc.error.code == types.INVALID_PARAMS
            else:
                raise AssertionError("expected McpError")

    span = run_instrumented(scenario).start_as_current_span.return_value.__enter__.return_value
    span.set_attribute.assert_any_call(attrs.RPC_ERROR_CODE, types.INVALID_PARAMS)
    span.set_attribute.assert_any_call("mcp.resource.scheme", "memo")


def test_tool_result_attributes() -> None:
    result = types.CallToolResult(
        content=[types.TextContent(type="text", text="42")], structuredContent={"answer": 42}, isError=False
    )
    attributes = attrs.tool_result_attributes(result)
    assert attributes[attrs.MCP_TOOL_IS_ERROR] is False
    assert attributes["mcp.tool.content_types"] == ["text"]
    assert attributes["gen_ai.tool.call.result"] == '{"answer": 42}'


def test_meta_carrier_reads_extra_fields() -> None:
    meta = types.RequestParams.Meta(progressToken=7, traceparent=TRACEPARENT)  # type: ignore[call-arg]
    assert attrs.meta_carrier(meta) == {"traceparent": TRACEPARENT}
    request = types.ClientRequest(
        types.CallToolRequest(params=types.CallToolRequestParams(name="add", arguments={"a": 1}, _meta=meta))
    )
    described = attrs.request_attributes(request.root)
    assert described[attrs.MCP_TOOL_NAME] == "add"
    assert described[attrs.MCP_PROGRESS_TOKEN] == "7"

