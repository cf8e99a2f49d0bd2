from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from mcp.server.fastmcp import Context, FastMCP
from mcp.server.session import ServerSession

from notesvc.config import AppConfig
from notesvc.store import NoteStore


@dataclass
class AppContext:
    config: AppConfig
    store: NoteStore
    audit: list[str] = field(default_factory=list)


# Handlers annotate their ctx parameter with this alias.
NoteContext = Context[ServerSession, AppContext]


def app_state(ctx: NoteContext) -> AppContext:
    return ctx.request_context.lifespan_context


def make_lifespan(config: AppConfig):
    @asynccontextmanager
    async def lifespan(server: FastMCP[AppContext]) -> AsyncIterator[AppContext]:
        store = NoteStore(config.db_path)
        try:
            yield AppContext(config=config, store=store)
        finally:
            store.close()

    return lifespan
