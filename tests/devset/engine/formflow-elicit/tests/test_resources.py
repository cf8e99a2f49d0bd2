"""Resources, resource templates, prompts and completions."""

from __future__ import annotations

import base64

from mcp.shared.exceptions import McpError
from mcp.types import TextContent
from pydantic import AnyUrl

from formflow.badge import png_dimensions
from tests.harness import connect


async def test_listing_and_reading_resources() -> None:
    async with connect() as client:
        uris = await client.resource_uris()
        hosts = await client.resource_hosts()
        templates = await client.templates()
        catalog = await client.read_json("forms://catalog")
        [(logo_mime, logo)] = await client.read("forms://assets/logo.png")
        [(help_mime, help_text)] = await client.read("forms://help")

    assert uris == ["forms://assets/logo.png", "forms://catalog", "forms://help"]
    assert hosts == {"assets", "catalog", "help"}
    assert templates == ["forms://submissions/{submission_id}", "forms://templates/{template_id}"]
    assert [entry["id"] for entry in catalog] == ["feedback", "signup", "support-ticket", "survey-q3"]
    assert logo_mime == "image/png"
    assert isinstance(logo, bytes) and png_dimensions(base64.b64decode(logo)) == (32, 32)
    assert help_mime == "text/markdown" and isinstance(help_text, str) and help_text.startswith("# Formflow")


async def test_submission_template_and_missing_resource() -> None:
    async with connect() as client:
        record = await client.read_json("forms://submissions/sub-0001")
        try:
            await client.session.read_resource(AnyUrl("forms://submissions/sub-4242"))
        except McpError as exc:
            error = exc.error
        else:
            raise AssertionError("expected McpError")

    assert record["submissionId"] == "sub-0001"
    assert record["formId"] == "feedback"
    assert record["answers"]["rating"]["score"] == 4
    assert "sub-4242" in error.message
    assert error.code == 0 and error.data is None


async def test_prompts_render_user_and_assistant_messages() -> None:
    async with connect() as client:
        fill = await client.session.get_prompt("fill_out", {"form_id": "signup", "tone": "formal"})
        review = await client.session.get_prompt("review_submission", {"submission_id": "sub-0001"})
        listing = await client.session.list_prompts()

    assert [m.role for m in fill.messages] == ["user", "assistant", "user"]
    second = fill.messages[1].content
    assert isinstance(second, TextContent)
    assert "contact, plan, confirm" in second.text and "formal" in second.text
    assert [m.role for m in review.messages] == ["user", "assistant"]
    first = review.messages[0].content
    assert isinstance(first, TextContent) and "sub-0001" in first.text
    titles = {p.name: p.title for p in listing.prompts}
    assert titles["fill_out"] == "Fill out a form"
    args = {p.name: [a.name for a in p.arguments or []] for p in listing.prompts}
    assert args["review_submission"] == ["submission_id"]


async def test_argument_completion() -> None:
    async with connect() as client:
        forms = await client.complete_prompt("fill_out", "form_id", "s")
        tones = await client.complete_prompt("fill_out", "tone", "", form_id="support-ticket")
        all_tones = await client.complete_prompt("fill_out", "tone", "f")
        templates, more = await client.complete_template("forms://templates/{template_id}", "template_id", "")
        subs, _ = await client.complete_template("forms://submissions/{submission_id}", "submission_id", "sub-")
        nothing = await client.complete_prompt("review_submission", "submission_id", "zzz")

    assert forms == ["signup", "support-ticket", "survey-q3"]
    assert tones == ["formal", "terse"]
    assert all_tones == ["friendly", "formal"]
    assert templates == ["feedback", "signup", "support-ticket", "survey-q3"] and more is False
    assert subs == ["sub-0001"]
    assert nothing == []
