"""Fan-out of resource notifications to connected sessions."""

from __future__ import annotations

import weakref
from collections import defaultdict

import anyio
from pydantic import AnyUrl

import mcp.types as types
from mcp.server.session import ServerSession

_GONE = (anyio.ClosedResourceError, anyio.BrokenResourceError)
ListChanged = types.ResourceListChangedNotification | types.PromptListChangedNotification


class SubscriptionHub:
    """Tracks which sessions watch which URIs, and which sessions exist at all."""

    def __init__(self) -> None:
        self._watchers: defaultdict[str, set[ServerSession]] = defaultdict(set)
        self._sessions: weakref.WeakSet[ServerSession] = weakref.WeakSet()

    def attach(self, session: ServerSession) -> None:
        self._sessions.add(session)

    def detach(self, session: ServerSession) -> None:
        self._sessions.discard(session)
        for watchers in self._watchers.values():
            watchers.discard(session)

    def subscribe(self, uri: AnyUrl, session: ServerSession) -> None:
        self.attach(session)
        self._watchers[str(uri)].add(session)

    def unsubscribe(self, uri: AnyUrl, session: ServerSession) -> None:
        self._watchers[str(uri)].discard(session)

    def watched(self) -> list[str]:
        return sorted(uri for uri, watchers in self._watchers.items() if watchers)

    async def resource_updated(self, uri: AnyUrl) -> int:
        delivered = 0
        for session in list(self._watchers.get(str(uri), ())):
            try:
                await session.send_resource_updated(uri)
                delivered += 1
            except _GONE:
                self.detach(session)
        return delivered

    async def list_changed(self, *kinds: ListChanged) -> None:
        for session in list(self._sessions):
            try:
                for kind in kinds:
                    await session.send_notification(types.ServerNotification(kind))
            except _GONE:
                self.detach(session)
