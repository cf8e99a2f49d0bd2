"""Per-session resource subscriptions and change fan-out."""

from __future__ import annotations

import logging
from collections import defaultdict

import anyio
from pydantic import AnyUrl

from mcp.server.session import ServerSession
from mcp.types import ResourceListChangedNotification, ServerNotification

log = logging.getLogger(__name__)


class SubscriptionHub:
    """Tracks which session watches which URI.

    Sessions are remembered by identity; a session whose stream is gone is dropped the first
    time a send to it fails.
    """

    def __init__(self) -> None:
        self.by_uri: dict[str, set[ServerSession]] = defaultdict(set)
        self.sessions: set[ServerSession] = set()

    def seen(self, session: ServerSession) -> None:
        self.sessions.add(session)

    def subscribe(self, uri: str, session: ServerSession) -> None:
        self.seen(session)
        self.by_uri[uri].add(session)

    def unsubscribe(self, uri: str, session: ServerSession) -> None:
        watchers = self.by_uri.get(uri)
        if watchers is not None:
            watchers.discard(session)
            if not watchers:
                del self.by_uri[uri]

    def subscriber_count(self, uri: str) -> int:
        return len(self.by_uri.get(uri, ()))

    def _drop(self, session: ServerSession) -> None:
        self.sessions.discard(session)
        for uri in list(self.by_uri):
            self.by_uri[uri].discard(session)
            if not self.by_uri[uri]:
                del self.by_uri[uri]

    async def publish_update(self, uri: str) -> int:
        delivered = 0
        for session in list(self.by_uri.get(uri, ())):
            try:
                await session.send_resource_updated(AnyUrl(uri))
                delivered += 1
            except (anyio.ClosedResourceError, anyio.BrokenResourceError):
                log.debug("dropping closed session while notifying %s", uri)
                self._drop(session)
        return delivered

    async def publish_list_changed(self) -> int:
        delivered = 0
        for session in list(self.sessions):
            try:
                await session.send_notification(ServerNotification(ResourceListChangedNotification()))
                delivered += 1
            except (anyio.ClosedResourceError, anyio.BrokenResourceError):
                self._drop(session)
        return delivered
