"""The gateway's own admin tools and HTTP routes."""

from __future__ import annotations

from starlette.testclient import TestClient

import mcp.types as types

from mcpgate import Gateway, GatewaySettings
from mcpgate.http_app import build_app
from tests.harness import Inbox, downstream, gateway_for
from tests.upstreams import build_alpha, build_beta


async def test_status_describes_upstreams_and_callers() -> None:
    beta, _ = build_beta()
    async with gateway_for({"alpha": build_alpha(), "beta": beta}) as gateway:
        async with downstream(gateway) as client:
            await client.call_tool("alpha.echo", {"text": "hi"}, meta={"client_id": "ops-console"})
            status = await client.call_tool("gateway_status", {}, meta={"client_id": "dashboard"})

    payload = status.structuredContent
    assert payload is not None and payload["gateway"] == "test-gateway"
    upstreams = {u["name"]: u for u in payload["upstreams"]}
    assert upstreams["beta"]["serverInfo"] == {"name": "beta", "version": "2.1.0"}
    assert upstreams["beta"]["instructions"] == "Ledger of accounts."
    assert upstreams["beta"]["protocolVersion"] == types.LATEST_PROTOCOL_VERSION
    assert upstreams["beta"]["logging"] is True and upstreams["alpha"]["logging"] is False
    assert upstreams["alpha"]["sessionId"] is None
    assert payload["catalog"]["tools"] == 8
    assert payload["stats"]["clients"] == ["dashboard", "ops-console"]


async def test_refresh_reports_cumulative_progress() -> None:
    beta, beta_state = build_beta()
    seen: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        seen.append((progress, total, message))

    inbox = Inbox()
    async with gateway_for({"alpha": build_alpha(), "beta": beta}) as gateway:
        async with downstream(gateway, inbox) as client:
            beta_state.extra_enabled = True
            result = await client.call_tool("gateway_refresh", {}, progress_callback=on_progress)

    assert result.structuredContent == {"tools": 9, "resources": 5, "prompts": 1}
    assert seen == [(1.0, 2, "synced alpha"), (2.0, 2, "synced beta")]
    assert len(inbox.of_type(types.ToolListChangedNotification)) == 1
    assert "refreshed 2 upstream(s)" in inbox.log_text()


async def test_log_level_is_fanned_out_to_capable_upstreams() -> None:
    beta, beta_state = build_beta()
    inbox = Inbox()
    async with gateway_for({"alpha": build_alpha(), "beta": beta}) as gateway:
        async with downstream(gateway, inbox) as client:
            await client.set_logging_level("warning")

    assert beta_state.log_level == "warning" and gateway.downstream_level == "warning"
    assert "log level warning forwarded to beta" in inbox.log_text()


def test_healthz_and_stats_routes() -> None:
    gateway = Gateway(GatewaySettings(name="http-gateway", port=9123))
    app = build_app(gateway, mount_path="/gw")
    assert gateway.mcp.settings.streamable_http_path == "/gw"
    with TestClient(app) as http:
        health = http.get("/healthz")
        stats = http.get("/admin/stats")
    assert health.status_code == 200
    assert health.json() == {"status": "ok", "upstreams": {}}
    assert stats.json()["upstreams"] == {}
