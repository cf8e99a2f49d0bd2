"""Resource subscriptions and change fan-out.

Every ``ServerSession`` that called a tool or subscribed is remembered so
list-changed notifications can be broadcast; sessions subscribed to a URI get
``notifications/resources/updated`` when the entity behind it changes.  Dead
sessions are pruned the first time a send to them fails.
"""

from __future__ import annotations

import logging
from collections import defaultdict

import anyio
import mcp.types as types
from mcp.server.session import ServerSession
from pydantic import AnyUrl

logger = logging.getLogger(__name__)


class SubscriptionRegistry:
    def __init__(self) -> None:
        self._by_uri: dict[str, set[ServerSession]] = defaultdict(set)
        self._sessions: set[ServerSession] = set()

    def touch(self, session: ServerSession) -> None:
        self._sessions.add(session)

    def subscribe(self, uri: AnyUrl, session: ServerSession) -> None:
        self.touch(session)
        self._by_uri[str(uri)].add(session)

    def unsubscribe(self, uri: AnyUrl, session: ServerSession) -> bool:
        subscribers = self._by_uri.get(str(uri), set())
        found = session in subscribers
        subscribers.discard(session)
        return found

    def subscribers(self, uri: AnyUrl | str) -> set[ServerSession]:
        return set(self._by_uri.get(str(uri), ()))

    @property
    def session_count(self) -> int:
        return len(self._sessions)

    def _drop(self, session: ServerSession) -> None:
        self._sessions.discard(session)
        for sessions in self._by_uri.values():
            sessions.discard(session)

    async def publish_update(self, uri: AnyUrl) -> int:
        delivered = 0
        for session in self.subscribers(uri):
            try:
                await session.send_resource_updated(uri)
                delivered += 1
            except (anyio.ClosedResourceError, anyio.BrokenResourceError):
                logger.info("dropping closed subscriber for %s", uri)
                self._drop(session)
        return delivered

    async def broadcast_list_changed(self) -> None:
        notification = types.ServerNotification(types.ResourceListChangedNotification())
        for session in list(self._sessions):
            try:
                await session.send_notification(notification)
            except (anyio.ClosedResourceError, anyio.BrokenResourceError):
                self._drop(session)
