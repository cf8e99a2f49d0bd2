"""Resources, prompts and completions for the desk.

Some resources are interactive: reading the privacy acknowledgement or a
form's prefill asks the person at the kiosk before anything is returned.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from pydantic import AnyUrl
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from mcp import types
from mcp.server.elicitation import AcceptedElicitation
from mcp.server.fastmcp import Context
from mcp.server.fastmcp.prompts import base
from mcp.server.fastmcp.resources import FileResource, TextResource
from mcp.types import Completion, CompletionArgument, CompletionContext, PromptReference, ResourceTemplateReference

from intakedesk import ctxutil
from intakedesk.app import SETTINGS, mcp
from intakedesk.schemas import ConsentAck, SatisfactionSurvey
from intakedesk.state import IntakeState

DATA_DIR = Path(__file__).resolve().parent / "data"

PRIVACY_NOTICE = (
    "We keep your details for seven years as required by the records code. "
    "Only clinical staff involved in your care can read them."
)

mcp.add_resource(
    FileResource(
        uri=AnyUrl("clinic://info"),
        name="clinic_info",
        description="Opening hours and contact details",
        path=DATA_DIR / "clinic.json",
        mime_type="application/json",
    )
)
mcp.add_resource(
    TextResource(
        uri=AnyUrl("clinic://privacy-notice"),
        name="privacy_notice",
        title="Privacy notice",
        text=PRIVACY_NOTICE,
        mime_type="text/plain",
    )
)


@mcp.resource("forms://catalog", name="form_catalog", mime_type="application/json")
def form_catalog() -> str:
    """First page of the form catalog, sized for the kiosk screen."""
    ctx = mcp.get_context()
    state = ctx.request_context.lifespan_context
    return json.dumps(state.catalog.page(size=state.settings.page_size))


@mcp.resource("intake://queue", name="queue", mime_type="application/json")
async def waiting_queue() -> str:
    """Everyone currently waiting, most urgent first."""
    ctx = mcp.get_context()
    state: IntakeState = ctx.request_context.lifespan_context
    await ctx.debug(f"queue read by {ctxutil.kiosk_label()}")
    ordered = sorted(state.waiting(), key=lambda s: (s.status != "urgent", s.created_at))
    return json.dumps([{"submissionId": s.submission_id, "status": s.status} for s in ordered])


@mcp.resource("consent://acknowledgement", name="privacy_acknowledgement", mime_type="text/plain")
async def privacy_acknowledgement() -> str:
    """Shows the notice and records the patient's acknowledgement."""
    ctx = mcp.get_context()
    state = ctx.request_context.lifespan_context
    answer = await ctx.elicit(PRIVACY_NOTICE + "\n\nPlease confirm you have read this.", schema=ConsentAck)
    if isinstance(answer, AcceptedElicitation) and answer.data.agree:
        state.consents.append(answer.data.initials.upper())
        await ctx.info(f"privacy notice acknowledged by {answer.data.initials.upper()}")
        return f"Acknowledged by {answer.data.initials.upper()} at {time.strftime('%H:%M')}"
    return "Privacy notice not acknowledged."


@mcp.resource("intake://submissions/{submission_id}", name="submission", mime_type="application/json")
async def submission_record(submission_id: str, ctx: Context) -> str:
    """A single submission as the nurse station sees it."""
    state: IntakeState = ctx.request_context.lifespan_context
    sub = state.submissions.get(submission_id)
    if sub is None:
        raise ValueError(f"no submission {submission_id}")
    await ctx.debug(f"record {submission_id} opened (request {ctx.request_id})")
    return json.dumps(sub.as_record())


@mcp.resource("forms://{form_id}/prefill", name="form_prefill", mime_type="application/json")
async def form_prefill(form_id: str) -> str:
    """Ask the kiosk to fill in a form now and return the draft answers."""
    ctx = mcp.get_context()
    state = ctx.request_context.lifespan_context
    form = state.catalog.find(form_id)
    if form is None:
        raise ValueError(f"unknown form {form_id}")
    await ctx.info(f"prefilling {form_id} for request {ctx.request_id}")
    reply = await ctxutil.ask_form(form, f"Fill in {form.title} while you wait")
    draft: dict[str, Any] = {"formId": form_id, "action": reply.action}
    if reply.action == "accept" and reply.content:
        draft["answers"] = form.clean(dict(reply.content))
        state.drafts[form_id] = draft["answers"]
    return json.dumps(draft)


@mcp.resource("feedback://{visit}/survey", name="visit_survey", mime_type="text/plain")
async def visit_survey(visit: str, ctx: Context) -> str:
    """Optional exit survey, asked when the resource is opened."""
    result = await ctx.elicit(f"How was your {visit} visit?", schema=SatisfactionSurvey)
    if isinstance(result, AcceptedElicitation):
        stars = "*" * result.data.rating
        return f"{visit}: {stars} {result.data.comments or ''}".rstrip()
    return f"{visit}: no feedback ({result.action})"


@mcp.prompt(title="Triage handover")
def triage_handover(submission_id: str) -> list[base.Message]:
    """Hand a submission over to the triage nurse."""
    state = mcp.get_context().request_context.lifespan_context
    sub = state.submissions.get(submission_id)
    if sub is None:
        return [base.UserMessage(f"There is no submission {submission_id}; ask the desk to check the id.")]
    facts = "\n".join(f"- {key}: {value}" for key, value in sorted(sub.answers.items()))
    return [
        base.UserMessage(f"Patient {sub.patient or 'unknown'} ({sub.status}) filled {sub.form_id}:\n{facts}"),
        base.AssistantMessage("Understood. I will list red flags first, then routine items."),
        base.UserMessage("Go ahead."),
    ]


@mcp.completion()
async def complete_arguments(
    ref: PromptReference | ResourceTemplateReference,
    argument: CompletionArgument,
    context: CompletionContext | None,
) -> Completion | None:
    state: IntakeState = mcp.get_context().request_context.lifespan_context
    if isinstance(ref, ResourceTemplateReference) and argument.name == "form_id":
        options = [fid for fid in state.catalog.ids() if fid.startswith(argument.value)]
    elif argument.name == "submission_id":
        options = [sid for sid in sorted(state.submissions) if sid.startswith(argument.value)]
    else:
        return None
    return Completion(values=options[:5], total=len(options), hasMore=len(options) > 5)


@mcp._mcp_server.set_logging_level()
async def set_desk_level(level: types.LoggingLevel) -> None:
    ctx = mcp._mcp_server.request_context
    state: IntakeState = ctx.lifespan_context
    state.min_level = level


@mcp._mcp_server.subscribe_resource()
async def subscribe(uri: AnyUrl) -> None:
    ctx = mcp._mcp_server.request_context
    state: IntakeState = ctx.lifespan_context
    state.subscribers.setdefault(str(uri), set()).add(ctx.session)


@mcp._mcp_server.unsubscribe_resource()
async def unsubscribe(uri: AnyUrl) -> None:
    ctx = mcp._mcp_server.request_context
    state: IntakeState = ctx.lifespan_context
    state.subscribers.get(str(uri), set()).discard(ctx.session)


@mcp.custom_route("/healthz", methods=["GET"])
async def healthz(request: Request) -> Response:
    body = SETTINGS.describe()
    body["status"] = "ok"
    body["name"] = mcp.name
    body["http"] = {"path": mcp.settings.streamable_http_path, "sse": mcp.settings.sse_path}
    return JSONResponse(body)
