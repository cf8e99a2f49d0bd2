from __future__ import annotations

import json
from importlib.metadata import version

import anyio

import mcp.types as types
from mcp.client.session import ClientSession
from mcp.shared.memory import create_client_server_memory_streams
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS

from hubproxy.server import DEFAULT_INSTRUCTIONS
from hubproxy.wiretap import parse_frame, replay_summary
from tests.harness import build_rig, connect, structured

NULL_ID_ERROR = '{"jsonrpc": "2.0", "id": null, "error": {"code": -32700, "message": "Parse error"}}'


async def test_wiretap_records_upstream_frames() -> None:
    rig = build_rig()
    async with connect(rig) as session:
        status = structured(await session.call_tool("hub.status", {"ping": True}))

    assert rig.tap.methods("alpha")[:3] == ["initialize", "notifications/initialized", "tools/list"]
    [ping] = rig.tap.requests("alpha", "ping")
    assert json.loads(ping.raw) == {"jsonrpc": "2.0", "id": ping.request_id, "method": "ping"}
    assert "params" not in json.loads(rig.tap.requests("beta", "tools/list")[0].raw)
    initialize = json.loads(rig.tap.requests("beta", "initialize")[0].raw)["params"]
    assert initialize["clientInfo"] == {"name": "hubproxy", "version": "0.6.2"}
    assert initialize["protocolVersion"] == types.LATEST_PROTOCOL_VERSION
    assert len(rig.tap.requests("beta", "tools/list")) == 2

    alpha = status["upstreams"]["alpha"]
    assert alpha["server"] == "alpha-notes" and alpha["protocolVersion"] in SUPPORTED_PROTOCOL_VERSIONS
    assert alpha["latencyMs"] is not None
    assert status["upstreams"]["beta"]["version"] == "0.3.0"


async def test_replay_summary_flags_malformed_frames() -> None:
    rig = build_rig()
    async with connect(rig) as session:
        await session.list_tools()

    captured = [frame.raw for frame in rig.tap.frames]
    summary = replay_summary([*captured, NULL_ID_ERROR, "not json"])
    assert summary["malformed"] == 2
    assert summary["request:initialize"] == summary["notification:notifications/initialized"] == 2
    parsed = parse_frame(captured[0])
    assert isinstance(parsed, types.JSONRPCRequest) and parsed.method == "initialize"
    assert types.JSONRPCMessage.model_validate_json(captured[1]).root.jsonrpc == "2.0"


async def test_initialize_reports_hub_identity() -> None:
    server = build_rig().hub._mcp_server
    async with create_client_server_memory_streams() as (client_streams, server_streams):
        async with anyio.create_task_group() as tg:
            tg.start_soon(lambda: server.run(*server_streams, server.create_initialization_options()))
            async with ClientSession(*client_streams) as session:
                result = await session.initialize()
                caps = session.get_server_capabilities()
                assert (result.serverInfo.name, result.serverInfo.version) == ("hubproxy-test", version("mcp"))
                assert result.instructions == DEFAULT_INSTRUCTIONS
                assert caps is not None and caps.logging is not None and caps.completions is not None
                assert caps.resources is not None and caps.resources.subscribe is False
            tg.cancel_scope.cancel()
