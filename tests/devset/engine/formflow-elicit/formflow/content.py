"""Resources, prompts and argument completion."""

from __future__ import annotations

import json
from typing import Any

from mcp.server.fastmcp import Context
from mcp.server.fastmcp.prompts import base
from mcp.server.fastmcp.resources import BinaryResource, TextResource
from mcp.types import (
    Completion,
    CompletionArgument,
    CompletionContext,
    PromptReference,
    ResourceTemplateReference,
)
from pydantic import AnyUrl

from formflow import badge
from formflow.app import mcp
from formflow.forms import FORM_TEMPLATES, TONES, describe_template, template_ids
from formflow.tools import current_state

HELP_TEXT = """# Formflow

* `start_signup` - three step sign-up wizard
* `quick_poll` - one multiple-choice question
* `forms://templates/{template_id}` - template definitions
"""

MAX_COMPLETIONS = 100

mcp.add_resource(
    TextResource(
        uri=AnyUrl("forms://help"),
        name="help",
        title="Formflow help",
        text=HELP_TEXT,
        mime_type="text/markdown",
    )
)
mcp.add_resource(
    BinaryResource(
        uri=AnyUrl("forms://assets/logo.png"),
        name="logo",
        data=badge.render_badge_png("formflow", width=32, height=32),
        mime_type="image/png",
    )
)


@mcp.resource("forms://catalog", name="catalog", mime_type="application/json")
def catalog() -> str:
    """All form templates with their step lists."""
    return json.dumps(
        [{"id": form_id, "title": t["title"], "steps": t["steps"]} for form_id, t in sorted(FORM_TEMPLATES.items())]
    )


@mcp.resource("forms://templates/{template_id}", mime_type="application/json")
def template(template_id: str) -> str:
    """One form template, including the fields asked at each step."""
    return json.dumps(describe_template(template_id))


@mcp.resource("forms://submissions/{submission_id}", mime_type="application/json")
async def submission(submission_id: str, ctx: Context) -> dict[str, Any]:
    """A stored submission."""
    state = ctx.request_context.lifespan_context
    record = state.submissions.get(submission_id)
    if record is None:
        raise ValueError(f"no submission {submission_id}")
    return record.model_dump(mode="json", by_alias=True)


# --- prompts ----------------------------------------------------------------------------


@mcp.prompt(title="Fill out a form")
def fill_out(form_id: str, tone: str = "friendly") -> list[base.Message]:
    """Prime the assistant to guide a user through a form."""
    template_info = describe_template(form_id)
    steps = ", ".join(template_info["steps"])
    return [
        base.UserMessage(f"I need to fill out the '{template_info['title']}' form."),
        base.AssistantMessage(f"Sure - it has these steps: {steps}. I'll keep a {tone} tone."),
        base.UserMessage("Start with the first step and ask me one question at a time."),
    ]


@mcp.prompt()
async def review_submission(submission_id: str, ctx: Context) -> list[base.Message]:
    """Ask the assistant to review one stored submission."""
    contents = await ctx.read_resource(f"forms://submissions/{submission_id}")
    body = "".join(c.content for c in contents if isinstance(c.content, str))
    return [
        base.UserMessage(f"Please review this submission and flag anything unusual:\n{body}"),
        base.AssistantMessage("Reviewing now. I'll check required fields first."),
    ]


# --- completion -------------------------------------------------------------------------


def _complete(candidates: list[str], partial: str) -> Completion:
    matches = [c for c in candidates if c.startswith(partial)]
    return Completion(values=matches[:MAX_COMPLETIONS], total=len(matches), hasMore=len(matches) > MAX_COMPLETIONS)


@mcp.completion()
async def complete_argument(
    ref: PromptReference | ResourceTemplateReference,
    argument: CompletionArgument,
    context: CompletionContext | None,
) -> Completion | None:
    if isinstance(ref, ResourceTemplateReference):
        if ref.uri == "forms://templates/{template_id}" and argument.name == "template_id":
            return _complete(template_ids(), argument.value)
        if ref.uri == "forms://submissions/{submission_id}" and argument.name == "submission_id":
            return _complete(sorted(current_state().submissions), argument.value)
        return None
    if ref.name == "fill_out":
        if argument.name == "form_id":
            return _complete(template_ids(), argument.value)
        if argument.name == "tone":
            chosen = (context.arguments or {}).get("form_id") if context else None
            tones: list[str] = list(TONES) if chosen != "support-ticket" else ["formal", "terse"]
            return _complete(tones, argument.value)
    if ref.name == "review_submission" and argument.name == "submission_id":
        return _complete(sorted(current_state().submissions), argument.value)
    return None
