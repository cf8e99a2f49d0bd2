"""How upstream failures look from the downstream side."""

from __future__ import annotations

from urllib.parse import quote

import httpx
from pydantic import AnyUrl

import mcp.types as types
from mcp.shared.exceptions import McpError

from mcpgate import UpstreamSpec
from tests.harness import Inbox, downstream, gateway_for, text_of
from tests.upstreams import build_alpha, build_beta


async def test_upstream_tool_errors_pass_through_as_results() -> None:
    async with gateway_for({"alpha": build_alpha()}) as gateway:
        async with downstream(gateway) as client:
            crashed = await client.call_tool("alpha.explode", {})
            refused = await client.call_tool("alpha.reject", {"reason": "nope"})
        stats = gateway.stats.snapshot()["upstreams"]["alpha"]

    assert crashed.isError and "kaboom" in text_of(crashed)
    assert refused.isError and "rejected: nope" in text_of(refused)
    assert stats["isError"] == 2 and stats["protocolErrors"] == 0


async def test_upstream_timeout_becomes_an_error_result() -> None:
    beta, _ = build_beta()
    specs = {"beta": UpstreamSpec(name="beta", transport="memory", toolTimeouts={"sleepy": 0.2})}
    inbox = Inbox()
    async with gateway_for({"beta": beta}, specs=specs) as gateway:
        async with downstream(gateway, inbox) as client:
            result = await client.call_tool("beta.sleepy", {"seconds": 3})
            still_fine = await client.call_tool("beta.add", {"a": 1, "b": 1})
        stats = gateway.stats.snapshot()["upstreams"]["beta"]

    payload = result.structuredContent or {}
    assert result.isError is True
    assert (payload["kind"], payload["code"]) == ("timeout", httpx.codes.REQUEST_TIMEOUT)
    assert "beta/sleepy failed (timeout)" in text_of(result)
    assert any("beta.sleepy: timeout" in text for text in inbox.log_text())
    assert still_fine.structuredContent == {"sum": 2}
    assert stats["timeouts"] == 1 and stats["lastError"]["code"] == 408


async def test_resource_and_prompt_errors_surface_as_protocol_errors() -> None:
    beta, _ = build_beta()
    failures: list[types.ErrorData] = []
    async with gateway_for({"alpha": build_alpha(), "beta": beta}) as gateway:
        async with downstream(gateway) as client:
            for attempt in (
                client.read_resource(AnyUrl(f"upstream://beta/{quote('ledger://accounts/99', safe='')}")),
                client.get_prompt("alpha.summarize", {"tone": "dry"}),
                client.read_resource(AnyUrl("beta+ledger://accounts/404")),
            ):
                try:
                    await attempt
                except McpError as exc:
                    failures.append(exc.error)

    missing, prompt, unknown = (f.message for f in failures)
    assert "no such ledger entry: ledger://accounts/99" in missing
    assert "alpha refused prompt summarize" in prompt and "topic" in prompt
    assert "Unknown resource" in unknown


async def test_disconnected_upstream_reports_unavailable() -> None:
    beta, _ = build_beta()
    async with gateway_for({"alpha": build_alpha(), "beta": beta}) as gateway:
        async with downstream(gateway) as client:
            await gateway.disconnect("beta")
            result = await client.call_tool("beta.add", {"a": 1, "b": 2})
            alive = await client.call_tool("alpha.echo", {"text": "still here"})
            status = await client.call_tool("gateway_status", {})

    payload, report = result.structuredContent or {}, status.structuredContent or {}
    assert result.isError is True
    assert (payload["kind"], payload["code"]) == ("unavailable", types.CONNECTION_CLOSED)
    assert text_of(alive) == "still here"
    assert {u["name"]: u["state"] for u in report["upstreams"]} == {"alpha": "ready", "beta": "down"}
