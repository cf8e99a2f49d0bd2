"""A FastMCP subclass that applies guards and keeps an audit trail."""

from __future__ import annotations

import json
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any, Awaitable, Callable, TypeVar

from toolguard._sdk import ContentBlock, FastMCP, ToolAnnotations
from toolguard.cache import ResultCache
from toolguard.guards import cached, rate_limit, require_scopes
from toolguard.identity import resolve_caller
from toolguard.ratelimit import TokenBucket
from toolguard.settings import get_settings

F = TypeVar("F", bound=Callable[..., Awaitable[Any]])


@dataclass
class AuditEntry:
    tool: str
    caller: str
    ok: bool
    elapsed_ms: float
    error: str | None = None
    at: float = 0.0


class GuardedFastMCP(FastMCP):
    def __init__(
        self,
        name: str,
        instructions: str | None = None,
        *,
        cache: ResultCache | None = None,
        **settings: Any,
    ) -> None:
        super().__init__(name, instructions, **settings)
        self.cache = cache or ResultCache()
        self.limiters: dict[str, TokenBucket] = {}
        self.audit: deque[AuditEntry] = deque(maxlen=get_settings().audit_size)

        @self.resource("guard://audit/{tool}", mime_type="application/json", description="Recent calls of a tool")
        def audit_for(tool: str) -> str:
            rows = [asdict(e) for e in self.audit if e.tool == tool]
            return json.dumps(rows)

        @self.resource("guard://stats", mime_type="application/json")
        def stats() -> str:
            s = self.cache.stats
            return json.dumps({"hits": s.hits, "misses": s.misses, "ratio": s.ratio, "audited": len(self.audit)})

    def _caller_name(self) -> str:
        ctx = self.get_context()
        try:
            return resolve_caller(ctx).client_id
        except (ValueError, LookupError):
            return "internal"

    async def call_tool(self, name: str, arguments: dict[str, Any]) -> Sequence[ContentBlock] | dict[str, Any]:
        caller = self._caller_name()
        started = time.perf_counter()
        try:
            result = await super().call_tool(name, arguments)
        except Exception as exc:
            self.audit.append(AuditEntry(name, caller, False, (time.perf_counter() - started) * 1000, str(exc), time.time()))
            raise
        self.audit.append(AuditEntry(name, caller, True, (time.perf_counter() - started) * 1000, None, time.time()))
        return result

    def guard_tool(
        self,
        name: str | None = None,
        *,
        scopes: Sequence[str] = (),
        per_minute: int | None = None,
        ttl: float | None = None,
        read_only: bool = False,
        title: str | None = None,
    ) -> Callable[[F], F]:
        """Register a tool with scope, rate-limit and cache guards applied in that order."""

        def decorate(fn: F) -> F:
            wrapped: F = fn
            if ttl is not None:
                wrapped = cached(ttl, cache=self.cache)(wrapped)
            if per_minute is not None:
                limiter = TokenBucket(per_minute)
                self.limiters[name or fn.__name__] = limiter
                wrapped = rate_limit(bucket=limiter)(wrapped)
            if scopes:
                wrapped = require_scopes(*scopes)(wrapped)
            annotations = ToolAnnotations(
                readOnlyHint=read_only,
                destructiveHint=not read_only,
                idempotentHint=read_only,
                openWorldHint=False,
            )
            self.tool(name=name, title=title, annotations=annotations)(wrapped)
            return fn

        return decorate

    async def policy_table(self) -> list[dict[str, Any]]:
        """Summary of registered tools for the admin CLI."""
        rows: list[dict[str, Any]] = []
        for tool in await self.list_tools():
            ann = tool.annotations
            rows.append(
                {
                    "name": tool.name,
                    "read_only": bool(ann and ann.readOnlyHint),
                    "params": sorted(tool.inputSchema.get("properties", {})),
                    "structured": tool.outputSchema is not None,
                    "rate_limited": tool.name in self.limiters,
                }
            )
        return rows

    def serve_http(self, host: str = "0.0.0.0", port: int = 8090, *, stateless: bool = True) -> None:
        self.settings.host = host
        self.settings.port = port
        self.settings.stateless_http = stateless
        self.settings.json_response = stateless
        self.run(transport="streamable-http")
