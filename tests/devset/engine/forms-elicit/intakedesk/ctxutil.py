"""Small helpers that reach the active request through the server object.

Handlers call these instead of threading a Context parameter through every
layer; they only work while a request is being served.
"""

from __future__ import annotations

import logging
from typing import Any

import anyio
from pydantic import AnyUrl

from mcp.server.session import ServerSession
from mcp.types import ElicitResult, LoggingLevel, ProgressToken

from intakedesk.app import mcp
from intakedesk.forms import FormDefinition
from intakedesk.state import IntakeState

log = logging.getLogger("intakedesk.ctx")


def desk() -> IntakeState:
    """The lifespan state of the server handling the current request."""
    return mcp.get_context().request_context.lifespan_context


def current_session() -> ServerSession:
    return mcp.get_context().request_context.session


def kiosk_label() -> str:
    ctx = mcp.get_context()
    explicit = ctx.client_id
    if explicit:
        return explicit
    return desk().label_for(ctx.session)


def progress_token() -> ProgressToken | None:
    meta = mcp.get_context().request_context.meta
    if meta is None:
        return None
    return meta.progressToken


async def announce(message: str, level: LoggingLevel = "info", logger: str = "intake.desk") -> None:
    """Log to the connected client, honouring the level it asked for."""
    ctx = mcp.get_context()
    if not desk().wants(level):
        return
    await ctx.request_context.session.send_log_message(
        level=level,
        data=message,
        logger=logger,
        related_request_id=ctx.request_context.request_id,
    )


async def step(done: int, total: int, note: str) -> None:
    """Progress for callers that asked for it; silently skipped otherwise."""
    token = progress_token()
    if token is None:
        return
    ctx = mcp.get_context()
    await ctx.session.send_progress_notification(
        progress_token=token,
        progress=done,
        total=total,
        message=note,
        related_request_id=ctx.request_id,
    )


async def ask_form(form: FormDefinition, message: str) -> ElicitResult:
    """Send a catalog form to the kiosk as a raw schema."""
    ctx = mcp.get_context()
    return await ctx.session.elicit_form(
        message=message,
        requestedSchema=form.requested_schema(),
        related_request_id=ctx.request_context.request_id,
    )


async def touch(uri: str) -> int:
    """Tell every subscribed kiosk that `uri` changed; returns how many were told."""
    state = desk()
    sessions = state.subscribers.get(uri)
    if not sessions:
        return 0
    told = 0
    for session in list(sessions):
        try:
            await session.send_resource_updated(AnyUrl(uri))
            told += 1
        except (anyio.ClosedResourceError, anyio.BrokenResourceError):
            log.info("dropping closed subscriber for %s", uri)
            sessions.discard(session)
    return told


def record_note(submission_id: str, note: str, **extra: Any) -> None:
    sub = desk().submissions.get(submission_id)
    if sub is not None:
        suffix = " ".join(f"{k}={v}" for k, v in sorted(extra.items()))
        sub.notes.append(f"{note} {suffix}".strip())
