"""Per-session resource subscriptions and change fan-out."""

from __future__ import annotations

import logging
from collections import defaultdict
from weakref import WeakKeyDictionary

import anyio
from pydantic import AnyUrl

from mcp.server.session import ServerSession
from mcp.types import (
    LoggingLevel,
    ResourceListChangedNotification,
    ServerNotification,
)

logger = logging.getLogger(__name__)

_LEVELS: list[LoggingLevel] = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"]


class SubscriptionHub:
    """Remembers which client sessions watch which resource URIs.

    Sessions are held weakly: when a client disconnects and its session object is
    collected, its subscriptions disappear with it. Sessions whose transport is
    already closed are pruned the first time a send to them fails.
    """

    def __init__(self) -> None:
        self._by_session: WeakKeyDictionary[ServerSession, set[str]] = WeakKeyDictionary()
        self._log_levels: WeakKeyDictionary[ServerSession, LoggingLevel] = WeakKeyDictionary()

    # -- bookkeeping -----------------------------------------------------------------

    def register(self, session: ServerSession) -> None:
        self._by_session.setdefault(session, set())

    def subscribe(self, session: ServerSession, uri: AnyUrl | str) -> None:
        self._by_session.setdefault(session, set()).add(str(uri))
        logger.debug("session %x subscribed to %s", id(session), uri)

    def unsubscribe(self, session: ServerSession, uri: AnyUrl | str) -> None:
        self._by_session.get(session, set()).discard(str(uri))

    def drop(self, session: ServerSession) -> None:
        self._by_session.pop(session, None)
        self._log_levels.pop(session, None)

    def watchers(self, uri: str) -> list[ServerSession]:
        return [s for s, uris in list(self._by_session.items()) if uri in uris]

    def subscription_counts(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for uris in self._by_session.values():
            for uri in uris:
                counts[uri] += 1
        return dict(counts)

    def set_level(self, session: ServerSession, level: LoggingLevel) -> None:
        self._log_levels[session] = level

    def wants(self, session: ServerSession, level: LoggingLevel) -> bool:
        threshold = self._log_levels.get(session, "info")
        return _LEVELS.index(level) >= _LEVELS.index(threshold)

    # -- fan-out ---------------------------------------------------------------------

    async def publish(self, *uris: str) -> int:
        """Notify every subscriber of ``uris``; returns how many notifications went out."""
        sent = 0
        dead: list[ServerSession] = []
        for uri in uris:
            for session in self.watchers(uri):
                try:
                    await session.send_resource_updated(AnyUrl(uri))
                except (anyio.ClosedResourceError, anyio.BrokenResourceError):
                    dead.append(session)
                else:
                    sent += 1
        for session in dead:
            logger.info("pruning disconnected session %x", id(session))
            self.drop(session)
        return sent

    async def announce_resource_list_changed(self) -> None:
        dead: list[ServerSession] = []
        for session in list(self._by_session.keys()):
            try:
                await session.send_notification(ServerNotification(ResourceListChangedNotification()))
            except (anyio.ClosedResourceError, anyio.BrokenResourceError):
                dead.append(session)
        for session in dead:
            self.drop(session)
