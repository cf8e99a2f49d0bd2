"""Synchronous facade: run the MCP client on an event loop in a worker thread.

Agent frameworks that only call plain functions can use :class:`SyncMCPAdapter`
as a context manager and get back ordinary callables.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections.abc import Coroutine, Mapping
from datetime import timedelta
from typing import Any, TypeVar

from .config import Connection
from .framework import FrameworkTool, ToolOutput, ToolSpec
from .sessions import MultiServerMCPClient
from .tools import load_tools_from_client

T = TypeVar("T")


class AdapterNotRunningError(RuntimeError):
    pass


class SyncTool:
    """A blocking wrapper around a FrameworkTool living on the adapter's loop."""

    def __init__(self, adapter: SyncMCPAdapter, tool: FrameworkTool) -> None:
        self._adapter = adapter
        self._tool = tool

    @property
    def name(self) -> str:
        return self._tool.name

    @property
    def spec(self) -> ToolSpec:
        return self._tool.spec

    def invoke(self, arguments: str | dict[str, Any] | None = None, *, timeout: float | None = None) -> ToolOutput:
        return self._adapter.run(self._tool.ainvoke(arguments), timeout=timeout)

    def __call__(self, **kwargs: Any) -> ToolOutput:
        return self.invoke(kwargs)

    def __repr__(self) -> str:
        return f"SyncTool({self.name!r})"


class SyncMCPAdapter:
    def __init__(
        self,
        connections: Mapping[str, Connection],
        *,
        call_timeout: timedelta | None = None,
        startup_timeout: float = 30.0,
        prefix_with_server: bool = True,
        **client_kwargs: Any,
    ) -> None:
        self._connections = dict(connections)
        self._call_timeout = call_timeout
        self._startup_timeout = startup_timeout
        self._prefix_with_server = prefix_with_server
        self._client_kwargs = client_kwargs
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._owner: concurrent.futures.Future[None] | None = None
        self._shutdown: asyncio.Event | None = None
        self._ready = threading.Event()
        self._startup_error: BaseException | None = None
        self.client: MultiServerMCPClient | None = None
        self.tools: list[SyncTool] = []

    def __enter__(self) -> list[SyncTool]:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def running(self) -> bool:
        return self._loop is not None and self._ready.is_set() and self._startup_error is None

    def start(self) -> list[SyncTool]:
        if self._loop is not None:
            raise RuntimeError("adapter already started")
        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, name="toolbridge-loop", daemon=True)
        thread.start()
        self._loop, self._thread = loop, thread
        self._owner = asyncio.run_coroutine_threadsafe(self._own_sessions(), loop)
        if not self._ready.wait(self._startup_timeout):
            self.close()
            raise TimeoutError("MCP servers did not come up in time")
        if self._startup_error is not None:
            error = self._startup_error
            self.close()
            raise error
        return list(self.tools)

    async def _own_sessions(self) -> None:
        """Owns every session for the adapter's lifetime (enter and exit in one task)."""
        self._shutdown = asyncio.Event()
        try:
            async with MultiServerMCPClient(self._connections, **self._client_kwargs) as client:
                self.client = client
                loaded = await load_tools_from_client(
                    client,
                    prefix_with_server=self._prefix_with_server,
                    timeout=self._call_timeout,
                )
                self.tools = [SyncTool(self, t) for t in loaded]
                self._ready.set()
                await self._shutdown.wait()
        except BaseException as exc:
            self._startup_error = exc
            self._ready.set()
            raise
        finally:
            self.client = None

    def run(self, coro: Coroutine[Any, Any, T], *, timeout: float | None = None) -> T:
        if not self.running or self._loop is None:
            coro.close()
            raise AdapterNotRunningError("adapter is not running")
        future = asyncio.run_coroutine_threadsafe(coro, self._loop)
        try:
            return future.result(timeout)
        except concurrent.futures.TimeoutError:
            future.cancel()
            raise

    def tool(self, name: str) -> SyncTool:
        for candidate in self.tools:
            if candidate.name == name:
                return candidate
        raise KeyError(name)

    def close(self) -> None:
        loop, thread, owner = self._loop, self._thread, self._owner
        if loop is None:
            return
        if self._shutdown is not None:
            loop.call_soon_threadsafe(self._shutdown.set)
        if owner is not None:
            try:
                owner.result(10)
            except BaseException:
                pass
        loop.call_soon_threadsafe(loop.stop)
        if thread is not None:
            thread.join(10)
        loop.close()
        self._loop = self._thread = self._owner = self._shutdown = None
        self._ready.clear()
        self.tools = []
