"""Work out who is calling a tool."""

from __future__ import annotations

from dataclasses import dataclass, field

from toolguard._sdk import Context
from toolguard.settings import get_settings


@dataclass(frozen=True)
class Caller:
    client_id: str
    scopes: frozenset[str] = field(default_factory=frozenset)
    source: str = "meta"

    @property
    def is_anonymous(self) -> bool:
        return self.client_id == "anonymous"

    def has(self, scope: str) -> bool:
        if scope in self.scopes:
            return True
        prefix = scope.split(":", 1)[0]
        return f"{prefix}:*" in self.scopes or "*" in self.scopes


def _scopes_from_meta(ctx: Context) -> frozenset[str]:
    meta = ctx.request_context.meta
    if meta is None:
        return frozenset()
    raw = getattr(meta, "scopes", None)
    if isinstance(raw, str):
        return frozenset(raw.split())
    if isinstance(raw, list):
        return frozenset(str(s) for s in raw)
    return frozenset()


def _from_http(ctx: Context) -> Caller | None:
    request = ctx.request_context.request
    headers = getattr(request, "headers", None)
    if headers is None:
        return None
    client = headers.get("x-client-id")
    if not client:
        return None
    scopes = frozenset(headers.get("x-client-scopes", "").split())
    return Caller(client_id=client, scopes=scopes, source="http")


def resolve_caller(ctx: Context) -> Caller:
    """Identity from the request: `_meta.client_id` first, then HTTP headers."""
    client_id = ctx.client_id
    if client_id:
        return Caller(client_id=client_id, scopes=_scopes_from_meta(ctx), source="meta")
    http_caller = _from_http(ctx)
    if http_caller is not None:
        return http_caller
    settings = get_settings()
    return Caller(client_id="anonymous", scopes=frozenset(settings.anonymous_scopes), source="anonymous")
