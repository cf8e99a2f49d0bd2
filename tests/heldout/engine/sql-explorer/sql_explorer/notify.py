"""Fan out resource change notifications to every connected session."""

from __future__ import annotations

import logging
import weakref

import anyio
from mcp import types
from mcp.server.session import ServerSession
from pydantic import AnyUrl

logger = logging.getLogger(__name__)


class ChangeNotifier:
    def __init__(self) -> None:
        self._sessions: weakref.WeakSet[ServerSession] = weakref.WeakSet()
        self._watchers: dict[str, set[int]] = {}

    def track(self, session: ServerSession, uri: str | None = None) -> None:
        self._sessions.add(session)
        if uri is not None:
            self._watchers.setdefault(uri, set()).add(id(session))

    def forget(self, session: ServerSession, uri: str) -> None:
        self._watchers.get(uri, set()).discard(id(session))

    async def resource_updated(self, uri: str) -> int:
        """Tell subscribed sessions a table changed. Returns how many were notified."""
        watchers = self._watchers.get(uri, set())
        sent = 0
        for session in list(self._sessions):
            if id(session) not in watchers:
                continue
            try:
                await session.send_resource_updated(AnyUrl(uri))
                sent += 1
            except (anyio.ClosedResourceError, anyio.BrokenResourceError):
                logger.info("dropping closed session %x", id(session))
                self._sessions.discard(session)
        return sent

    async def tables_changed(self) -> None:
        for session in list(self._sessions):
            try:
                await session.send_notification(
                    types.ServerNotification(types.ResourceListChangedNotification())
                )
            except anyio.ClosedResourceError:
                self._sessions.discard(session)
