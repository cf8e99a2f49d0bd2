"""Open workspaces, exposed to servers as MCP roots."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from pydantic import FileUrl

from mcp import types


@dataclass(frozen=True)
class Workspace:
    path: Path
    label: str


class WorkspaceManager:
    def __init__(self) -> None:
        self._open: dict[Path, Workspace] = {}
        self._listeners: list[Callable[[], Awaitable[None]]] = []

    def subscribe(self, listener: Callable[[], Awaitable[None]]) -> None:
        self._listeners.append(listener)

    @property
    def workspaces(self) -> list[Workspace]:
        return list(self._open.values())

    async def open(self, path: str | Path, label: str | None = None) -> Workspace:
        resolved = Path(path).expanduser().resolve()
        if not resolved.is_dir():
            raise NotADirectoryError(resolved)
        is_new = resolved not in self._open
        workspace = self._open[resolved] = Workspace(path=resolved, label=label or resolved.name)
        if is_new:
            for listener in list(self._listeners):
                await listener()
        return workspace

    async def close(self, path: str | Path) -> None:
        if self._open.pop(Path(path).expanduser().resolve(), None) is not None:
            for listener in list(self._listeners):
                await listener()

    def as_roots(self) -> list[types.Root]:
        return [types.Root(uri=FileUrl(ws.path.as_uri()), name=ws.label) for ws in self._open.values()]

    def owner_of(self, uri: FileUrl | str) -> Workspace | None:
        """Find the workspace containing a ``file://`` URI reported by a server."""
        target = FileUrl(uri) if isinstance(uri, str) else uri
        candidate = Path(target.path or "/")
        return next((ws for ws in self._open.values() if ws.path == candidate or ws.path in candidate.parents), None)
