"""Helpers shared by the resource, prompt and tool handler modules."""

from __future__ import annotations

import json
from typing import Any, cast
from urllib.parse import quote, unquote

from pydantic import AnyUrl

import mcp.types as types
from mcp.server.lowlevel.server import request_ctx
from mcp.server.session import ServerSession
from mcp.shared.context import RequestContext
from mcp.shared.exceptions import McpError

from .catalog import CatalogEntry, CatalogError
from .state import GatewayState

GatewayContext = RequestContext[ServerSession, GatewayState, Any]

CONFIRM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"confirm": {"type": "boolean", "title": "Apply this change"}, "reason": {"type": "string"}},
    "required": ["confirm"],
}


def current_context() -> GatewayContext:
    return cast(GatewayContext, request_ctx.get())


def current_state() -> GatewayState:
    ctx = current_context()
    ctx.lifespan_context.hub.attach(ctx.session)
    return ctx.lifespan_context


def rpc_error(code: int, message: str, **data: Any) -> McpError:
    return McpError(types.ErrorData(code=code, message=message, data=data or None))


def file_uri(relpath: str) -> AnyUrl:
    return AnyUrl(f"config://files/{quote(relpath)}")


def split_uri(uri: AnyUrl) -> tuple[str, str]:
    """Return ``(area, path)`` for a ``config://`` URI or raise INVALID_PARAMS."""
    if uri.scheme != "config":
        raise rpc_error(types.INVALID_PARAMS, f"Unsupported URI scheme {uri.scheme!r}", uri=str(uri))
    if uri.host not in ("files", "env", "merged"):
        raise rpc_error(types.INVALID_PARAMS, f"Unknown config area {uri.host!r}", uri=str(uri))
    return uri.host, unquote(uri.path or "").lstrip("/")


def entry_to_resource(entry: CatalogEntry) -> types.Resource:
    return types.Resource(
        uri=file_uri(entry.relpath),
        name=entry.relpath,
        mimeType=entry.mime_type,
        size=entry.size,
        _meta={"etag": entry.digest[:12]},
    )


def text_block(text: str) -> types.TextContent:
    return types.TextContent(type="text", text=text)


def json_block(data: Any) -> types.TextContent:
    return text_block(json.dumps(data, indent=2, sort_keys=True, default=str))


def load_or_error(state: GatewayState, relpath: str) -> dict[str, Any]:
    try:
        return state.catalog.load(relpath)
    except CatalogError as exc:
        raise rpc_error(types.INVALID_PARAMS, str(exc), path=relpath) from exc


async def client_log(level: types.LoggingLevel, data: Any) -> None:
    """Send a log notification to the calling client if its level lets it through."""
    ctx = current_context()
    if ctx.lifespan_context.should_log(ctx.session, level):
        await ctx.session.send_log_message(level=level, data=data, logger="confgate", related_request_id=ctx.request_id)


async def report_progress(progress: float, total: float, message: str) -> None:
    ctx = current_context()
    if ctx.meta is not None and ctx.meta.progressToken is not None:
        await ctx.session.send_progress_notification(
            ctx.meta.progressToken, progress, total=total, message=message, related_request_id=str(ctx.request_id)
        )


async def confirm_with_user(message: str) -> tuple[bool, str | None]:
    """Ask the person behind the client to approve a change; returns (approved, reason)."""
    ctx = current_context()
    if not ctx.session.check_client_capability(types.ClientCapabilities(elicitation=types.ElicitationCapability())):
        raise rpc_error(types.INVALID_REQUEST, "This change needs confirmation but the client cannot be asked")
    answer = await ctx.session.elicit_form(message=message, requestedSchema=CONFIRM_SCHEMA, related_request_id=ctx.request_id)
    if answer.action != "accept" or not answer.content:
        return False, None
    reason = answer.content.get("reason")
    return bool(answer.content.get("confirm")), str(reason) if reason else None


def caller_actor() -> str | None:
    """Who is making the call, as stamped into ``_meta`` by GatewayClient."""
    meta = current_context().meta
    actor = meta.model_extra.get("actor") if meta is not None and meta.model_extra else None
    return str(actor) if actor else None
