"""Aggregated tool catalogue with per-tool approval rules."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from mcp import ClientSession, types

from deskmate.config import ApprovalSettings

SEPARATOR = "__"


class Approval(enum.Enum):
    AUTO = "auto"
    ASK = "ask"
    DENY = "deny"


@dataclass
class ToolEntry:
    server: str
    tool: types.Tool

    @property
    def qualified_name(self) -> str:
        return f"{self.server}{SEPARATOR}{self.tool.name}"

    @property
    def display_title(self) -> str:
        if self.tool.title:
            return self.tool.title
        if self.tool.annotations and self.tool.annotations.title:
            return self.tool.annotations.title
        return self.tool.name.replace("_", " ")

    @property
    def read_only(self) -> bool:
        return bool(self.tool.annotations and self.tool.annotations.readOnlyHint)

    @property
    def destructive(self) -> bool:
        annotations = self.tool.annotations
        if annotations is None or annotations.readOnlyHint:
            return False
        # The spec default for destructiveHint is true when the tool is not read-only.
        return annotations.destructiveHint is not False


@dataclass
class ApprovalRules:
    settings: ApprovalSettings = field(default_factory=ApprovalSettings)
    auto_approve: dict[str, set[str]] = field(default_factory=dict)
    always_allow: set[str] = field(default_factory=set)
    blocked: set[str] = field(default_factory=set)

    def decide(self, entry: ToolEntry) -> Approval:
        if entry.qualified_name in self.blocked:
            return Approval.DENY
        if entry.qualified_name in self.always_allow:
            return Approval.AUTO
        if entry.tool.name in self.auto_approve.get(entry.server, set()):
            return Approval.AUTO
        if entry.destructive:
            return Approval.ASK
        if entry.read_only and self.settings.trust_read_only:
            return Approval.AUTO
        return Approval(self.settings.default_mode)

    def remember(self, entry: ToolEntry, allow: bool) -> None:
        (self.always_allow if allow else self.blocked).add(entry.qualified_name)


class ToolRegistry:
    def __init__(self, rules: ApprovalRules | None = None) -> None:
        self.rules = rules or ApprovalRules()
        self._entries: dict[str, ToolEntry] = {}
        self.stale: set[str] = set()

    async def refresh(self, server: str, session: ClientSession) -> int:
        """Re-read the full (paginated) tool list of one server."""
        collected: list[types.Tool] = []
        cursor: types.Cursor | None = None
        while True:
            page = await session.list_tools(cursor=cursor)
            collected.extend(page.tools)
            cursor = page.nextCursor
            if cursor is None:
                break
        self.drop_server(server)
        for tool in collected:
            entry = ToolEntry(server, tool)
            self._entries[entry.qualified_name] = entry
        self.stale.discard(server)
        return len(collected)

    def drop_server(self, server: str) -> None:
        for name in [name for name, entry in self._entries.items() if entry.server == server]:
            del self._entries[name]

    def resolve(self, qualified_name: str) -> ToolEntry:
        return self._entries[qualified_name]

    def entries(self, server: str | None = None) -> list[ToolEntry]:
        found = [entry for entry in self._entries.values() if server is None or entry.server == server]
        return sorted(found, key=lambda entry: entry.qualified_name)

    def approval(self, qualified_name: str) -> Approval:
        return self.rules.decide(self.resolve(qualified_name))

    def function_specs(self) -> list[dict[str, Any]]:
        """Tool definitions in the shape the chat model expects."""
        specs: list[dict[str, Any]] = []
        for entry in self.entries():
            if self.rules.decide(entry) is Approval.DENY:
                continue
            spec: dict[str, Any] = {"name": entry.qualified_name, "description": entry.tool.description or entry.display_title}
            spec["input_schema"] = entry.tool.inputSchema
            if entry.tool.outputSchema is not None:
                spec["output_schema"] = entry.tool.outputSchema
            specs.append(spec)
        return specs

    def snapshot(self) -> dict[str, list[dict[str, Any]]]:
        """Wire-shaped dump of every tool, persisted for the offline tool picker."""
        out: dict[str, list[dict[str, Any]]] = {}
        for entry in self.entries():
            out.setdefault(entry.server, []).append(entry.tool.model_dump(exclude_none=True))
        return out
