"""Prompt templates agents use when working tickets."""

from __future__ import annotations

import json

from mcp.server.fastmcp import Context
from mcp.server.fastmcp.prompts import base
from mcp.server.fastmcp.prompts.base import AssistantMessage, Message, UserMessage
from mcp.types import EmbeddedResource, TextContent, TextResourceContents
from pydantic import AnyUrl

from .app import DeskState, mcp
from .resources import DATA_DIR, load_macros
from .store import TicketNotFound

TONES = {
    "friendly": "Warm, plain language, first names.",
    "formal": "Polite and precise; no contractions.",
    "brief": "Two sentences at most.",
}


def _sla_targets() -> dict[str, dict[str, int]]:
    return json.loads((DATA_DIR / "sla.json").read_text(encoding="utf-8"))["targets"]


@mcp.prompt(title="Triage a ticket")
def triage_ticket(ticket_id: str, ctx: Context) -> list[base.Message]:
    """Ask the model to classify and prioritise a ticket."""
    state: DeskState = ctx.request_context.lifespan_context
    try:
        ticket = state.store.get(int(ticket_id))
    except (TicketNotFound, ValueError):
        return [base.UserMessage(f"Ticket {ticket_id} does not exist. Say so and stop.")]
    targets = _sla_targets()[ticket.priority]
    return [
        base.UserMessage(
            f"Triage ticket #{ticket.id} in the {ticket.queue} queue.\n"
            f"Subject: {ticket.subject}\n\n{ticket.body}\n\n"
            f"Current priority: {ticket.priority} (first response within "
            f"{targets['firstResponseMinutes']} minutes)."
        ),
        base.AssistantMessage("I'll check the subject and body against the queue's known issues first."),
        base.UserMessage("Reply with: category, suggested priority, and one next action."),
    ]


@mcp.prompt(title="Escalation note")
def escalation_note(ticket_id: str, reason: str, ctx: Context) -> list[Message]:
    """Draft an escalation note with the ticket record attached."""
    state: DeskState = ctx.request_context.lifespan_context
    snapshot = state.store.snapshot(int(ticket_id))
    record = EmbeddedResource(
        type="resource",
        resource=TextResourceContents(
            uri=AnyUrl(f"tickets://{snapshot['queue']}/{snapshot['id']}"),
            mimeType="application/json",
            text=json.dumps(snapshot, sort_keys=True),
        ),
    )
    return [
        Message(
            role="user",
            content=TextContent(type="text", text=f"Write an escalation note for ticket #{ticket_id}. Reason: {reason}"),
        ),
        Message(role="user", content=record),
        Message(role="assistant", content=TextContent(type="text", text="Understood. Drafting the note now.")),
    ]


@mcp.prompt()
def customer_reply(requester: str, tone: str = "friendly", macro: str = "greeting") -> list[Message]:
    """Start a customer reply from a macro in the requested tone."""
    style = TONES.get(tone, TONES["friendly"])
    opening = load_macros().get(macro, "").format(requester=requester, queue="support", sla="one business day")
    return [
        UserMessage(f"Write a reply to {requester}. Style: {style}"),
        AssistantMessage(opening or f"Hi {requester},"),
    ]


@mcp.prompt()
def handover(queue: str) -> str:
    """Summarise a queue for the next shift."""
    return f"Summarise the open tickets in the {queue} queue for the next shift, most urgent first."
