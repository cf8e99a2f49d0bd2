from __future__ import annotations

import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from harness import CONTACT, SYMPTOMS, desk, tapped_desk  # noqa: E402

from pydantic import AnyUrl  # noqa: E402

from mcp import types  # noqa: E402

from intakedesk.audit import AuditLog, export_lines, notification_kind, render_blocks, result_record, tool_manifest  # noqa: E402
from intakedesk.kiosk import AnswerBook  # noqa: E402


async def test_relay_records_every_frame_of_an_intake() -> None:
    audit = AuditLog()
    answers = AnswerBook({"ContactDetails": CONTACT, "SymptomCheck": SYMPTOMS})
    async with tapped_desk(audit, answers) as (kiosk, init):
        await kiosk.call("start_intake", {"form_id": "new-patient"})

    assert init.serverInfo.name == "clinic-intake"
    assert init.instructions is not None and init.instructions.startswith("You are the front desk")
    assert init.capabilities.resources is not None
    assert audit.requests["initialize"] == 1
    assert audit.requests["tools/call"] == 1
    assert audit.requests["elicitation/create"] == 2
    assert audit.notifications["notifications/initialized"] == 1
    assert audit.notifications["notifications/message"] >= 1
    first = json.loads(audit.frames[0])
    assert first["method"] == "initialize"
    assert first["params"]["clientInfo"]["name"] == "mcp"


def test_replay_skips_frames_that_do_not_parse() -> None:
    audit = AuditLog()
    lines = [
        '{"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": "desk_status"}}',
        '{"jsonrpc": "2.0", "method": "notifications/progress", "params": {"progressToken": 1, "progress": 1}}',
        '{"jsonrpc": "2.0", "id": 2, "error": {"code": -32602, "message": "unknown submission"}}',
        '{"jsonrpc": "2.0", "id": null, "error": {"code": -32700, "message": "Parse error"}}',
        "",
        "not json",
    ]
    loaded = audit.replay(lines)

    assert loaded == 3
    assert audit.requests == {"tools/call": 1}
    assert audit.notifications == {"notifications/progress": 1}
    assert audit.errors == [(2, -32602, "unknown submission")]


def test_notification_kind_from_raw_payloads() -> None:
    assert notification_kind({"method": "notifications/resources/updated", "params": {"uri": "intake://queue"}}) == (
        "ResourceUpdatedNotification"
    )
    assert notification_kind({"method": "notifications/elicitation/complete", "params": {"elicitationId": "x"}}) == (
        "ElicitCompleteNotification"
    )


async def test_manifest_and_result_records_keep_advertised_field_names() -> None:
    async with desk() as kiosk:
        tools = await kiosk.tools()
        result = await kiosk.session.call_tool("queue_snapshot", {})

    manifest = {entry["name"]: entry for entry in tool_manifest(tools)}
    snap = manifest["queue_snapshot"]
    assert set(snap) >= {"name", "inputSchema", "outputSchema", "annotations", "description"}
    assert snap["annotations"] == {"readOnlyHint": True, "idempotentHint": True, "openWorldHint": False}
    assert manifest["start_intake"]["title"] == "Start intake"

    record = result_record("queue_snapshot", result)
    assert record["isError"] is False
    assert record["structuredContent"]["waiting"] == 0
    line = json.loads(export_lines([record]))
    assert line["tool"] == "queue_snapshot"
    assert json.loads(record["text"])["urgent"] == 0


def test_render_blocks_handles_mixed_content() -> None:
    blocks: list[types.Content] = [
        types.TextContent(type="text", text="Queue is short"),
        types.ImageContent(type="image", data="aGk=", mimeType="image/png"),
        types.EmbeddedResource(
            type="resource",
            resource=types.TextResourceContents(uri=AnyUrl("intake://queue"), mimeType="application/json", text="[]"),
        ),
    ]
    assert render_blocks(blocks) == "Queue is short\n[image image/png]\n[resource intake://queue]"
