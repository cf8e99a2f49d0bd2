from __future__ import annotations

import json
import os
import sys
from typing import Any

sys.path.insert(0, os.path.dirname(__file__))

from support import config_tree, open_gateway  # noqa: E402

import mcp.types as types  # noqa: E402
from mcp.client.session import ClientSession  # noqa: E402
from mcp.shared.context import RequestContext  # noqa: E402

from confgate.client import GatewayClient  # noqa: E402


def _text(result: types.CallToolResult) -> str:
    return "\n".join(block.text for block in result.content if isinstance(block, types.TextContent))


def _ok(result: types.CallToolResult) -> dict[str, Any]:
    assert not result.isError, _text(result)
    assert result.structuredContent is not None
    return result.structuredContent


def _err(result: types.CallToolResult) -> str:
    assert result.isError, result
    return _text(result)


async def test_tool_listing_snapshot() -> None:
    with config_tree() as root:
        async with open_gateway(root) as h:
            listing = await h.session.list_tools()
            snapshot = {tool.name: tool.model_dump(exclude_none=True) for tool in listing.tools}
            assert snapshot["lookup_key"]["inputSchema"]["required"] == ["path", "key"]
            assert snapshot["lookup_key"]["outputSchema"]["required"] == ["path", "key", "found"]
            assert snapshot["lookup_key"]["annotations"] == {
                "readOnlyHint": True,
                "idempotentHint": True,
                "openWorldHint": False,
            }
            assert snapshot["write_key"]["execution"] == {"taskSupport": "forbidden"}
            assert "outputSchema" not in snapshot["describe_gateway"]

        async with open_gateway(root, allow_writes=False) as h:
            names = [tool.name for tool in (await h.session.list_tools()).tools]
            assert "write_key" not in names and "lookup_key" in names


async def test_structured_results() -> None:
    with config_tree() as root:
        async with open_gateway(root) as h:
            result = await h.session.call_tool("lookup_key", {"path": "app.json", "key": "service.port"})
            assert _ok(result) == {"path": "app.json", "key": "service.port", "found": True, "value": 8080}
            assert _text(result) == "service.port = 8080"
            assert await h.client.lookup("app.json", "service.port", env="prod") == 443
            assert await h.client.lookup("app.json", "service.missing") is None

            described = await h.session.call_tool("describe_gateway", {})
            assert described.structuredContent is None
            links = {str(b.uri) for b in described.content if isinstance(b, types.ResourceLink)}
            assert links == {"config://files/app.json", "config://files/database.toml", "config://files/logging.ini"}
            assert json.loads(_text(described))["client"] == "confgate-tests"


async def test_failures_become_error_results() -> None:
    with config_tree() as root:
        async with open_gateway(root) as h:
            assert "Input validation error" in _err(await h.session.call_tool("lookup_key", {"path": "app.json"}))
            assert "Unknown tool: drop_database" in _err(await h.session.call_tool("drop_database", {}))
            toml = await h.session.call_tool("write_key", {"path": "database.toml", "key": "a", "value": 1})
            assert "only JSON files" in _err(toml)
            assert "no such file" in _err(await h.session.call_tool("lookup_key", {"path": "nope.json", "key": "a"}))
            protected = await h.session.call_tool("write_key", {"path": "envs/prod/app.json", "key": "a", "value": 1})
            assert "client cannot be asked" in _err(protected)

        async with open_gateway(root, allow_writes=False) as h:
            refused = await h.session.call_tool("write_key", {"path": "app.json", "key": "a", "value": 1})
            assert _err(refused) == "This gateway is read-only"


async def test_protected_writes_need_confirmation() -> None:
    asked: list[types.ElicitRequestFormParams] = []

    async def approve(
        context: RequestContext[ClientSession, Any], params: types.ElicitRequestParams
    ) -> types.ElicitResult | types.ErrorData:
        assert isinstance(params, types.ElicitRequestFormParams)
        assert params.requestedSchema["required"] == ["confirm"]
        asked.append(params)
        return types.ElicitResult(action="accept", content={"confirm": True, "reason": "INC-1042"})

    async def decline(
        context: RequestContext[ClientSession, Any], params: types.ElicitRequestParams
    ) -> types.ElicitResult | types.ErrorData:
        return types.ElicitResult(action="decline")

    with config_tree() as root:
        async with open_gateway(root, elicitation_callback=decline) as h:
            declined = await h.session.call_tool("write_key", {"path": "envs/prod/app.json", "key": "a", "value": 1})
            assert _err(declined) == "Change to envs/prod/app.json was not confirmed"

        async with open_gateway(root, elicitation_callback=approve) as h:
            await h.session.set_logging_level("notice")
            writer = GatewayClient(h.session, actor="deploy-bot")
            done = await writer.call("write_key", {"path": "envs/prod/app.json", "key": "service.replicas", "value": 6})
            assert done["path"] == "envs/prod/app.json"
            assert asked[0].message == "Set service.replicas = 6 in envs/prod/app.json?"
            assert h.server.state.audit_trail == [("envs/prod/app.json", "service.replicas", "deploy-bot")]
            assert [log.data for log in h.logs] == ["envs/prod/app.json: change approved (INC-1042)"]
            assert await writer.lookup("app.json", "service.replicas", env="prod") == 6


async def test_reload_reports_progress_and_list_changes() -> None:
    with config_tree() as root:
        async with open_gateway(root) as h:
            await h.session.list_resources()
            (root / "features.json").write_text('{"flags": {"dark_mode": true}}')
            (root / "prompts" / "release.md").write_text("---\narguments: version\n---\nShip {{version}}.\n")
            updates: list[tuple[float, float | None, str | None]] = []

            async def on_progress(progress: float, total: float | None, message: str | None) -> None:
                updates.append((progress, total, message))

            result = await h.session.call_tool("reload_catalog", {}, progress_callback=on_progress)
            assert _ok(result) == {"added": ["features.json", "prompts/release.md"], "removed": [], "changed": []}
            assert updates == [(0, 3, "scanning"), (1, 3, "10 files"), (2, 3, "notifying subscribers"), (3, 3, "done")]
            assert h.recorder.list_changed == [
                "notifications/resources/list_changed",
                "notifications/prompts/list_changed",
            ]
            assert "release" in [p.name for p in (await h.session.list_prompts()).prompts]
            assert _ok(await h.session.call_tool("reload_catalog", {}))["added"] == []
            assert h.server.state.request_counts["reload_catalog"] == 2
