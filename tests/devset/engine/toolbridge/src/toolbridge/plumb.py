"""Plumb: a deliberately tiny agent-tool framework.

Plumb knows nothing about MCP. A ``PlumbTool`` is a name, a JSON schema for
its parameters and an async callable returning a ``ToolOutput`` made of
``Part`` objects. ``toolbridge`` translates MCP concepts into these.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

PartKind = Literal["text", "image", "audio", "file", "link"]


@dataclass(frozen=True)
class Part:
    kind: PartKind
    text: str | None = None
    data: str | None = None
    media_type: str | None = None
    uri: str | None = None


@dataclass
class ToolOutput:
    parts: list[Part] = field(default_factory=list)
    structured: dict[str, Any] | None = None
    failed: bool = False

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.parts if p.kind == "text" and p.text)


ToolFunc = Callable[[dict[str, Any]], Awaitable[ToolOutput]]


@dataclass
class PlumbTool:
    name: str
    description: str
    parameters: dict[str, Any]
    func: ToolFunc
    returns: dict[str, Any] | None = None
    read_only: bool = False
    tags: set[str] = field(default_factory=set)

    async def __call__(self, **kwargs: Any) -> ToolOutput:
        return await self.func(kwargs)


class Toolbox:
    """A name-indexed collection of tools with a simple run() entry point."""

    def __init__(self, tools: list[PlumbTool] | None = None) -> None:
        self._tools: dict[str, PlumbTool] = {}
        for tool in tools or []:
            self.add(tool)

    def add(self, tool: PlumbTool) -> None:
        if tool.name in self._tools:
            raise ValueError(f"duplicate tool name: {tool.name}")
        self._tools[tool.name] = tool

    def __contains__(self, name: object) -> bool:
        return name in self._tools

    def __iter__(self) -> Iterator[PlumbTool]:
        return iter(self._tools.values())

    def __len__(self) -> int:
        return len(self._tools)

    def get(self, name: str) -> PlumbTool:
        return self._tools[name]

    def read_only(self) -> list[PlumbTool]:
        return [t for t in self._tools.values() if t.read_only]

    async def run(self, name: str, arguments: dict[str, Any] | None = None) -> ToolOutput:
        return await self._tools[name].func(arguments or {})
