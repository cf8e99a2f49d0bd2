"""Resource subscriptions, client log levels and argument completion.

FastMCP has no decorators for subscribe/unsubscribe/setLevel, so those are
registered on the underlying low-level server.
"""

from __future__ import annotations

import logging
from collections import defaultdict

import anyio
from mcp.server.session import ServerSession
from mcp.types import (
    Completion,
    CompletionArgument,
    CompletionContext,
    LoggingLevel,
    PromptReference,
    ResourceTemplateReference,
    ResourceUpdatedNotification,
    ResourceUpdatedNotificationParams,
    ServerNotification,
)
from pydantic import AnyUrl

from .app import current_state, mcp

logger = logging.getLogger("syncdesk.watchers")

_lowlevel = mcp._mcp_server

SUBSCRIBERS: defaultdict[str, set[ServerSession]] = defaultdict(set)
CLIENT_LOG_LEVELS: dict[int, LoggingLevel] = {}

MAX_COMPLETIONS = 5


@_lowlevel.subscribe_resource()
async def handle_subscribe(uri: AnyUrl) -> None:
    session = _lowlevel.request_context.session
    SUBSCRIBERS[str(uri)].add(session)
    logger.debug("subscribed %s to %s (scheme=%s host=%s)", id(session), uri, uri.scheme, uri.host)


@_lowlevel.unsubscribe_resource()
async def handle_unsubscribe(uri: AnyUrl) -> None:
    session = _lowlevel.request_context.session
    SUBSCRIBERS[str(uri)].discard(session)


@_lowlevel.set_logging_level()
async def handle_set_level(level: LoggingLevel) -> None:
    ctx = _lowlevel.request_context
    CLIENT_LOG_LEVELS[id(ctx.session)] = level
    await ctx.session.send_log_message(
        level="notice",
        data=f"log level set to {level}",
        logger="syncdesk",
        related_request_id=ctx.request_id,
    )


def ticket_uri(queue: str, ticket_id: int) -> AnyUrl:
    return AnyUrl(f"tickets://{queue}/{ticket_id}")


async def broadcast_ticket_update(queue: str, ticket_id: int) -> int:
    """Tell every session watching ``tickets://{queue}/{ticket_id}``; prune dead ones."""
    uri = ticket_uri(queue, ticket_id)
    watchers = SUBSCRIBERS.get(str(uri))
    if not watchers:
        return 0
    delivered = 0
    for session in list(watchers):
        try:
            await session.send_notification(
                ServerNotification(
                    ResourceUpdatedNotification(
                        method="notifications/resources/updated",
                        params=ResourceUpdatedNotificationParams(uri=uri),
                    )
                )
            )
            delivered += 1
        except (anyio.ClosedResourceError, anyio.BrokenResourceError):
            watchers.discard(session)
    return delivered


@mcp.completion()
async def complete_arguments(
    ref: PromptReference | ResourceTemplateReference,
    argument: CompletionArgument,
    context: CompletionContext | None,
) -> Completion | None:
    state = current_state()
    prefix = argument.value.lower()
    candidates: list[str] = []
    if argument.name == "queue":
        candidates = [q for q in state.settings.queues if q.startswith(prefix)]
    elif argument.name == "ticket_id":
        queue = None
        if isinstance(ref, ResourceTemplateReference) and context and context.arguments:
            queue = context.arguments.get("queue")
        page = state.store.list(queue=queue, status="open", limit=50)
        candidates = [str(t.id) for t in page.items if str(t.id).startswith(prefix)]
    elif argument.name == "section":
        from .resources import DATA_DIR

        candidates = sorted(p.name for p in (DATA_DIR / "kb").iterdir() if p.is_dir() and p.name.startswith(prefix))
    else:
        return None
    return Completion(
        values=candidates[:MAX_COMPLETIONS],
        total=len(candidates),
        hasMore=len(candidates) > MAX_COMPLETIONS,
    )
