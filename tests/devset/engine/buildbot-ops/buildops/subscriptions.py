"""Resource subscriptions and client log levels.

FastMCP has no decorators for these requests, so they are registered on the
underlying low-level server.
"""

from __future__ import annotations

import logging
from collections import defaultdict

import anyio
from mcp.server.session import ServerSession
from mcp.types import LoggingLevel, ResourceListChangedNotification, ServerNotification, SubscribeRequest
from pydantic import AnyUrl

from buildops.server import mcp

logger = logging.getLogger(__name__)

lowlevel = mcp._mcp_server
_subscribers: defaultdict[str, set[ServerSession]] = defaultdict(set)


def subscriber_count(uri: str | AnyUrl) -> int:
    return len(_subscribers.get(str(uri), ()))


def reset() -> None:
    _subscribers.clear()


@lowlevel.subscribe_resource()
async def handle_subscribe(uri: AnyUrl) -> None:
    if uri.scheme != "buildops":
        logger.info("ignoring subscription to foreign uri %s", uri)
        return
    _subscribers[str(uri)].add(lowlevel.request_context.session)
    logger.debug("subscribed to %s (host=%s path=%s)", uri, uri.host, uri.path)


@lowlevel.unsubscribe_resource()
async def handle_unsubscribe(uri: AnyUrl) -> None:
    _subscribers[str(uri)].discard(lowlevel.request_context.session)


@lowlevel.set_logging_level()
async def handle_set_level(level: LoggingLevel) -> None:
    lowlevel.request_context.lifespan_context.client_log_level = level
    logger.info("client asked for %s logs", level)


def supports_subscriptions() -> bool:
    return SubscribeRequest in lowlevel.request_handlers


async def publish_build_update(build_id: str) -> int:
    """Tell every session subscribed to the build's log that it changed."""
    uri = f"buildops://builds/{build_id}/log"
    delivered = 0
    for session in list(_subscribers.get(uri, ())):
        try:
            await session.send_resource_updated(AnyUrl(uri))
            delivered += 1
        except (anyio.ClosedResourceError, anyio.BrokenResourceError):
            _subscribers[uri].discard(session)
    return delivered


async def announce_new_artifacts() -> int:
    """Broadcast resources/list_changed to every session that subscribed to anything."""
    sent = 0
    for session in {s for subs in _subscribers.values() for s in subs}:
        try:
            await session.send_notification(ServerNotification(ResourceListChangedNotification()))
            sent += 1
        except (anyio.ClosedResourceError, anyio.BrokenResourceError):
            for subs in _subscribers.values():
                subs.discard(session)
    return sent
