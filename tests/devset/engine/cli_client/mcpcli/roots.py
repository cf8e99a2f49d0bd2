from __future__ import annotations

from pathlib import Path
from typing import Any

import mcp.types as types
from mcp import ClientSession
from mcp.shared.context import RequestContext
from pydantic import FileUrl


class RootsProvider:
    """Expose local directories to the server as roots."""

    def __init__(self, directories: list[str] | None = None) -> None:
        self.directories = [Path(d).expanduser().resolve() for d in (directories or [])]

    def as_roots(self) -> list[types.Root]:
        return [types.Root(uri=FileUrl(p.as_uri()), name=p.name or str(p)) for p in self.directories]

    async def __call__(self, context: RequestContext[ClientSession, Any]) -> types.ListRootsResult:
        return types.ListRootsResult(roots=self.as_roots())
