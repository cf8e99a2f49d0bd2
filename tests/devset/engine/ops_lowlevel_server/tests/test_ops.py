import json
from datetime import timedelta

import anyio
import httpx
from mcp import types
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.shared.session import RequestResponder
from pydantic import AnyUrl

from opsserver.http import create_app
from opsserver.probe import build_probe_server
from opsserver.server import OpsServer


def _first_text(result: types.CallToolResult) -> str:
    block = result.content[0]
    assert isinstance(block, types.TextContent)
    return block.text


def test_list_and_status_tool_structured():
    async def run():
        async with create_connected_server_and_client_session(OpsServer().server) as client:
            tools = await client.list_tools()
            assert [t.name for t in tools.tools][:2] == ["service_status", "restart_service"]
            assert tools.tools[0].outputSchema is not None
            result = await client.call_tool("service_status", {"service": "api"})
            assert result.isError is False
            assert result.structuredContent == {"name": "api", "status": "running", "restarts": 0}
            assert json.loads(_first_text(result))["status"] == "running"

    anyio.run(run)


def test_input_validation_and_exceptions_become_error_results():
    async def run():
        async with create_connected_server_and_client_session(OpsServer().server) as client:
            bad = await client.call_tool("tail_log", {"service": "api", "lines": 0})
            assert bad.isError and "Input validation error" in _first_text(bad)
            boom = await client.call_tool("drain_node", {"node": "n1"})
            assert boom.isError and "not managed" in _first_text(boom)
            unknown = await client.call_tool("service_status", {"service": "nope"})
            assert unknown.isError and "unknown service" in _first_text(unknown)

    anyio.run(run)


def test_tail_log_returns_both_content_kinds():
    async def run():
        async with create_connected_server_and_client_session(OpsServer().server) as client:
            result = await client.call_tool("tail_log", {"service": "worker", "lines": 1})
            assert _first_text(result) == "worker healthy"
            assert result.structuredContent == {"lines": ["worker healthy"]}

    anyio.run(run)


def test_restart_progress_logging_and_subscription():
    logs: list[types.LoggingMessageNotificationParams] = []
    updates: list[str] = []
    steps: list[tuple[float, float | None, str | None]] = []

    async def on_log(params: types.LoggingMessageNotificationParams) -> None:
        logs.append(params)

    async def on_message(message) -> None:
        if isinstance(message, RequestResponder) or isinstance(message, Exception):
            return
        if isinstance(message.root, types.ResourceUpdatedNotification):
            updates.append(str(message.root.params.uri))

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        steps.append((progress, total, message))

    async def run():
        async with create_connected_server_and_client_session(
            OpsServer().server, logging_callback=on_log, message_handler=on_message
        ) as client:
            await client.set_logging_level("info")
            await client.subscribe_resource(AnyUrl("ops://services/billing"))
            result = await client.call_tool(
                "restart_service",
                {"service": "billing"},
                read_timeout_seconds=timedelta(seconds=5),
                progress_callback=on_progress,
            )
            assert _first_text(result) == "billing restarted (1 watchers notified)"
            await client.unsubscribe_resource(AnyUrl("ops://services/billing"))
            again = await client.call_tool("restart_service", {"service": "billing"})
            assert "(0 watchers notified)" in _first_text(again)

    anyio.run(run)
    assert updates == ["ops://services/billing"]
    assert [s[2] for s in steps] == ["draining", "stopping", "starting"]
    assert logs and logs[0].data == {"event": "restart", "service": "billing"}
    assert all(entry.level != "debug" for entry in logs)


def test_resources_templates_and_reads():
    async def run():
        async with create_connected_server_and_client_session(OpsServer().server) as client:
            listed = await client.list_resources()
            assert {r.uri.host for r in listed.resources} == {"services"}
            templates = await client.list_resource_templates()
            assert [t.uriTemplate for t in templates.resourceTemplates] == ["ops://services/{name}", "ops://runbooks/{topic}"]
            read = await client.read_resource(AnyUrl("ops://runbooks/restart"))
            part = read.contents[0]
            assert isinstance(part, types.TextResourceContents) and part.mimeType == "text/markdown"
            assert part.text.startswith("1. Drain")

    anyio.run(run)


def test_completion_and_prompt():
    async def run():
        async with create_connected_server_and_client_session(OpsServer().server) as client:
            ref = types.ResourceTemplateReference(type="ref/resource", uri="ops://services/{name}")
            done = await client.complete(ref, {"name": "name", "value": "b"})
            assert done.completion.values == ["billing"]
            prompt = await client.get_prompt("incident", {"service": "api"})
            content = prompt.messages[0].content
            assert isinstance(content, types.TextContent) and '"status": "running"' in content.text

    anyio.run(run)


def test_initialization_options_and_handlers():
    ops = OpsServer()
    opts = ops.initialization_options()
    assert opts.server_version == "0.9.4"
    assert opts.capabilities.resources is not None and opts.capabilities.resources.listChanged
    assert opts.capabilities.experimental == {"ops/maintenance-window": {"supported": True}}
    assert ops.handles(types.SubscribeRequest)
    assert ops.handles(types.SetLevelRequest)


def test_probe_server_from_factory():
    async def run():
        server = build_probe_server({"db": lambda: True, "cache": lambda: False}, version="7")
        async with create_connected_server_and_client_session(
            server, client_info=types.Implementation(name="lb", version="1")
        ) as client:
            init_caps = client.get_server_capabilities()
            assert init_caps is not None and init_caps.tools is not None
            result = await client.call_tool("health", {})
            assert result.structuredContent is not None
            assert result.structuredContent["checks"] == {"db": True, "cache": False}
            assert result.structuredContent["caller"] == "lb"
            missing = await client.call_tool("nope", {})
            assert missing.isError

    anyio.run(run)


def test_streamable_http_app_stateless_json():
    app = create_app(OpsServer(), json_response=True, stateless=True)
    headers = {"accept": "application/json, text/event-stream", "content-type": "application/json"}

    async def run():
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:7070") as http:
                health = await http.get("/healthz")
                assert health.json()["stateless"] is True
                init = await http.post("/mcp/", headers=headers, json={
                    "jsonrpc": "2.0", "id": 1, "method": "initialize",
                    "params": {"protocolVersion": types.LATEST_PROTOCOL_VERSION, "capabilities": {},
                               "clientInfo": {"name": "curl", "version": "0"}},
                })
                assert init.status_code == 200, init.text
                body = init.json()
                assert body["result"]["serverInfo"] == {"name": "ops", "version": "0.9.4"}
                listed = await http.post("/mcp/", headers=headers, json={"jsonrpc": "2.0", "id": 2, "method": "tools/list"})
                assert len(listed.json()["result"]["tools"]) == 4

    anyio.run(run)
