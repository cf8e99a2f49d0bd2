from __future__ import annotations

import json

from mcp.types import EmbeddedResource, TextContent, TextResourceContents
from pydantic import AnyUrl

from .api import Ticket


def ticket_markdown(ticket: Ticket) -> str:
    lines = [
        f"# [{ticket.id}] {ticket.subject}",
        f"- status: **{ticket.status}** / priority: {ticket.priority}",
        f"- team: {ticket.team or 'unassigned'} / assignee: {ticket.assignee or '-'}",
        f"- requester: {ticket.requester_email}",
    ]
    lines += ["", ticket.body.strip()]
    return "\n".join(lines)


def ticket_blocks(ticket: Ticket) -> list[TextContent | EmbeddedResource]:
    """A text summary followed by one embedded resource per text attachment."""
    blocks: list[TextContent | EmbeddedResource] = [TextContent(type="text", text=ticket_markdown(ticket))]
    for att in ticket.attachments:
        if not str(att.get("content_type", "")).startswith("text/"):
            continue
        blocks.append(
            EmbeddedResource(
                type="resource",
                resource=TextResourceContents(
                    uri=AnyUrl(f"tickets://{ticket.id}/attachments/{att['name']}"),
                    mimeType=att["content_type"],
                    text=att.get("preview", ""),
                ),
            )
        )
    return blocks


def stats_json(team: str, stats: dict[str, int]) -> str:
    return json.dumps({"team": team, **stats}, indent=2, sort_keys=True)
