"""Helpers shared by plugins that work on the request ``Context``."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import Any, Literal

import mcp.types as types
from mcp.server.elicitation import AcceptedElicitation, CancelledElicitation, DeclinedElicitation
from mcp.server.fastmcp import Context
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.session import ServerSession
from mcp.shared.context import RequestContext
from mcp.shared.progress import progress
from mcp.shared.session import BaseSession
from pydantic import AnyUrl, BaseModel, Field
from starlette.requests import Request

from pluginhost.app import HostState, get_app

logger = logging.getLogger("pluginhost.ctx")

HostContext = Context[ServerSession, HostState]
Level = Literal["debug", "info", "warning", "error"]


class Confirmation(BaseModel):
    confirm: bool = Field(description="Proceed with the action?")
    reason: str = Field(default="", description="Optional note for the audit log")


def state(ctx: HostContext) -> HostState:
    return ctx.request_context.lifespan_context


async def log(ctx: HostContext, level: Level, message: str, *, logger_name: str = "pluginhost") -> None:
    logger.log(logging.getLevelName(level.upper()), message)
    await ctx.log(level=level, message=message, logger_name=logger_name)


def progress_token(ctx: HostContext) -> types.ProgressToken | None:
    meta: types.RequestParams.Meta | None = ctx.request_context.meta
    if meta is None:
        return None
    return meta.progressToken


def caller_id(ctx: HostContext) -> str:
    return ctx.client_id or "anonymous"


async def report_steps(ctx: HostContext, labels: Sequence[str]) -> int:
    total = len(labels)
    for index, label in enumerate(labels, start=1):
        await ctx.report_progress(index, total, message=label)
    return total


async def accumulate(ctx: HostContext, increments: Sequence[float], total: float) -> float:
    """Report progress as a running sum of ``increments``."""
    current = ctx.request_context
    if current.meta is None or current.meta.progressToken is None:
        return sum(increments)
    request_context: RequestContext[BaseSession[Any, Any, Any, Any, Any], Any] = RequestContext(
        request_id=current.request_id,
        meta=current.meta,
        session=current.session,
        lifespan_context=current.lifespan_context,
    )
    with progress(request_context, total=total) as tracker:
        for step, amount in enumerate(increments, start=1):
            await tracker.progress(amount, message=f"chunk {step}")
        return tracker.current


async def confirm(ctx: HostContext, question: str) -> tuple[bool, str]:
    result = await ctx.elicit(message=question, schema=Confirmation)
    if isinstance(result, AcceptedElicitation):
        return result.data.confirm, result.data.reason
    if isinstance(result, DeclinedElicitation):
        return False, "declined"
    if isinstance(result, CancelledElicitation):
        return False, "cancelled"
    return False, "unknown"


async def ask_form(ctx: HostContext, message: str, fields: dict[str, str]) -> dict[str, Any] | None:
    session: ServerSession = ctx.session
    schema: types.ElicitRequestedSchema = {
        "type": "object",
        "properties": {name: {"type": "string", "description": text} for name, text in fields.items()},
        "required": list(fields),
    }
    result = await session.elicit_form(
        message=message,
        requestedSchema=schema,
        related_request_id=ctx.request_id,
    )
    if result.action != "accept" or result.content is None:
        return None
    return dict(result.content)


async def sample_text(
    ctx: HostContext,
    prompt: str,
    *,
    system: str | None = None,
    max_tokens: int = 256,
    temperature: float | None = None,
) -> tuple[str, str | None]:
    session: ServerSession = ctx.session
    result: types.CreateMessageResult = await session.create_message(
        messages=[
            types.SamplingMessage(role="user", content=types.TextContent(type="text", text=prompt)),
        ],
        max_tokens=max_tokens,
        system_prompt=system,
        include_context="thisServer",
        temperature=temperature,
        model_preferences=types.ModelPreferences(
            hints=[types.ModelHint(name="small")], speedPriority=0.8, costPriority=0.6
        ),
        related_request_id=ctx.request_id,
    )
    content = result.content
    text = content.text if isinstance(content, types.TextContent) else ""
    return text, result.stopReason


def _join(contents: Iterable[ReadResourceContents]) -> bytes:
    chunks: list[bytes] = []
    for item in contents:
        data = item.content
        chunks.append(data.encode("utf-8") if isinstance(data, str) else data)
    return b"".join(chunks)


async def read_bytes(ctx: HostContext, uri: str | AnyUrl) -> bytes:
    target = uri if isinstance(uri, AnyUrl) else AnyUrl(uri)
    return _join(await ctx.read_resource(target))


async def read_text(ctx: HostContext, uri: str | AnyUrl) -> str:
    return (await read_bytes(ctx, uri)).decode("utf-8")


def current_context() -> Context[ServerSession, Any, Request]:
    """The context of the request being served, for code without a ``ctx`` parameter."""
    return get_app().get_context()


async def notify_resource_changed(ctx: HostContext, uri: str) -> bool:
    if uri not in state(ctx).subscriptions:
        return False
    session: ServerSession = ctx.session
    await session.send_resource_updated(AnyUrl(uri))
    return True


async def notify_tools_changed(session: ServerSession) -> None:
    await session.send_notification(types.ServerNotification(types.ToolListChangedNotification()))


async def broadcast_log(session: ServerSession, level: types.LoggingLevel, data: Any) -> None:
    await session.send_log_message(level=level, data=data, logger="pluginhost.broadcast")
