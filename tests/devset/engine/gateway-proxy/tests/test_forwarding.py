"""Calls, reads and notifications travelling through the gateway."""

from __future__ import annotations

import base64
import json
from urllib.parse import quote

from pydantic import AnyUrl

import mcp.types as types

from tests.harness import Inbox, downstream, gateway_for, text_of
from tests.upstreams import LOGO, build_alpha, build_beta


async def test_call_is_forwarded_with_progress_and_upstream_logs() -> None:
    seen: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        seen.append((progress, total, message))

    inbox = Inbox()
    async with gateway_for({"alpha": build_alpha()}) as gateway:
        async with downstream(gateway, inbox) as client:
            result = await client.call_tool("alpha.slow_sum", {"values": [1, 2, 3]}, progress_callback=on_progress)
        stats = gateway.stats.snapshot()

    assert result.isError is False
    assert result.structuredContent == {"result": 6}
    assert text_of(result) == "6"
    assert seen == [(1, 3, "added 1"), (2, 3, "added 2"), (3, 3, "added 3")]
    assert "[alpha] sum of 3 values is 6" in inbox.log_text()
    assert any(text.startswith("forwarding alpha.slow_sum") for text in inbox.log_text())
    alpha = stats["upstreams"]["alpha"]
    assert (alpha["calls"], alpha["progressRelayed"], alpha["logsRelayed"]) == (1, 3, 1)


async def test_structured_results_from_a_lowlevel_upstream_pass_through() -> None:
    beta, _ = build_beta()
    async with gateway_for({"beta": beta}) as gateway:
        async with downstream(gateway) as client:
            result = await client.call_tool("beta.add", {"a": 2, "b": 3})

    assert not result.isError
    assert result.structuredContent == {"sum": 5}
    assert json.loads(text_of(result)) == {"sum": 5}


async def test_text_binary_and_passthrough_reads() -> None:
    beta, _ = build_beta()
    async with gateway_for({"alpha": build_alpha(), "beta": beta}) as gateway:
        async with downstream(gateway) as client:
            welcome = await client.read_resource(AnyUrl("alpha+memo://notes/welcome"))
            logo = await client.read_resource(AnyUrl("alpha+memo://notes/logo"))
            account = await client.read_resource(AnyUrl("beta+ledger://accounts/2"))
            raw = await client.read_resource(AnyUrl(f"upstream://beta/{quote('ledger://accounts/3', safe='')}"))

    text, blob = welcome.contents[0], logo.contents[0]
    assert isinstance(text, types.TextResourceContents) and text.text.startswith("# Welcome")
    assert text.mimeType == "text/markdown" and str(text.uri) == "alpha+memo://notes/welcome"
    assert isinstance(blob, types.BlobResourceContents) and blob.mimeType == "image/png"
    assert base64.b64decode(blob.blob) == LOGO
    for result, owner in ((account, "grace"), (raw, "linus")):
        entry = result.contents[0]
        assert isinstance(entry, types.TextResourceContents)
        assert json.loads(entry.text) == {"owner": owner}


async def test_resource_updates_reach_downstream_subscribers() -> None:
    beta, beta_state = build_beta()
    inbox = Inbox()
    public = AnyUrl("beta+ledger://accounts/1")
    async with gateway_for({"beta": beta}) as gateway:
        async with downstream(gateway, inbox) as client:
            await client.subscribe_resource(public)
            assert len(beta_state.subscribers["ledger://accounts/1"]) == 1
            await client.call_tool("beta.touch", {"uri": "ledger://accounts/1"})
            await client.call_tool("beta.touch", {"uri": "ledger://accounts/2"})

    updates = inbox.of_type(types.ResourceUpdatedNotification)
    assert [u.params.uri for u in updates] == [public]


async def test_upstream_tool_list_change_is_propagated() -> None:
    beta, beta_state = build_beta()
    inbox = Inbox()
    async with gateway_for({"beta": beta}) as gateway:
        async with downstream(gateway, inbox) as client:
            before = {t.name for t in (await client.list_tools()).tools}
            await client.call_tool("beta.enable_extra", {})
            assert gateway.upstreams["beta"].dirty
            after = {t.name for t in (await client.list_tools()).tools}
            extra = await client.call_tool("beta.extra", {})

    assert "beta.extra" not in before and "beta.extra" in after
    assert beta_state.extra_enabled and text_of(extra) == "extra!"
    assert len(inbox.of_type(types.ToolListChangedNotification)) == 1
