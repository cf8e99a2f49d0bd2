"""Shared server state and helpers for reading the current request context."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from starlette.requests import Request

from mcp.server.lowlevel.server import request_ctx
from mcp.server.session import ServerSession
from mcp.shared.context import RequestContext

from docstore.config import DocstoreSettings, LogLevel, level_rank

if TYPE_CHECKING:
    from docstore.notifications import SubscriptionHub
    from docstore.storage import DocumentStore

ProgressEntry = tuple[float, float | None, str | None]


@dataclass
class DocstoreState:
    store: DocumentStore
    settings: DocstoreSettings
    hub: SubscriptionHub
    log_level: LogLevel = "info"
    client_progress: dict[str | int, ProgressEntry] = field(default_factory=dict[str | int, ProgressEntry])


def current() -> RequestContext[ServerSession, DocstoreState, Request]:
    ctx = request_ctx.get()
    assert isinstance(ctx.lifespan_context, DocstoreState), "server started without the docstore lifespan"
    return ctx


def meta_value(key: str) -> Any:
    """A custom ``_meta`` field sent by the caller, e.g. ``requestedBy``."""
    meta = request_ctx.get().meta
    return getattr(meta, key, None) if meta is not None else None


async def log(level: LogLevel, data: Any, *, logger: str = "docstore") -> bool:
    """Send a log notification tied to the current request, honouring the client's level."""
    ctx = current()
    if level_rank(level) < level_rank(ctx.lifespan_context.log_level):
        return False
    await ctx.session.send_log_message(level=level, data=data, logger=logger, related_request_id=ctx.request_id)
    return True


async def report_progress(progress: float, total: float | None = None, message: str | None = None) -> bool:
    ctx = current()
    if ctx.meta is None or ctx.meta.progressToken is None:
        return False
    await ctx.session.send_progress_notification(
        ctx.meta.progressToken, progress, total=total, message=message, related_request_id=str(ctx.request_id)
    )
    return True
