import os
import sys
from datetime import timedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import httpx
import mcp.types as types
from mcp.client.session_group import SseServerParameters, StreamableHttpParameters
from servers import build_workspace_server

from relay.config import ConfigError, parse_config
from relay.connection import RelayClient
from relay.transports import RelayHttpClientFactory, quiet_http_logging, server_parameters

HERE = os.path.dirname(os.path.abspath(__file__))

CONFIG = {
    "relay": {"host": "0.0.0.0", "port": 9090, "logLevel": "debug"},
    "mcpServers": {
        "notes": {"command": sys.executable, "args": [os.path.join(HERE, "stdio_server.py")],
                  "env": {"PYTHONPATH": "${PYTHONPATH}"}},
        "ws": {"url": "http://127.0.0.1:8000/mcp", "headers": {"X-Trace": "t-1"}, "readTimeoutSeconds": 10},
        "legacy": {"type": "sse", "url": "http://127.0.0.1:8001/sse", "timeout": 3, "sseReadTimeout": 30},
    },
}


def test_config_parsing_and_group_parameters():
    tree = parse_config(CONFIG)
    assert (tree.control.host, tree.control.port, tree.control.log_level) == ("0.0.0.0", 9090, "DEBUG")
    assert tree.root["mcpServers"]["ws"]["readTimeoutSeconds"] == 10
    notes, ws, legacy = tree.servers["notes"], tree.servers["ws"], tree.servers["legacy"]
    assert notes.transport == "stdio" and notes.env == {"PYTHONPATH": os.environ.get("PYTHONPATH", "")}
    assert ws.transport == "streamable-http" and legacy.transport == "sse"

    http_params = server_parameters(ws)
    assert isinstance(http_params, StreamableHttpParameters)
    assert http_params.timeout == timedelta(seconds=30) and http_params.sse_read_timeout.total_seconds() == 300
    sse_params = server_parameters(legacy)
    assert isinstance(sse_params, SseServerParameters) and sse_params.sse_read_timeout == 30.0
    try:
        parse_config({"mcpServers": {"bad": {"transport": "websocket", "url": "ws://x"}}})
    except ConfigError as exc:
        assert "unknown transport" in str(exc)
    else:
        raise AssertionError("websocket transport should be rejected")


async def test_stdio_subprocess_roundtrip():
    entry = parse_config(CONFIG).servers["notes"]
    async with RelayClient() as relay:
        notes = await relay.connect(entry)
        assert notes.server_name == "stdio-notes"
        shout = await notes.call("shout", {"text": "relay"})
        motd = await notes.read("notes://motd")
    assert isinstance(shout.content[0], types.TextContent) and shout.content[0].text == "RELAY"
    assert isinstance(motd.contents[0], types.TextResourceContents) and motd.contents[0].text == "hello from stdio"


async def test_streamable_http_over_asgi():
    quiet_http_logging()
    server = build_workspace_server(stateless=True, json_response=True)
    app = server.streamable_http_app()
    factory = RelayHttpClientFactory(extra_headers={"X-Relay-Tenant": "acme"}, transport=httpx.ASGITransport(app=app))
    entry = parse_config(CONFIG).servers["ws"]
    async with server.session_manager.run():
        async with RelayClient(http_client_factory=factory) as relay:
            ws = await relay.connect(entry)
            tenant = await ws.call("tenant")
            catalog = await ws.ensure_catalog()
            assert ws.session_id() is None
    assert isinstance(tenant.content[0], types.TextContent) and tenant.content[0].text == "acme/t-1"
    assert catalog.tool("gallery") is not None
    assert factory.request_log[0] == ("POST", "/mcp") and factory.seen_session_ids == []


async def test_streamable_http_shared_client_session_ids():
    server = build_workspace_server(json_response=True)
    app = server.streamable_http_app()
    factory = RelayHttpClientFactory(extra_headers={"X-Relay-Tenant": "pool"}, transport=httpx.ASGITransport(app=app))
    entry = parse_config(CONFIG).servers["ws"]
    async with server.session_manager.run(), factory(timeout=httpx.Timeout(10.0, read=30.0)) as shared:
        async with RelayClient(http_client=shared) as relay:
            ws = await relay.connect(entry)
            sid = ws.session_id()
            result = await ws.call("tenant")
    assert sid is not None and factory.seen_session_ids == [sid]
    assert not result.isError and result.content[0].type == "text"
    assert ("DELETE", "/mcp") in factory.request_log and shared.headers["x-trace"] == "t-1"
