from __future__ import annotations

import json
import sys
from pathlib import Path

import anyio
from mcp import ClientSession
from mcp.shared.memory import create_client_server_memory_streams
from mcp.types import LATEST_PROTOCOL_VERSION, TextContent, TextResourceContents
from pydantic import AnyUrl

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import Recorder, answer_with, make_deck, open_session  # noqa: E402

from opsdeck.client import DeckClient, auto_confirm, text_of  # noqa: E402


async def test_initialize_reports_identity() -> None:
    deck = make_deck()
    server = deck.mcp._mcp_server
    async with create_client_server_memory_streams() as (client_streams, server_streams):
        async with anyio.create_task_group() as tg:
            tg.start_soon(lambda: server.run(*server_streams, server.create_initialization_options()))
            async with ClientSession(*client_streams) as session:
                init = await session.initialize()
                assert init.serverInfo.name == "opsdeck"
                assert init.serverInfo.websiteUrl == "https://opsdeck.internal"
                assert init.serverInfo.icons and init.serverInfo.icons[0].mimeType == "image/svg+xml"
                assert init.protocolVersion == LATEST_PROTOCOL_VERSION
                assert init.instructions and init.instructions.startswith("opsdeck gives read access")
                caps = session.get_server_capabilities()
                assert caps is not None and caps.tools is not None and caps.prompts is not None
                assert caps.resources is not None and caps.resources.subscribe is False
            tg.cancel_scope.cancel()


async def test_tool_catalog_annotations() -> None:
    deck = make_deck()
    async with open_session(deck) as session:
        catalog = await DeckClient(session).catalog()
        snapshot = json.loads(await DeckClient(session).snapshot())
    assert {"list_pods", "rollout_restart", "tail_logs", "deck_info"} <= set(catalog)
    assert catalog["list_pods"]["readOnly"] and not catalog["list_pods"]["destructive"]
    assert catalog["rollout_restart"]["destructive"]
    assert catalog["list_pods"]["inputSchema"]["required"] == ["namespace"]
    assert catalog["get_deployment"]["hasOutputSchema"]
    assert not catalog["tail_logs"]["hasOutputSchema"]
    assert catalog["pipeline_status"]["icons"] == ["image/png"]
    assert catalog["scale_deployment"]["title"] == "Scale deployment"

    by_name = {entry["name"]: entry for entry in snapshot}
    assert by_name["get_deployment"]["outputSchema"]["required"][0] == "namespace"
    assert by_name["silence_alert"]["inputSchema"]["properties"]["minutes"]["default"] == 30
    assert by_name["list_pods"]["annotations"] == {"readOnlyHint": True, "openWorldHint": False}

    tools = {t.name: t for t in await deck.mcp.list_tools()}
    assert tools["rerun_pipeline"].outputSchema is not None
    assert "ctx" not in tools["rerun_pipeline"].inputSchema["properties"]


async def test_list_pods_pages_with_cursor() -> None:
    deck = make_deck(page_size=2)
    seen: list[str] = []
    async with open_session(deck) as session:
        client = DeckClient(session)
        cursor = None
        pages = 0
        while True:
            args = {"namespace": "payments"} if cursor is None else {"namespace": "payments", "cursor": cursor}
            page = await client.structured("list_pods", args)
            seen += [pod["name"] for pod in page["pods"]]
            pages += 1
            cursor = page["next_cursor"]
            if cursor is None:
                break
        bad = await session.call_tool("list_pods", {"namespace": "payments", "cursor": "!!"})
    assert pages == 3 and len(seen) == 5
    assert "fraud-scorer-7d9f1" in seen
    assert bad.isError and "malformed cursor" in text_of(bad.content)


async def test_scale_rejects_bad_input() -> None:
    deck = make_deck()
    async with open_session(deck) as session:
        too_many = await session.call_tool(
            "scale_deployment", {"namespace": "payments", "name": "ledger-api", "replicas": 99}
        )
        missing = await session.call_tool("scale_deployment", {"namespace": "payments", "name": "nope", "replicas": 1})
        unknown = await session.call_tool("get_deployment", {"namespace": "payments", "name": "nope"})
    assert too_many.isError
    assert "replicas must be between 0 and 20" in text_of(too_many.content)
    assert missing.isError and "deployment payments/nope not found" in text_of(missing.content)
    assert unknown.isError and unknown.structuredContent is None
    assert deck.inventory.deployment("payments", "ledger-api").replicas == 3


async def test_scale_to_zero_requires_acknowledgement() -> None:
    deck = make_deck()
    async with open_session(deck, elicitation=answer_with("decline")) as session:
        refused = await session.call_tool(
            "scale_deployment", {"namespace": "payments", "name": "fraud-scorer", "replicas": 0}
        )
    assert refused.isError and "not acknowledged" in text_of(refused.content)
    assert deck.inventory.deployment("payments", "fraud-scorer").replicas == 2

    recorder = Recorder()
    async with open_session(deck, recorder, elicitation=auto_confirm("maintenance")) as session:
        result = await session.call_tool(
            "scale_deployment", {"namespace": "payments", "name": "fraud-scorer", "replicas": 0}
        )
        up = await session.call_tool("scale_deployment", {"namespace": "platform", "name": "ingress-gateway", "replicas": 4})
    assert not result.isError
    assert result.structuredContent == {
        "namespace": "payments",
        "name": "fraud-scorer",
        "image": "registry.local/fraud-scorer:0.9.3",
        "replicas": 0,
        "ready_replicas": 0,
        "healthy": True,
        "resource_uri": "ops://deployments/payments/fraud-scorer",
    }
    assert up.structuredContent is not None and up.structuredContent["ready_replicas"] == 4
    assert recorder.notifications.updated == [
        "ops://deployments/payments/fraud-scorer",
        "ops://deployments/platform/ingress-gateway",
    ]
    levels = [(p.level, p.logger) for p in recorder.logs]
    assert ("warning", "opsdeck.scale") in levels and ("info", "opsdeck.scale") in levels


async def test_rollout_restart_confirmed() -> None:
    deck = make_deck()
    recorder = Recorder()
    confirm = answer_with("accept", confirm=True, reason="memory leak")
    async with open_session(deck, recorder, elicitation=confirm) as session:
        result = await session.call_tool(
            "rollout_restart",
            {"namespace": "payments", "name": "ledger-api"},
            progress_callback=recorder.on_progress,
            meta={"client_id": "oncall-bot"},
        )
        prompt = await session.get_prompt("postmortem", {"incident": "INC-77"})
    assert not result.isError and result.structuredContent is not None
    assert result.structuredContent["status"] == "restarted"
    assert len(result.structuredContent["restarted_pods"]) == 3
    assert [p[0] for p in recorder.progress] == [1.0, 2.0, 3.0]
    assert recorder.progress[-1][1] == 3.0 and recorder.progress[-1][2] == "restarted ledger-api-7d9f2"
    audit = [p for p in recorder.logs if p.logger == "opsdeck.audit"]
    assert audit and audit[0].level == "notice" and audit[0].data["reason"] == "memory leak"
    assert all(pod.restarts == 1 for pod in deck.inventory.pods_for("payments", "ledger-api").root)
    assert recorder.notifications.updated == ["ops://deployments/payments/ledger-api"]
    assert len(deck.webhook_calls) == 1
    assert json.loads(deck.webhook_calls[0].content)["fields"] == {"reason": "memory leak", "pods": 3}
    body = prompt.messages[0].content
    assert isinstance(body, TextContent) and "oncall-bot rollout_restart payments/ledger-api" in body.text


async def test_rollout_restart_declined() -> None:
    deck = make_deck()
    async with open_session(deck, elicitation=answer_with("accept", confirm=False, reason="wrong service")) as session:
        said_no = await session.call_tool("rollout_restart", {"namespace": "payments", "name": "ledger-api"})
    async with open_session(deck, elicitation=answer_with("cancel")) as session:
        dismissed = await session.call_tool("rollout_restart", {"namespace": "payments", "name": "ledger-api"})
    assert said_no.structuredContent == {
        "deployment": "ledger-api",
        "status": "declined",
        "restarted_pods": [],
        "reason": "wrong service",
    }
    assert dismissed.structuredContent is not None and dismissed.structuredContent["status"] == "cancelled"
    assert all(pod.restarts == 0 for pod in deck.inventory.pods_for("payments", "ledger-api").root)
    assert deck.webhook_calls == []


async def test_tail_logs_returns_call_tool_result() -> None:
    deck = make_deck()
    async with open_session(deck) as session:
        ok = await session.call_tool("tail_logs", {"pod": "ledger-api-7d9f0", "lines": 1})
        missing = await session.call_tool("tail_logs", {"pod": "ghost-0"})
    assert not ok.isError
    assert ok.structuredContent == {
        "pod": "ledger-api-7d9f0",
        "phase": "Running",
        "lines": ["2024-05-01T08:00:00+00:00 listening on :8080"],
    }
    assert ok.meta == {"opsdeck/node": "node-a"}
    assert missing.isError
    assert text_of(missing.content).startswith("no pod named 'ghost-0'")


async def test_rerun_pipeline_reports_progress() -> None:
    deck = make_deck()
    recorder = Recorder()
    async with open_session(deck, recorder) as session:
        before = await session.call_tool("pipeline_status", {"run_id": "run-481"})
        after = await session.call_tool(
            "rerun_pipeline", {"run_id": "run-481"}, progress_callback=recorder.on_progress
        )
        quiet = await session.call_tool("rerun_pipeline", {"run_id": "run-481"})
        unknown = await session.call_tool("rerun_pipeline", {"run_id": "run-0"})
    assert before.structuredContent is not None and before.structuredContent["status"] == "failed"
    assert after.structuredContent is not None and after.structuredContent["status"] == "passed"
    assert recorder.progress == [(1.0, 2.0, "test passed"), (2.0, 2.0, "deploy passed")]
    assert quiet.structuredContent is not None and quiet.structuredContent["status"] == "passed"
    assert unknown.isError and "unknown pipeline run run-0" in text_of(unknown.content)


async def test_silence_alert_notifies_subscribers() -> None:
    deck = make_deck()
    recorder = Recorder()
    async with open_session(deck, recorder) as session:
        await session.subscribe_resource(AnyUrl("ops://alerts/active"))
        result = await session.call_tool("silence_alert", {"alert_id": "ALRT-1042", "minutes": 45})
        listing = await session.read_resource(AnyUrl("ops://alerts/active"))
        await session.unsubscribe_resource(AnyUrl("ops://alerts/active"))
        await session.call_tool("silence_alert", {"alert_id": "ALRT-1043"})
    assert text_of(result.content) == "ALRT-1042 silenced until 08:45 UTC"
    assert recorder.notifications.updated == ["ops://alerts/active"]
    assert recorder.notifications.list_changed == 2
    assert [p.data for p in recorder.logs if p.level == "warning"][0].startswith("ALRT-1042 (fraud-scorer)")
    first = listing.contents[0]
    assert isinstance(first, TextResourceContents) and first.mimeType == "text/plain"
    assert "ALRT-1042" not in first.text and "ALRT-1043" in first.text


async def test_deck_info_and_logging_level() -> None:
    deck = make_deck(name="opsdeck-eu", stateless_http=True, json_response=True)
    async with open_session(deck) as session:
        await session.set_logging_level("debug")
        result = await session.call_tool("deck_info", {}, meta={"client_id": "dash-7"})
    info = result.structuredContent
    assert info is not None
    assert info["server"] == "opsdeck-eu" and info["cluster"] == "staging-eu1"
    assert info["stateless_http"] is True and info["json_response"] is True
    assert info["streamable_http_path"] == "/mcp"
    assert LATEST_PROTOCOL_VERSION in info["protocol_versions"]
    assert info["client_id"] == "dash-7" and info["log_level"] == "debug"
    assert info["request_id"].isdigit()
