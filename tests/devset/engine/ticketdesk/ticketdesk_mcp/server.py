from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Literal

from mcp.server.fastmcp import Context, FastMCP, Image
from mcp.server.fastmcp.exceptions import ToolError
from mcp.server.fastmcp.prompts import base
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError
from mcp.types import INVALID_PARAMS, EmbeddedResource, ErrorData, SamplingMessage, TextContent, ToolAnnotations
from pydantic import BaseModel, Field

from .api import TicketDeskAPIError, TicketDeskClient
from .formatting import stats_json, ticket_blocks, ticket_markdown

log = logging.getLogger("ticketdesk_mcp")


@dataclass
class AppContext:
    api: TicketDeskClient
    teams: list[str]
    default_team: str


@asynccontextmanager
async def app_lifespan(server: FastMCP) -> AsyncIterator[AppContext]:
    api = TicketDeskClient.from_env()
    try:
        teams = await api.teams()
        yield AppContext(api=api, teams=teams, default_team=os.environ.get("TICKETDESK_DEFAULT_TEAM", teams[0]))
    finally:
        await api.aclose()


mcp = FastMCP(
    "TicketDesk",
    "Tools for triaging TicketDesk support tickets. Confirm with the user before closing tickets.",
    lifespan=app_lifespan,
    dependencies=["httpx", "python-dateutil"],
    host=os.environ.get("TICKETDESK_MCP_HOST", "127.0.0.1"),
    port=int(os.environ.get("TICKETDESK_MCP_PORT", "8765")),
    json_response=True,
)

TicketCtx = Context[ServerSession, AppContext]


class TicketSummary(BaseModel):
    id: str
    subject: str
    status: str


class ConfirmClose(BaseModel):
    confirm: bool = Field(description="Close all listed tickets?")
    resolution_note: str = Field(default="", description="Note added to each ticket")


def _api(ctx: TicketCtx) -> TicketDeskClient:
    return ctx.request_context.lifespan_context.api


def _current_team() -> str:
    ctx = mcp.get_context()
    app: AppContext = ctx.request_context.lifespan_context
    return app.default_team


@mcp.tool(annotations=ToolAnnotations(title="Search tickets", readOnlyHint=True, openWorldHint=True))
async def search_tickets(
    query: str,
    ctx: TicketCtx,
    status: Literal["open", "pending", "solved", "any"] = "open",
    limit: int = 20,
) -> list[TicketSummary]:
    """Full-text search over tickets."""
    await ctx.debug(f"searching for {query!r}", status=status)
    tickets = await _api(ctx).search(query, status, limit)
    return [TicketSummary(id=t.id, subject=t.subject, status=t.status) for t in tickets]


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True))
async def get_ticket(ticket_id: str, ctx: TicketCtx) -> list[TextContent | EmbeddedResource]:
    """Fetch a ticket with its text attachments."""
    try:
        ticket = await _api(ctx).get(ticket_id)
    except TicketDeskAPIError as exc:
        if exc.status_code == 404:
            raise McpError(ErrorData(code=INVALID_PARAMS, message=f"No ticket {ticket_id}"))
        raise ToolError(str(exc)) from exc
    await ctx.log(level="info", message=f"fetched {ticket_id}", logger_name="ticketdesk.audit")
    return list(ticket_blocks(ticket))


@mcp.tool(annotations=ToolAnnotations(destructiveHint=False, idempotentHint=True))
async def assign_ticket(ticket_id: str, team: str, ctx: TicketCtx, assignee: str | None = None) -> str:
    app = ctx.request_context.lifespan_context
    if team not in app.teams:
        raise McpError(ErrorData(code=INVALID_PARAMS, message=f"Unknown team {team!r}", data={"teams": app.teams}))
    log.info("assign %s -> %s (client=%s)", ticket_id, team, ctx.client_id)
    ticket = await app.api.update(ticket_id, team=team, assignee=assignee)
    return f"{ticket.id} is now owned by {ticket.team}" + (f" ({ticket.assignee})" if ticket.assignee else "")


@mcp.tool(annotations=ToolAnnotations(destructiveHint=True))
async def bulk_close(ticket_ids: list[str], ctx: TicketCtx) -> str:
    """Close several tickets after asking the user to confirm."""
    answer = await ctx.elicit(
        message=f"Close {len(ticket_ids)} tickets: {', '.join(ticket_ids)}?",
        schema=ConfirmClose,
    )
    if answer.action != "accept" or not answer.data.confirm:
        return "Nothing closed."
    api = _api(ctx)
    for done, ticket_id in enumerate(ticket_ids, start=1):
        await api.update(ticket_id, status="solved")
        if answer.data.resolution_note:
            await api.comment(ticket_id, answer.data.resolution_note, internal=False)
        await ctx.report_progress(done, len(ticket_ids), message=f"closed {ticket_id}")
    return f"Closed {len(ticket_ids)} tickets."


@mcp.tool()
async def draft_reply(ticket_id: str, ctx: TicketCtx, tone: Literal["formal", "friendly"] = "friendly") -> str:
    """Ask the client's LLM to draft a reply to the requester."""
    ticket = await _api(ctx).get(ticket_id)
    result = await ctx.session.create_message(
        messages=[
            SamplingMessage(
                role="user",
                content=TextContent(type="text", text=f"Write a {tone} reply to:\n\n{ticket_markdown(ticket)}"),
            )
        ],
        max_tokens=600,
        system_prompt="You are a helpful support agent. Never promise refunds.",
        related_request_id=ctx.request_id,
    )
    if isinstance(result.content, TextContent):
        return result.content.text
    raise ToolError(f"model {result.model} returned non-text content")


_rate = threading.local()


@mcp.tool()
def queue_chart(team: str | None = None) -> Image:
    """Render a bar chart of the queue (blocking: uses the sync renderer)."""
    if time.monotonic() - getattr(_rate, "last", 0.0) < 1.0:
        time.sleep(1.0)
    _rate.last = time.monotonic()
    return Image(data=b"\x89PNG\r\n\x1a\n" + (team or _current_team()).encode(), format="png")


@mcp.resource("tickets://{ticket_id}", mime_type="text/markdown", title="Ticket")
async def ticket_resource(ticket_id: str) -> str:
    ctx = mcp.get_context()
    ticket = await ctx.request_context.lifespan_context.api.get(ticket_id)
    return ticket_markdown(ticket)


@mcp.resource("queue://{team}/stats", mime_type="application/json")
async def queue_stats(team: str, ctx: Context) -> str:
    app: AppContext = ctx.request_context.lifespan_context
    return stats_json(team, await app.api.queue_stats(team))


@mcp.prompt(title="Triage a ticket")
def triage(ticket_id: str, severity_hint: str = "") -> list[base.Message]:
    return [
        base.UserMessage(f"Triage ticket {ticket_id}. Read tickets://{ticket_id} first. {severity_hint}"),
        base.AssistantMessage("I'll read the ticket, classify priority, and suggest an owning team."),
    ]
