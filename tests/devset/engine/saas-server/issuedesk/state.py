"""Per-session application state shared by tools, resources and prompts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from mcp.server.fastmcp import Context
from mcp.server.session import ServerSession

from issuedesk.api import IssueDeskAPI
from issuedesk.config import ServerSettings


@dataclass
class AppContext:
    api: IssueDeskAPI
    settings: ServerSettings
    started_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    calls: int = 0


AppCtx = Context[ServerSession, AppContext]


def app_state(ctx: AppCtx) -> AppContext:
    state = ctx.request_context.lifespan_context
    state.calls += 1
    return state
