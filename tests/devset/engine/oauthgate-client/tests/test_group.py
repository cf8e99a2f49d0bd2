from __future__ import annotations

import os
import sys
from datetime import timedelta

sys.path.insert(0, os.path.dirname(__file__))

from servers import build_echo_server

from mcp import McpError, StdioServerParameters, types
from mcp.client.session_group import SseServerParameters, StreamableHttpParameters
from mcp.shared.memory import create_connected_server_and_client_session

from oauthgate.group import Federation, qualified_name, server_parameters, split_name
from oauthgate.settings import ServerEntry


async def test_federation_with_in_memory_sessions():
    alpha, beta = build_echo_server("alpha"), build_echo_server("beta")
    async with (
        create_connected_server_and_client_session(alpha._mcp_server) as alpha_session,
        create_connected_server_and_client_session(beta._mcp_server) as beta_session,
    ):
        async with Federation(call_timeout=timedelta(seconds=5)) as federation:
            await federation.attach_session(alpha_session, types.Implementation(name="alpha", version="1.0"))
            await federation.attach_session(beta_session, types.Implementation(name="beta", version="1.0"))
            assert federation.tool_names() == ["alpha.add", "alpha.echo", "beta.add", "beta.echo"]
            assert [t.name for t in federation.tools_for("beta")] == ["add", "echo"]

            echoed = await federation.invoke("beta.echo", {"text": "hi"})
            assert not echoed.isError
            assert isinstance(echoed.content[0], types.TextContent) and echoed.content[0].text == "beta:hi"
            summed = await federation.invoke("alpha.add", {"a": 2, "b": 40})
            assert summed.structuredContent == {"result": 42}

            specs = {spec["name"]: spec for spec in federation.function_specs()}
            assert specs["alpha__echo"]["parameters"]["required"] == ["text"]

            try:
                await federation.invoke("gamma.echo", {})
            except McpError as exc:
                assert exc.error.code == types.INVALID_PARAMS
            else:
                raise AssertionError("expected McpError")

            try:
                await federation.attach_session(alpha_session, types.Implementation(name="alpha", version="1.0"))
            except McpError as exc:
                assert "already exist" in exc.error.message
            else:
                raise AssertionError("duplicate attach should fail")

            await federation.detach("alpha")
            assert federation.tool_names() == ["beta.add", "beta.echo"]


def test_server_parameters_mapping():
    info = types.Implementation(name="github", version="3")
    assert qualified_name("create_issue", info) == "github.create_issue"
    assert split_name("github.create_issue") == ("github", "create_issue")

    streamable = server_parameters(
        ServerEntry(name="remote", url="https://mcp.example.com/mcp", timeout=12, sse_read_timeout=90)
    )
    assert isinstance(streamable, StreamableHttpParameters)
    assert streamable.timeout == timedelta(seconds=12)
    assert streamable.sse_read_timeout.total_seconds() == 90

    sse = server_parameters(ServerEntry(name="legacy", transport="sse", url="http://h/sse", headers={"X": "1"}))
    assert isinstance(sse, SseServerParameters) and sse.timeout == 30.0 and sse.headers == {"X": "1"}

    stdio = server_parameters(ServerEntry(name="local", transport="stdio", command="uvx", args=["srv"]))
    assert isinstance(stdio, StdioServerParameters) and stdio.args == ["srv"]
