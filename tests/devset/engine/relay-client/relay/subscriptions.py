"""Resource subscriptions with per-URI callbacks."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Awaitable, Callable
from types import TracebackType

import anyio
from mcp import ClientSession, McpError
from mcp.types import METHOD_NOT_FOUND, ReadResourceResult
from pydantic import AnyUrl

from relay.handlers import NotificationRouter

logger = logging.getLogger(__name__)

UpdateCallback = Callable[[AnyUrl, ReadResourceResult], Awaitable[None]]


class ResourceWatcher:
    """Subscribes to resources and re-reads them when the server says they changed.

    Notifications arrive on the session's receive loop, so re-reads run on the
    watcher's own task group instead of being awaited inline.
    """

    def __init__(self, session: ClientSession, router: NotificationRouter) -> None:
        self._session = session
        self._callbacks: dict[str, list[UpdateCallback]] = defaultdict(list)
        self.updates: dict[str, int] = defaultdict(int)
        self._changed = anyio.Event()
        self._tg = anyio.create_task_group()
        router.on_resource_updated(self._on_updated)

    async def __aenter__(self) -> ResourceWatcher:
        await self._tg.__aenter__()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> bool | None:
        self._tg.cancel_scope.cancel()
        return await self._tg.__aexit__(exc_type, exc, tb)

    async def watch(self, uri: str, callback: UpdateCallback) -> bool:
        """Subscribe to ``uri``; False if the server does not do subscriptions."""
        if uri not in self._callbacks:
            try:
                await self._session.subscribe_resource(AnyUrl(uri))
            except McpError as exc:
                if exc.error.code == METHOD_NOT_FOUND:
                    return False
                raise
        self._callbacks[uri].append(callback)
        return True

    async def unwatch(self, uri: str) -> None:
        if self._callbacks.pop(uri, None) is not None:
            await self._session.unsubscribe_resource(AnyUrl(uri))

    async def _on_updated(self, uri: AnyUrl) -> None:
        self.updates[str(uri)] += 1
        callbacks = list(self._callbacks.get(str(uri), []))
        if callbacks:
            self._tg.start_soon(self._deliver, uri, callbacks)
        else:
            logger.debug("update for unwatched %s resource %s", uri.scheme, uri)

    async def _deliver(self, uri: AnyUrl, callbacks: list[UpdateCallback]) -> None:
        fresh = await self._session.read_resource(uri)
        for callback in callbacks:
            await callback(uri, fresh)
        self._changed.set()

    async def wait_for_update(self, timeout: float = 5.0) -> None:
        with anyio.fail_after(timeout):
            await self._changed.wait()
        self._changed = anyio.Event()
