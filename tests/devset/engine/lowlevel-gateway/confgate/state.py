"""Shared state handed to every request through the server lifespan."""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field

from mcp.server.session import ServerSession
from mcp.types import LoggingLevel

from .catalog import Catalog, PromptSpec, parse_prompt
from .settings import GatewaySettings
from .subscriptions import SubscriptionHub

LEVELS: tuple[LoggingLevel, ...] = ("debug", "info", "notice", "warning", "error", "critical", "alert", "emergency")


@dataclass
class GatewayState:
    settings: GatewaySettings
    catalog: Catalog
    hub: SubscriptionHub = field(default_factory=SubscriptionHub)
    log_levels: weakref.WeakKeyDictionary[ServerSession, LoggingLevel] = field(default_factory=weakref.WeakKeyDictionary)
    client_progress: dict[str | int, float] = field(default_factory=dict)
    request_counts: dict[str, int] = field(default_factory=dict)
    audit_trail: list[tuple[str, str, str | None]] = field(default_factory=list)
    connections: int = 0

    @classmethod
    def create(cls, settings: GatewaySettings) -> GatewayState:
        catalog = Catalog(settings.root, page_size=settings.page_size)
        catalog.refresh()
        return cls(settings=settings, catalog=catalog)

    def should_log(self, session: ServerSession, level: LoggingLevel) -> bool:
        default = self.settings.log_level.lower()
        threshold = self.log_levels.get(session, default if default in LEVELS else "info")
        return LEVELS.index(level) >= LEVELS.index(threshold)

    def is_protected(self, relpath: str) -> bool:
        return relpath.startswith(self.settings.protected_prefixes)

    def prompt_specs(self) -> dict[str, PromptSpec]:
        specs = [parse_prompt(rel, self.catalog.read_text(rel)) for rel in self.catalog.prompt_files()]
        return {spec.name: spec for spec in specs}
