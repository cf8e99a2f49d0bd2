"""Intake tools: the conversational side of the front desk."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from mcp import types
from mcp.server.elicitation import AcceptedElicitation, CancelledElicitation, DeclinedElicitation
from mcp.server.fastmcp import Context
from mcp.server.fastmcp.exceptions import ToolError
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError
from mcp.shared.progress import ProgressContext
from mcp.types import INVALID_PARAMS, ErrorData, ToolAnnotations

from intakedesk import ctxutil
from intakedesk.app import mcp
from intakedesk.schemas import ConsentAck, ContactDetails, SymptomCheck, WithdrawReason
from intakedesk.state import IntakeState

DeskContext = Context[ServerSession, IntakeState]

READ_ONLY = ToolAnnotations(readOnlyHint=True, idempotentHint=True, openWorldHint=False)
WRITES = ToolAnnotations(readOnlyHint=False, destructiveHint=False, openWorldHint=False)


@mcp.tool(title="Start intake", annotations=WRITES)
async def start_intake(form_id: str, ctx: DeskContext) -> dict[str, Any]:
    """Greet an arriving patient, then ask for contact details and symptoms."""
    state = ctx.request_context.lifespan_context
    form = state.catalog.find(form_id)
    if form is None:
        raise ToolError(f"No form called {form_id!r}; try one of {', '.join(state.catalog.ids())}")

    await ctx.info(f"Starting {form.title} for {ctxutil.kiosk_label()}")
    await ctx.report_progress(0, 3, message="contact details")

    contact = await ctx.elicit("Welcome! Who are we seeing today?", schema=ContactDetails)
    match contact:
        case AcceptedElicitation(data=details):
            patient = details
        case DeclinedElicitation():
            await ctx.warning("Patient declined to share contact details")
            return {"status": "declined", "formId": form_id, "step": "contact"}
        case CancelledElicitation():
            return {"status": "cancelled", "formId": form_id, "step": "contact"}

    await ctx.report_progress(1, 3, message="symptoms")
    symptoms = await ctx.elicit(f"Thanks {patient.full_name}. What brings you in?", schema=SymptomCheck)
    if not isinstance(symptoms, AcceptedElicitation):
        await ctx.log(level="warning", message="symptom check skipped", logger_name="intake.triage")
        return {"status": symptoms.action, "formId": form_id, "step": "symptoms"}

    triage = symptoms.data
    answers: dict[str, Any] = {**patient.model_dump(), **triage.model_dump()}
    sub = state.new_submission(form_id, answers, patient=patient.full_name)
    if triage.severity >= 8 or (triage.fever and triage.severity >= 5):
        sub.status = "urgent"
        await ctx.error(f"Urgent triage for {patient.full_name}: {triage.chief_complaint}")

    await ctx.report_progress(2, 3, message="filing")
    await ctxutil.touch("intake://queue")
    await ctx.report_progress(3, 3, message="done")
    await ctx.debug(f"filed {sub.submission_id} with {len(answers)} answers")
    return {
        "status": sub.status,
        "formId": form_id,
        "submissionId": sub.submission_id,
        "patient": patient.full_name,
        "allergies": triage.allergies,
    }


@mcp.tool(annotations=WRITES)
async def collect_form(form_id: str, on_behalf_of: str | None = None) -> str:
    """Hand a catalog form to the kiosk and file the answers."""
    ctx = mcp.get_context()
    state = ctx.request_context.lifespan_context
    form = state.catalog.find(form_id)
    if form is None:
        raise ToolError(f"Unknown form {form_id!r}")

    await ctxutil.step(0, 2, f"sending {form.title}")
    who = f" for {on_behalf_of}" if on_behalf_of else ""
    reply = await ctxutil.ask_form(form, f"Please fill in: {form.title}{who}")
    if reply.action != "accept" or reply.content is None:
        verb = {"decline": "declined", "cancel": "dismissed"}.get(reply.action, reply.action)
        await ctxutil.announce(f"{form_id} was {verb} at the kiosk", level="notice")
        return f"{form.title}: nothing filed ({reply.action})"

    try:
        cleaned = form.clean(dict(reply.content))
    except ValueError as exc:
        await ctxutil.announce(str(exc), level="warning")
        raise ToolError(str(exc)) from exc

    await ctxutil.step(1, 2, "filing answers")
    sub = state.new_submission(form_id, cleaned, patient=on_behalf_of)
    await ctx.session.send_notification(
        types.ServerNotification(types.ResourceListChangedNotification()),
        related_request_id=ctx.request_id,
    )
    await ctxutil.touch("intake://queue")
    await ctxutil.step(2, 2, "filed")
    return f"{form.title}: filed as {sub.submission_id}"


@mcp.tool(title="Verify insurance", annotations=WRITES)
async def verify_insurance(submission_id: str, insurer: str, ctx: DeskContext) -> str:
    """Send the patient to the insurer's portal; card numbers never pass through chat."""
    state = ctx.request_context.lifespan_context
    sub = state.submissions.get(submission_id)
    if sub is None:
        raise McpError(ErrorData(code=INVALID_PARAMS, message=f"unknown submission {submission_id}"))

    elicitation_id = f"ins-{submission_id}"
    url = f"{state.settings.portal_base_url}/{insurer.lower()}?ref={submission_id}"
    outcome = await ctx.elicit_url(
        message=f"Open the {insurer} portal to confirm coverage",
        url=url,
        elicitation_id=elicitation_id,
    )
    if outcome.action != "accept":
        ctxutil.record_note(submission_id, "insurance portal skipped", insurer=insurer)
        return f"Insurance check for {submission_id} skipped ({outcome.action})"

    sub.notes.append(f"insurance verified via {insurer}")
    await ctx.session.send_elicit_complete(elicitation_id, related_request_id=ctx.request_id)
    return f"Insurance for {submission_id} verified with {insurer}"


@mcp.tool(annotations=WRITES)
async def confirm_visit(submission_id: str, ctx: DeskContext) -> str:
    """Ask for treatment consent before the submission goes to the nurse."""
    state = ctx.request_context.lifespan_context
    sub = state.submissions.get(submission_id)
    if sub is None:
        raise McpError(ErrorData(code=INVALID_PARAMS, message=f"unknown submission {submission_id}"))
    answer = await ctx.elicit("Do you consent to today's examination?", schema=ConsentAck)
    if isinstance(answer, AcceptedElicitation) and answer.data.agree:
        sub.status = "confirmed"
        state.consents.append(answer.data.initials.upper())
        await ctxutil.touch(f"intake://submissions/{submission_id}")
        return f"{submission_id} confirmed ({answer.data.initials.upper()})"
    raise ToolError(f"Consent not given for {submission_id}")


@mcp.tool(annotations=WRITES)
async def withdraw(submission_id: str) -> str:
    """Cancel a visit; asks the patient why so the desk can follow up."""
    ctx = mcp.get_context()
    state: IntakeState = ctx.request_context.lifespan_context
    sub = state.submissions.get(submission_id)
    if sub is None:
        raise McpError(ErrorData(code=INVALID_PARAMS, message=f"unknown submission {submission_id}"))
    reason = await ctx.elicit("Sorry to see you go - may we ask why?", schema=WithdrawReason)
    sub.status = "withdrawn"
    if isinstance(reason, AcceptedElicitation):
        sub.notes.append(f"withdrawn: {reason.data.reason}")
        if reason.data.rebook:
            sub.notes.append("call back to rebook")
    await ctxutil.touch("intake://queue")
    return f"{submission_id} withdrawn"


@mcp.tool(annotations=WRITES)
async def bulk_check_in(submission_ids: list[str]) -> str:
    """Mark several submissions as arrived, reporting progress as we go."""
    ctx = mcp.get_context()
    state = ctx.request_context.lifespan_context
    token = ctxutil.progress_token()
    tracker = ProgressContext(ctx.session, token, total=len(submission_ids)) if token is not None else None
    done: list[str] = []
    for sid in submission_ids:
        sub = state.submissions.get(sid)
        if sub is not None and sub.status != "withdrawn":
            sub.status = "arrived"
            done.append(sid)
        if tracker is not None:
            await tracker.progress(1, message=sid)
    return f"checked in {len(done)} of {len(submission_ids)}"


@mcp.tool(annotations=READ_ONLY, structured_output=True)
def queue_snapshot() -> dict[str, Any]:
    """How many people are waiting, stamped with the event-loop clock."""
    state = mcp.get_context().request_context.lifespan_context
    loop = asyncio.get_running_loop()
    waiting = state.waiting()
    return {
        "waiting": len(waiting),
        "urgent": sum(1 for s in state.submissions.values() if s.status == "urgent"),
        "ids": [s.submission_id for s in waiting],
        "loopTime": round(loop.time(), 3),
    }


@mcp.tool(annotations=READ_ONLY)
async def desk_status(ctx: DeskContext) -> str:
    """Who is this server and who is asking."""
    state = ctx.request_context.lifespan_context
    return json.dumps(
        {
            "server": ctx.fastmcp.name,
            "instructions": bool(ctx.fastmcp.instructions),
            "clientId": ctx.client_id,
            "requestId": ctx.request_id,
            "kiosk": state.label_for(ctx.session),
            "forms": len(state.catalog.root),
        }
    )


@mcp.tool(annotations=READ_ONLY)
async def summarize_submission(submission_id: str, ctx: DeskContext) -> str:
    """Read a submission back through its resource and summarise it for staff."""
    contents = list(await ctx.read_resource(f"intake://submissions/{submission_id}"))
    if not contents:
        raise ToolError(f"{submission_id} has no content")
    body = contents[0].content
    record = json.loads(body if isinstance(body, str) else body.decode())
    await ctx.log(level="debug", message=f"summarising {submission_id}", logger_name="intake.summary")
    answers = record.get("answers", {})
    keys = ", ".join(sorted(answers)) or "no answers"
    return f"{record['submissionId']} [{record['status']}] {record.get('patient') or 'anonymous'}: {keys}"
