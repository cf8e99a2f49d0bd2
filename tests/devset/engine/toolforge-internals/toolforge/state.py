"""Shared server state handed to tools through the FastMCP lifespan."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from mcp.server.fastmcp import Context, FastMCP
from mcp.server.session import ServerSession


@dataclass
class AuditRecord:
    tool: str
    ok: bool
    elapsed_ms: float
    request_id: str | None = None
    detail: str | None = None


@dataclass
class ForgeState:
    calls: Counter[str] = field(default_factory=lambda: Counter[str]())
    audit: list[AuditRecord] = field(default_factory=lambda: list[AuditRecord]())
    log_level: str = "info"
    extras: dict[str, Any] = field(default_factory=lambda: dict[str, Any]())

    def record(self, rec: AuditRecord) -> None:
        self.calls[rec.tool] += 1
        self.audit.append(rec)

    def failures(self) -> list[AuditRecord]:
        return [r for r in self.audit if not r.ok]


LifespanFactory = Callable[[FastMCP[ForgeState]], AbstractAsyncContextManager[ForgeState]]


def make_lifespan(state: ForgeState | None = None) -> LifespanFactory:
    """A lifespan yielding ``state`` (or a fresh one), so tests can inspect it after shutdown."""

    @asynccontextmanager
    async def lifespan(server: FastMCP[ForgeState]) -> AsyncIterator[ForgeState]:
        current = state if state is not None else ForgeState()
        current.extras.setdefault("server_name", server.name)
        yield current

    return lifespan


def state_from(ctx: Context[ServerSession, ForgeState] | None) -> ForgeState | None:
    """The lifespan state behind a context, or ``None`` outside a live request."""
    if ctx is None:
        return None
    try:
        return ctx.request_context.lifespan_context
    except ValueError:
        return None
