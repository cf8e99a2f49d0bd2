"""Fan-out of resource notifications to connected sessions."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

import anyio
from pydantic import AnyUrl

import mcp.types as types
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError

_DEAD_SESSION_ERRORS = (anyio.ClosedResourceError, anyio.BrokenResourceError)


class SubscriptionHub:
    """Tracks which session is subscribed to which URI.

    One ``ServerSession`` lives for the whole connection, so sessions are kept by
    identity; a session whose transport has gone away is pruned when a send fails.
    """

    def __init__(self) -> None:
        self._by_uri: dict[str, set[ServerSession]] = defaultdict(set)
        self._sessions: set[ServerSession] = set()

    def track(self, session: ServerSession) -> None:
        self._sessions.add(session)

    def subscribe(self, uri: AnyUrl, session: ServerSession) -> None:
        self.track(session)
        self._by_uri[str(uri)].add(session)

    def unsubscribe(self, uri: AnyUrl, session: ServerSession) -> None:
        self._by_uri[str(uri)].discard(session)

    def subscribers(self, uri: AnyUrl | str) -> set[ServerSession]:
        return set(self._by_uri.get(str(uri), ()))

    @property
    def session_count(self) -> int:
        return len(self._sessions)

    def forget(self, session: ServerSession) -> None:
        self._sessions.discard(session)
        for subscribers in self._by_uri.values():
            subscribers.discard(session)

    async def notify_updated(self, uri: AnyUrl) -> int:
        """Send ``notifications/resources/updated`` to every subscriber of ``uri``."""
        delivered = 0
        for session in self.subscribers(uri):
            try:
                await session.send_resource_updated(uri)
            except _DEAD_SESSION_ERRORS:
                self.forget(session)
            else:
                delivered += 1
        return delivered

    async def notify_list_changed(self) -> int:
        delivered = 0
        notification = types.ServerNotification(types.ResourceListChangedNotification())
        for session in list(self._sessions):
            try:
                await session.send_notification(notification)
            except _DEAD_SESSION_ERRORS:
                self.forget(session)
            else:
                delivered += 1
        return delivered

    async def probe(self, timeout: timedelta = timedelta(seconds=2)) -> int:
        """Ping every known session and forget the ones that do not answer."""
        alive = 0
        for session in list(self._sessions):
            try:
                ping = types.ServerRequest(types.PingRequest())
                await session.send_request(ping, types.EmptyResult, request_read_timeout_seconds=timeout)
            except (McpError, *_DEAD_SESSION_ERRORS):
                self.forget(session)
            else:
                alive += 1
        return alive
