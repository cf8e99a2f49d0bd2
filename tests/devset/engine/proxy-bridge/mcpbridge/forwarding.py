"""Conversions for traffic that crosses the bridge in either direction."""

from __future__ import annotations

import base64
import logging
from datetime import timedelta

import anyio
from pydantic import AnyUrl

from mcp import types
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError
from mcp.shared.message import ServerMessageMetadata
from mcpbridge.naming import NamespaceError, unwrap_uri, wrap_uri

logger = logging.getLogger(__name__)

LEVELS: list[types.LoggingLevel] = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"]


def level_enabled(threshold: types.LoggingLevel, level: types.LoggingLevel) -> bool:
    return LEVELS.index(level) >= LEVELS.index(threshold)


def to_read_contents(result: types.ReadResourceResult) -> list[ReadResourceContents]:
    """Upstream resource contents in the shape ``read_resource`` handlers return."""
    converted: list[ReadResourceContents] = []
    for item in result.contents:
        if isinstance(item, types.TextResourceContents):
            converted.append(ReadResourceContents(content=item.text, mime_type=item.mimeType, meta=item.meta))
        else:
            converted.append(ReadResourceContents(base64.b64decode(item.blob), item.mimeType, item.meta))
    return converted


def rewrite_result(prefix: str, result: types.CallToolResult) -> types.CallToolResult:
    """Resource links in tool output must point at bridged URIs."""
    content: list[types.Content] = [
        block.model_copy(update={"uri": wrap_uri(prefix, block.uri)}) if isinstance(block, types.ResourceLink) else block
        for block in result.content
    ]
    return result.model_copy(update={"content": content})


def split_resource_uri(uri: AnyUrl) -> tuple[str, AnyUrl]:
    try:
        return unwrap_uri(uri)
    except NamespaceError as exc:
        raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=str(exc), data={"uri": str(uri)})) from exc


async def relay_sampling(
    downstream: ServerSession, params: types.CreateMessageRequestParams, related_request_id: types.RequestId
) -> types.CreateMessageResult | types.ErrorData:
    try:
        return await downstream.send_request(
            types.ServerRequest(types.CreateMessageRequest(params=params)),
            types.CreateMessageResult,
            request_read_timeout_seconds=timedelta(seconds=90),
            metadata=ServerMessageMetadata(related_request_id=related_request_id),
        )
    except McpError as exc:
        return exc.error


def bridged_notification(prefix: str, note: types.ServerNotification) -> types.ServerNotification | None:
    """What downstream clients should see for an upstream notification (``None``: swallow it)."""
    match note.root:
        case types.ResourceUpdatedNotification(params=params):
            updated = types.ResourceUpdatedNotificationParams(uri=wrap_uri(prefix, params.uri))
            return types.ServerNotification(types.ResourceUpdatedNotification(params=updated))
        case (
            types.ToolListChangedNotification()
            | types.ResourceListChangedNotification()
            | types.PromptListChangedNotification() as changed
        ):
            # the upstream copy carries the envelope's extra keys; announce a clean one
            return types.ServerNotification(type(changed)())
        case _:
            return None


async def broadcast(sessions: set[ServerSession], notification: types.ServerNotification) -> int:
    """Send to every session, pruning the ones whose transport has gone away."""
    delivered = 0
    for session in list(sessions):
        try:
            await session.send_notification(notification)
            delivered += 1
        except (anyio.ClosedResourceError, anyio.BrokenResourceError):
            logger.info("dropping closed downstream session %x", id(session))
            sessions.discard(session)
    return delivered
