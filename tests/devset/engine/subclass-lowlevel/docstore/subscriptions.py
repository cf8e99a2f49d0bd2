"""Tracks which sessions are subscribed to which document URIs."""

from __future__ import annotations

import logging
import weakref
from collections.abc import Iterable

import anyio
from mcp.server.session import ServerSession
from pydantic import AnyUrl

logger = logging.getLogger(__name__)


class SubscriptionRegistry:
    """Maps live sessions to the set of URIs they subscribed to.

    Sessions are held weakly so a dropped connection never keeps its
    subscriptions alive; ``broadcast`` additionally prunes sessions whose
    transport has gone away.
    """

    def __init__(self) -> None:
        self._by_session: weakref.WeakKeyDictionary[ServerSession, set[str]] = weakref.WeakKeyDictionary()
        self._closed: set[int] = set()
        self.delivered = 0

    def subscribe(self, session: ServerSession, uri: AnyUrl | str) -> bool:
        uris = self._by_session.setdefault(session, set())
        key = str(uri)
        added = key not in uris
        uris.add(key)
        return added

    def unsubscribe(self, session: ServerSession, uri: AnyUrl | str) -> bool:
        uris = self._by_session.get(session)
        if not uris or str(uri) not in uris:
            return False
        uris.discard(str(uri))
        if not uris:
            del self._by_session[session]
        return True

    def is_subscribed(self, session: ServerSession, uri: AnyUrl | str) -> bool:
        return str(uri) in self._by_session.get(session, set())

    def subscribers(self, uri: AnyUrl | str) -> list[ServerSession]:
        key = str(uri)
        return [session for session, uris in list(self._by_session.items()) if key in uris]

    def uris_for(self, session: ServerSession) -> list[str]:
        return sorted(self._by_session.get(session, set()))

    def session_count(self) -> int:
        return len(self._by_session)

    def drop(self, session: ServerSession) -> None:
        self._by_session.pop(session, None)

    def prune_closed(self) -> int:
        stale = [s for s in list(self._by_session.keys()) if id(s) in self._closed]
        for session in stale:
            self.drop(session)
        self._closed.clear()
        return len(stale)

    async def broadcast(self, uri: AnyUrl | str, *, exclude: Iterable[ServerSession] = ()) -> int:
        """Send ``notifications/resources/updated`` to every subscriber of ``uri``."""
        skip = {id(s) for s in exclude}
        target = uri if isinstance(uri, AnyUrl) else AnyUrl(uri)
        sent = 0
        for session in self.subscribers(target):
            if id(session) in skip:
                continue
            try:
                await session.send_resource_updated(target)
            except (anyio.ClosedResourceError, anyio.BrokenResourceError):
                logger.debug("subscriber for %s went away; dropping it", target)
                self._closed.add(id(session))
                self.drop(session)
                continue
            sent += 1
        self.delivered += sent
        return sent
