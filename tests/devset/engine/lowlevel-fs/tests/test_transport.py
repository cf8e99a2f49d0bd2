from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import anyio
import httpx

from mcp import types
from mcp.server.transport_security import TransportSecuritySettings
from mcp.shared.memory import create_client_server_memory_streams
from mcp.shared.message import SessionMessage

from sandboxfs import SandboxSettings, build_server, initialization_options
from sandboxfs.__main__ import describe, stdio_options
from sandboxfs.client import SandboxClient
from sandboxfs.http_app import build_http_app
from tests.support import make_tree, ok, structured

PROJECT_DIR = Path(__file__).resolve().parent.parent


def response_of(message: SessionMessage | Exception) -> types.JSONRPCResponse:
    assert isinstance(message, SessionMessage), message
    frame = message.message.root
    assert isinstance(frame, types.JSONRPCResponse), frame
    return frame


async def test_raw_jsonrpc_ping_and_initialize() -> None:
    server = build_server(SandboxSettings(allowed_roots=[Path.cwd()]))
    async with create_client_server_memory_streams() as ((client_read, client_write), (server_read, server_write)):
        async with anyio.create_task_group() as tg:
            tg.start_soon(lambda: server.run(server_read, server_write, initialization_options(server)))

            ping = types.JSONRPCRequest(jsonrpc="2.0", id=7, method="ping")
            await client_write.send(SessionMessage(types.JSONRPCMessage(ping)))
            pong = response_of(await client_read.receive())
            assert pong.id == 7 and pong.result == {}

            params = {"protocolVersion": types.LATEST_PROTOCOL_VERSION, "capabilities": {}, "clientInfo": {"name": "raw", "version": "0"}}
            raw = json.dumps({"jsonrpc": "2.0", "id": 8, "method": "initialize", "params": params})
            await client_write.send(SessionMessage(types.JSONRPCMessage.model_validate_json(raw)))
            result = types.InitializeResult.model_validate(response_of(await client_read.receive()).result)
            assert (result.serverInfo.name, result.serverInfo.version) == ("sandboxfs", "0.6.2")
            resources = result.capabilities.resources
            assert resources is not None and resources.listChanged and resources.subscribe
            assert result.capabilities.experimental == {"sandboxfs": {"version": "0.6.2"}}
            assert result.instructions is not None and "list_allowed_directories" in result.instructions
            tg.cancel_scope.cancel()


def test_describe_and_stdio_options() -> None:
    settings = SandboxSettings(allowed_roots=[Path.cwd()], port=9001)
    options = stdio_options(build_server(settings))
    assert options.server_version == "0.6.2"
    assert options.capabilities.tools is not None and options.capabilities.tools.listChanged is False
    assert options.capabilities.logging is not None and options.capabilities.completions is not None
    described = json.loads(describe(settings))
    assert described["protocol"]["latest"] in described["protocol"]["supported"]
    assert described["capabilities"]["resources"] == {"subscribe": True, "listChanged": True}
    assert described["settings"]["port"] == 9001 and "allowedRoots" in described["settings"]


async def test_streamable_http_app_stateless_json() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = SandboxSettings(
            allowed_roots=[make_tree(Path(tmp))], transport="streamable-http", stateless_http=True, json_response=True
        )
        app, manager = build_http_app(
            build_server(settings), settings, security=TransportSecuritySettings(enable_dns_rebinding_protection=False)
        )

        def asgi_client(
            headers: dict[str, str] | None = None, timeout: httpx.Timeout | None = None, auth: httpx.Auth | None = None
        ) -> httpx.AsyncClient:
            assert headers == {"Authorization": "Bearer s3cret"}
            return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), headers=headers, timeout=timeout, auth=auth)

        async with manager.run():
            async with SandboxClient.connect_http(
                "http://testserver/mcp/", token="s3cret", httpx_client_factory=asgi_client
            ) as client:
                assert client.server_label.startswith("sandboxfs 0.6.2")
                assert client.get_session_id is not None and client.get_session_id() is None  # stateless
                result = await client.call("read_text_file", {"path": "src/app.py", "head": 1})
                assert ok(result) == "def main():\n"
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as http:
                assert (await http.get("/healthz")).json() == {"status": "ok", "server": "sandboxfs", "version": "0.6.2", "mode": "streamable-http"}


async def test_stdio_subprocess_round_trip() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = make_tree(Path(tmp))
        env = {"PYTHONPATH": os.environ.get("PYTHONPATH", str(PROJECT_DIR)), "SANDBOXFS_LOG_LEVEL": "warning"}
        with anyio.fail_after(30):
            async with SandboxClient.connect_stdio([root], extra_env=env) as client:
                assert client.server_label.startswith("sandboxfs 0.6.2") and client.init.instructions
                info = structured(await client.call("get_file_info", {"path": "README.md"}))
                assert info["size"] == (root / "README.md").stat().st_size
