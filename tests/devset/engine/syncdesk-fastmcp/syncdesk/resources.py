"""Static resources (files shipped with the package) and ticket templates."""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any

from mcp.server.fastmcp import Context
from mcp.server.fastmcp.resources import (
    DirectoryResource,
    FileResource,
    FunctionResource,
    HttpResource,
    TextResource,
)
from mcp.types import Annotations
from pydantic import AnyUrl

from .app import SETTINGS, DeskState, current_state, mcp
from .store import TicketNotFound

DATA_DIR = (Path(__file__).parent / "data").resolve()
KB_DIR = DATA_DIR / "kb"

ABOUT = f"""\
# syncdesk

Helpdesk MCP server. Queues: {", ".join(SETTINGS.queues)}.
Ticket records: `tickets://{{queue}}/{{ticket_id}}`.
"""


@lru_cache(maxsize=1)
def load_macros() -> dict[str, str]:
    macros: dict[str, str] = {}
    for line in (DATA_DIR / "macros.txt").read_text(encoding="utf-8").splitlines():
        name, sep, template = line.partition(":")
        if sep:
            macros[name.strip()] = template.strip()
    return macros


def queue_overview() -> dict[str, Any]:
    """Ticket counts for every configured queue."""
    state = current_state()
    return {queue: state.store.stats(queue) for queue in state.settings.queues}


def transport_overview() -> dict[str, Any]:
    """Where the desk is listening, as configured on the server object."""
    return {
        "host": mcp.settings.host,
        "port": mcp.settings.port,
        "mountPath": mcp.settings.mount_path,
        "ssePath": mcp.settings.sse_path,
        "messagePath": mcp.settings.message_path,
        "streamableHttpPath": mcp.settings.streamable_http_path,
        "jsonResponse": mcp.settings.json_response,
        "statelessHttp": mcp.settings.stateless_http,
    }


def register_static_resources() -> None:
    mcp.add_resource(
        TextResource(
            uri=AnyUrl("desk://about"),
            name="about",
            title="About this desk",
            text=ABOUT,
            mime_type="text/markdown",
            annotations=Annotations(audience=["user", "assistant"], priority=0.3),
        )
    )
    mcp.add_resource(
        FileResource(
            uri=AnyUrl("desk://policies/sla"),
            name="sla-policy",
            description="Response and resolution targets per priority",
            path=DATA_DIR / "sla.json",
            mime_type="application/json",
        )
    )
    mcp.add_resource(
        FileResource(
            uri=AnyUrl("desk://brand/logo.png"),
            name="logo",
            path=DATA_DIR / "logo.png",
            mime_type="image/png",
            is_binary=True,
        )
    )
    mcp.add_resource(
        FileResource(
            uri=AnyUrl("desk://macros"),
            name="macros",
            description="Canned replies, one `name: template` per line",
            path=DATA_DIR / "macros.txt",
        )
    )
    mcp.add_resource(
        DirectoryResource(
            uri=AnyUrl("desk://kb/index"),
            name="kb-index",
            description="All knowledge-base articles",
            path=KB_DIR,
            recursive=True,
            pattern="*.md",
        )
    )
    mcp.add_resource(
        HttpResource(
            uri=AnyUrl("desk://status/upstream"),
            name="upstream-status",
            description="Raw upstream status page JSON",
            url=SETTINGS.status_url,
        )
    )
    mcp.add_resource(
        FunctionResource.from_function(
            queue_overview,
            uri="desk://queues",
            name="queues",
            mime_type="application/json",
        )
    )
    mcp.add_resource(
        FunctionResource(
            uri=AnyUrl("desk://transport"),
            name="transport",
            fn=transport_overview,
            mime_type="application/json",
        )
    )


register_static_resources()


@mcp.resource("tickets://{queue}/{ticket_id}", mime_type="application/json", title="Ticket record")
def ticket_record(queue: str, ticket_id: int, ctx: Context) -> dict[str, Any]:
    state: DeskState = ctx.request_context.lifespan_context
    ticket = state.store.get(ticket_id)
    if ticket.queue != queue:
        raise TicketNotFound(ticket_id)
    return ticket.to_wire()


@mcp.resource("tickets://{queue}/{ticket_id}/comments/{page}", mime_type="application/json")
def ticket_comments(queue: str, ticket_id: int, page: int, ctx: Context) -> list[dict[str, Any]]:
    state: DeskState = ctx.request_context.lifespan_context
    state.store.get(ticket_id)
    return [
        {"commentId": c.id, "author": c.author, "text": c.text, "createdAt": c.created_at, "queue": queue}
        for c in state.store.comments(ticket_id, page=page, page_size=5)
    ]


@mcp.resource("kb://{section}/{slug}", mime_type="text/markdown")
def kb_article(section: str, slug: str) -> str:
    path = (KB_DIR / section / f"{slug}.md").resolve()
    if KB_DIR not in path.parents or not path.is_file():
        raise FileNotFoundError(f"no article {section}/{slug}")
    return path.read_text(encoding="utf-8")


@mcp.resource("reports://{queue}/{year}/{month}", mime_type="application/json")
def monthly_report(queue: str, year: int, month: int) -> dict[str, Any]:
    if not 1 <= month <= 12:
        raise ValueError(f"month out of range: {month}")
    start = dt.datetime(year, month, 1, tzinfo=dt.timezone.utc)
    days = calendar.monthrange(year, month)[1]
    end = start + dt.timedelta(days=days)
    tickets = current_state().store.created_between(queue, start.timestamp(), end.timestamp())
    by_priority: dict[str, int] = {}
    for ticket in tickets:
        by_priority[ticket.priority] = by_priority.get(ticket.priority, 0) + 1
    return {
        "queue": queue,
        "period": f"{year:04d}-{month:02d}",
        "opened": len(tickets),
        "closed": sum(1 for t in tickets if t.status == "closed"),
        "byPriority": by_priority,
    }
