"""The shared ``Server`` instance and its state.

Handlers live in ``tools.py``, ``resources.py`` and ``prompts.py``; each imports ``server``
from here and registers itself with the decorators when the module is imported.
"""

from __future__ import annotations

import os
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mcp.server import InitializationOptions, NotificationOptions, Server

from . import __version__

HEADING = re.compile(r"^(#{1,3})\s+(.+)$", re.MULTILINE)


@dataclass
class DocPage:
    path: Path
    rel: str
    title: str
    headings: list[str]


@dataclass
class DocsState:
    root: Path
    pages: dict[str, DocPage] = field(default_factory=dict)
    subscriptions: set[str] = field(default_factory=set)
    log_level: str = "info"

    def scan(self) -> int:
        self.pages.clear()
        for path in sorted(self.root.rglob("*.md")):
            text = path.read_text(encoding="utf-8", errors="replace")
            headings = [m.group(2).strip() for m in HEADING.finditer(text)]
            rel = path.relative_to(self.root).as_posix()
            self.pages[rel] = DocPage(path, rel, headings[0] if headings else path.stem, headings)
        return len(self.pages)


def docs_root() -> Path:
    return Path(os.environ.get("FSDOCS_ROOT", "docs")).resolve()


@asynccontextmanager
async def lifespan(_: Server[DocsState, Any]) -> AsyncIterator[DocsState]:
    state = DocsState(root=docs_root())
    state.scan()
    yield state


server: Server[DocsState, Any] = Server(
    "fsdocs",
    __version__,
    instructions="Browse and search the project's Markdown documentation. Start with search_docs.",
    lifespan=lifespan,
)

NOTIFICATIONS = NotificationOptions(resources_changed=True, prompts_changed=False, tools_changed=False)


def init_options() -> InitializationOptions:
    """Like ``server.create_initialization_options()`` but advertises our experimental watch flag."""
    return InitializationOptions(
        server_name=server.name,
        server_version=server.version or __version__,
        capabilities=server.get_capabilities(NOTIFICATIONS, {"fsdocs/watch": {"enabled": True}}),
        instructions=server.instructions,
    )
