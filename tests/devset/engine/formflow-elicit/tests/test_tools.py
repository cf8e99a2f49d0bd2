"""Tool metadata, images, request identity, destructive tools, roots and URL elicitation."""

from __future__ import annotations

import base64
from pathlib import Path
from tempfile import TemporaryDirectory

from formflow.autofill import ScriptedAnswer, ScriptedResponder
from formflow.badge import png_dimensions
from formflow.client import snapshot, text_of
from tests.harness import ProgressLog, connect


async def test_tool_listing_metadata() -> None:
    async with connect() as client:
        tools = await client.tools()
        poll_fields = await client.input_fields("quick_poll")
        signup_out = await client.output_schema("start_signup")

    assert {"start_signup", "quick_poll", "wizard_status", "delete_submission", "render_badge"} <= set(tools)
    signup = tools["start_signup"]
    assert signup.title == "Sign up"
    assert signup.annotations is not None and signup.annotations.destructiveHint is False
    assert signup.inputSchema["properties"] == {}
    status = tools["wizard_status"].annotations
    assert status is not None and status.readOnlyHint and status.idempotentHint
    delete = tools["delete_submission"].annotations
    assert delete is not None and delete.destructiveHint is True
    assert poll_fields == ["options", "question"]
    assert signup_out is not None and "wizard_id" in signup_out["properties"]


async def test_render_badge_returns_png_image() -> None:
    progress = ProgressLog()
    async with connect() as client:
        mime, data = await client.image("render_badge", {"form_id": "signup"})
        result = await client.call("render_badge", {"form_id": "signup"}, on_progress=progress)
        unknown = await client.call("render_badge", {"form_id": "nope"})

    assert mime == "image/png"
    assert png_dimensions(base64.b64decode(data)) == (64, 20)
    assert result.content[0].type == "image"
    assert progress.events == [(0.5, 1.0, "rendering")]
    assert unknown.isError and "unknown form 'nope'" in text_of(unknown.content)


async def test_whoami_reports_request_and_client_ids() -> None:
    async with connect() as client:
        tagged = await client.call_structured("whoami", client_id="kiosk-7")
        untagged = await client.call_structured("whoami")

    assert tagged["client_id"] == "kiosk-7"
    assert tagged["request_id"].isdigit()
    assert tagged["server"] == "formflow"
    assert untagged["client_id"] is None
    assert int(untagged["request_id"]) > int(tagged["request_id"])


async def test_delete_submission_confirms_first() -> None:
    responder = ScriptedResponder(
        [ScriptedAnswer("decline"), ScriptedAnswer.accept(confirm=True, note="gdpr request")]
    )
    async with connect(responder) as client:
        unknown = await client.call("delete_submission", {"submission_id": "sub-9999"})
        kept = await client.call("delete_submission", {"submission_id": "sub-0001"})
        deleted = await client.call("delete_submission", {"submission_id": "sub-0001"})
        again = await client.call("delete_submission", {"submission_id": "sub-0001"})

    assert unknown.isError and "unknown submission sub-9999" in text_of(unknown.content)
    assert text_of(kept.content) == "kept sub-0001"
    assert text_of(deleted.content) == "deleted sub-0001"
    assert again.isError
    assert "deleted sub-0001 (gdpr request)" in responder.log_messages("warning")
    assert len(responder.seen) == 2


async def test_workspace_roots_filters_form_folders() -> None:
    with TemporaryDirectory() as tmp:
        forms_dir = Path(tmp, "forms-archive")
        other_dir = Path(tmp, "photos")
        responder = ScriptedResponder(roots=[forms_dir, other_dir])
        async with connect(responder) as client:
            found = await client.call_structured("workspace_roots")

    assert found == {"result": [forms_dir.resolve().as_uri()]}
    assert "1 of 2 roots are form folders" in responder.log_messages("info")


async def test_connect_billing_uses_url_elicitation() -> None:
    responder = ScriptedResponder()
    async with connect(responder) as client:
        result = await client.call("connect_billing", {"plan": "team"})
        bad = await client.call("connect_billing", {"plan": "platinum"})

    assert text_of(result.content) == "billing connected for team"
    [(elicitation_id, url)] = responder.visited_urls
    assert url.endswith(f"plan=team&ref={elicitation_id}")
    assert responder.seen[0].mode == "url"
    assert "notifications/elicitation/complete" in responder.notifications
    assert bad.isError


async def test_logging_level_and_snapshot() -> None:
    responder = ScriptedResponder()
    async with connect(responder) as client:
        await client.session.set_logging_level("debug")
        result = await client.call("whoami")

    assert ("notice", "formflow", "log level set to debug") in responder.logs
    data = snapshot(result)
    assert data["isError"] is False
    assert data["structuredContent"]["server"] == "formflow"
    assert data["content"][0]["type"] == "text"
