"""Ticket tools. Registered on the shared server object from ``syncdesk.app``."""

from __future__ import annotations

import time
from typing import Literal

from mcp.server.fastmcp import Audio, Image
from mcp.server.fastmcp.exceptions import ToolError
from mcp.shared.exceptions import McpError
from mcp.types import INVALID_PARAMS, CallToolResult, ErrorData, Icon, TextContent, ToolAnnotations
from pydantic import BaseModel, Field

from . import imaging
from .app import DeskContext, caller_agent, current_state, desk_state, mcp
from .store import PRIORITIES, StoreError, Ticket, TicketNotFound
from .watchers import broadcast_ticket_update

Priority = Literal["urgent", "high", "normal", "low"]

TICKET_ICON = Icon(src="https://cdn.syncdesk.example/icons/ticket.svg", mimeType="image/svg+xml", sizes=["any"])


class TicketView(BaseModel):
    ticket_id: int = Field(description="Numeric ticket id")
    queue: str
    subject: str
    status: str
    priority: str
    assignee: str | None = None
    uri: str

    @classmethod
    def of(cls, ticket: Ticket) -> TicketView:
        return cls(
            ticket_id=ticket.id,
            queue=ticket.queue,
            subject=ticket.subject,
            status=ticket.status,
            priority=ticket.priority,
            assignee=ticket.assignee,
            uri=ticket.uri,
        )


def _lookup(ctx: DeskContext, ticket_id: int) -> Ticket:
    try:
        return desk_state(ctx).store.get(ticket_id)
    except TicketNotFound as exc:
        raise ToolError(str(exc)) from exc


@mcp.tool(title="Open a ticket", icons=[TICKET_ICON])
def open_ticket(queue: str, subject: str, body: str, ctx: DeskContext, priority: Priority = "normal") -> TicketView:
    """File a new ticket in a queue."""
    state = desk_state(ctx)
    if queue not in state.settings.queues:
        raise ToolError(f"unknown queue {queue!r}; expected one of {', '.join(state.settings.queues)}")
    ticket = state.store.create(queue, subject, body, priority=priority, requester=caller_agent(ctx))
    state.record(f"opened #{ticket.id} in {queue}")
    return TicketView.of(ticket)


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True, idempotentHint=True))
def list_tickets(
    ctx: DeskContext,
    queue: str | None = None,
    status: str | None = None,
    cursor: str | None = None,
    limit: int = 20,
) -> dict[str, object]:
    """List tickets, oldest first. Pass the returned ``nextCursor`` back to page."""
    store = desk_state(ctx).store
    try:
        page = store.list(queue=queue, status=status, cursor=cursor, limit=max(1, min(limit, 100)))
    except StoreError as exc:
        raise ToolError(str(exc)) from exc
    return page.to_wire()


@mcp.tool(annotations=ToolAnnotations(destructiveHint=False, idempotentHint=True))
def assign_ticket(ticket_id: int, assignee: str, ctx: DeskContext) -> str:
    """Assign a ticket to an agent."""
    _lookup(ctx, ticket_id)
    ticket = desk_state(ctx).store.assign(ticket_id, assignee)
    desk_state(ctx).record(f"#{ticket_id} -> {assignee}")
    return f"Ticket #{ticket.id} assigned to {ticket.assignee}"


@mcp.tool(annotations=ToolAnnotations(destructiveHint=True))
def close_ticket(ticket_id: int, resolution: str, ctx: DeskContext) -> CallToolResult:
    """Close a ticket with a resolution note."""
    state = desk_state(ctx)
    ticket = _lookup(ctx, ticket_id)
    if ticket.status == "closed":
        return CallToolResult(
            content=[TextContent(type="text", text=f"Ticket #{ticket_id} is already closed")],
            isError=True,
        )
    state.store.add_comment(ticket_id, caller_agent(ctx), f"Resolution: {resolution}")
    closed = state.store.set_status(ticket_id, "closed")
    return CallToolResult(
        content=[TextContent(type="text", text=f"Closed #{ticket_id}: {resolution}")],
        structuredContent={"ticketId": closed.id, "status": closed.status, "resolution": resolution},
    )


@mcp.tool()
def escalate_ticket(ticket_id: int, priority: str, ctx: DeskContext) -> TicketView:
    """Raise (never lower) a ticket's priority."""
    if priority not in PRIORITIES:
        raise McpError(
            ErrorData(code=INVALID_PARAMS, message=f"priority must be one of {list(PRIORITIES)}", data=priority)
        )
    ticket = _lookup(ctx, ticket_id)
    if PRIORITIES.index(priority) > PRIORITIES.index(ticket.priority):
        raise ToolError(f"refusing to lower #{ticket_id} from {ticket.priority} to {priority}")
    return TicketView.of(desk_state(ctx).store.set_priority(ticket_id, priority))


@mcp.tool()
def ticket_stats(queue: str | None = None) -> dict[str, int]:
    """Count tickets per status, optionally for one queue."""
    return current_state().store.stats(queue)


@mcp.tool()
async def comment_ticket(ticket_id: int, author: str, text: str, ctx: DeskContext) -> str:
    """Add a comment and notify subscribers of the ticket resource."""
    state = desk_state(ctx)
    ticket = _lookup(ctx, ticket_id)
    comment = state.store.add_comment(ticket_id, author, text)
    notified = await broadcast_ticket_update(ticket.queue, ticket.id)
    await ctx.debug(f"comment {comment.id} on #{ticket_id}; {notified} subscriber(s) notified")
    await ctx.session.send_resource_list_changed()
    return f"Comment {comment.id} added to #{ticket_id}"


@mcp.tool(title="Bulk close stale tickets")
async def bulk_close(queue: str, ctx: DeskContext, older_than_days: float = 30.0, dry_run: bool = False) -> str:
    """Close every open ticket in ``queue`` not updated for ``older_than_days``."""
    state = desk_state(ctx)
    cutoff = time.time() - older_than_days * 86400
    candidates = [t for t in state.store.iter_queue(queue) if t.updated_at <= cutoff]
    total = len(candidates)
    await ctx.info(f"bulk_close: {total} candidate(s) in {queue}")
    if not candidates:
        return f"Nothing to close in {queue}"
    for index, ticket in enumerate(candidates, start=1):
        if not dry_run:
            state.store.set_status(ticket.id, "closed")
        await ctx.report_progress(index, total, message=f"#{ticket.id} {ticket.subject}")
    verb = "Would close" if dry_run else "Closed"
    await ctx.log(level="info", message=f"{verb} {total} ticket(s)", logger_name="syncdesk.bulk")
    state.record(f"bulk_close {queue}: {total}")
    return f"{verb} {total} ticket(s) in {queue}"


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True))
def ticket_badge(ticket_id: int, ctx: DeskContext, size: int = 16) -> Image:
    """A small PNG badge coloured by the ticket's priority."""
    ticket = _lookup(ctx, ticket_id)
    return Image(data=imaging.badge_for(ticket.priority, size=size), format="png")


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True))
def ticket_chime(priority: Priority = "normal") -> Audio:
    """The notification sound agents hear for a given priority."""
    return Audio(data=imaging.chime_wav(imaging.PRIORITY_TONES[priority]), format="wav")


def render_macro(name: str, requester: str, queue: str = "support", sla: str = "one business day") -> str:
    """Expand one of the canned reply macros."""
    from .resources import load_macros

    macros = load_macros()
    if name not in macros:
        raise ToolError(f"unknown macro {name!r}; available: {', '.join(sorted(macros))}")
    return macros[name].format(requester=requester, queue=queue, sla=sla)


mcp.add_tool(
    render_macro,
    title="Render reply macro",
    annotations=ToolAnnotations(readOnlyHint=True, idempotentHint=True),
    structured_output=False,
)


@mcp.tool()
async def attachment_folders(ctx: DeskContext) -> list[str]:
    """Ask the client which local folders it shares for attachments."""
    result = await ctx.session.list_roots()
    folders = [root.uri.path or "/" for root in result.roots if root.uri.scheme == "file"]
    await ctx.info(f"client shares {len(folders)} folder(s)")
    return folders
