from __future__ import annotations

import os
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, os.path.dirname(__file__))

import mcp.types as types
from mcp.shared.memory import create_connected_server_and_client_session
from pydantic import AnyUrl, ValidationError

from servers import object_tool

from relaybox.__main__ import config_from_args, parse_args
from relaybox.config import GatewayConfig, UpstreamSpec
from relaybox.metrics import CallStats
from relaybox.namespacing import ToolRouter, split_exposed_name
from relaybox.proxy import create_proxy_server
from relaybox.upstream import open_upstream, ping_upstream, stdio_parameters

HERE = Path(__file__).resolve().parent

SAMPLE = {
    "listen": {"transport": "sse", "host": "0.0.0.0", "port": 8100, "serverName": "edge"},
    "mcpServers": {
        "inventory": {"command": "python", "args": ["inventory.py"], "toolPrefix": "inv"},
        "search": {"transport": "streamable-http", "url": "https://search.internal/mcp", "readTimeoutSeconds": 45},
        "legacy": {"transport": "sse", "url": "http://old:9000/sse", "disabled": True},
    },
}


def test_config_and_cli_build_gateway_settings() -> None:
    config = GatewayConfig.model_validate(SAMPLE)
    assert [s.name for s in config.upstreams.enabled()] == ["inventory", "search"]
    assert config.upstreams.root["search"].read_timeout_seconds == 45
    status = config.to_status()
    assert status["serverInfo"] == {"name": "edge"}
    assert status["upstreams"][0] == {"name": "inventory", "transport": "stdio", "toolPrefix": "inv"}
    assert config.apply_env_overrides({"RELAYBOX_PORT": "9001"}).listen.port == 9001

    try:
        UpstreamSpec.model_validate({"toolPrefix": "Bad-Prefix"})
    except ValidationError:
        pass
    else:
        raise AssertionError("prefix validation should reject Bad-Prefix")

    args = parse_args(["--command", "python srv.py --fast", "--prefix", "srv", "--listen", "sse", "--port", "8200"])
    cli = config_from_args(args)
    spec = cli.upstreams.enabled()[0]
    assert (spec.command, spec.args, spec.tool_prefix) == ("python", ["srv.py", "--fast"], "srv")
    assert cli.listen.transport == "sse" and cli.listen.port == 8200


def test_router_and_metrics_bookkeeping() -> None:
    router = ToolRouter()
    tool = object_tool("get", "Read a key", key="string")
    router.register("kv", "kv", [tool])
    router.register("cache", None, [tool.model_copy(update={"name": "flush"})])
    assert "kv__get" in router and "flush" in router
    entry = router.resolve("kv__get")
    assert entry is not None and entry.original_name == "get" and not entry.read_only
    assert split_exposed_name("kv__get") == ("kv", "get")
    router.forget("kv")
    assert len(router) == 1

    stats = CallStats(capacity=2)
    for name in ("a", "b"):
        with stats.track(name, "kv"):
            pass
    try:
        with stats.track("boom", "kv"):
            raise RuntimeError("x")
    except RuntimeError:
        pass
    page = stats.recent(limit=1)
    assert page["calls"][0]["toolName"] == "boom" and page["calls"][0]["isError"] is True
    assert page["nextCursor"] == "1"
    assert stats.summary() == {"kv": {"calls": 3, "errors": 1}}


async def test_stdio_upstream_end_to_end() -> None:
    spec = UpstreamSpec(
        name="echo",
        transport="stdio",
        command=sys.executable,
        args=[str(HERE / "stdio_upstream.py")],
        readTimeoutSeconds=20,
    )
    extra_env = {"PYTHONPATH": os.environ.get("PYTHONPATH", "")}
    params = stdio_parameters(spec, extra_env)
    assert params.command == sys.executable and params.env and "PYTHONPATH" in params.env

    async with open_upstream(spec, extra_env=extra_env) as conn:
        assert conn.info.name == "stdio-echo"
        assert conn.http_session_id is None
        health = await ping_upstream(conn, timeout=timedelta(seconds=10))
        assert health["ok"] is True and health["serverInfo"]["name"] == "stdio-echo"

        proxy = create_proxy_server(conn.session, info=conn.info, upstream_name="echo", prefix="echo", relay=conn.relay)
        async with create_connected_server_and_client_session(proxy) as client:
            result = await client.call_tool("echo__shout", {"text": "relay"})
            assert result.structuredContent == {"result": "RELAY"}
            memo = await client.read_resource(AnyUrl("memo://today"))
            assert isinstance(memo.contents[0], types.TextResourceContents)
            assert memo.contents[0].text == "nothing scheduled"
        assert conn.relay.downstream is not None
