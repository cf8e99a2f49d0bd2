"""The declarative spec format. No MCP imports: specs are plain data."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

ToolKind = Literal["static", "lookup", "format", "badge", "chime", "build_info", "lint"]


@dataclass
class ToolSpec:
    name: str
    kind: ToolKind
    description: str = ""
    title: str | None = None
    read_only: bool = True
    enabled: bool = True
    options: dict[str, Any] = field(default_factory=dict)


@dataclass
class ResourceSpec:
    uri: str
    name: str
    text: str | None = None
    table: str | None = None
    mime_type: str = "text/plain"


@dataclass
class PromptSpec:
    name: str
    template: str
    description: str = ""


@dataclass
class ServerSpec:
    name: str
    instructions: str | None = None
    version: str = "0.1.0"
    tools: list[ToolSpec] = field(default_factory=list)
    resources: list[ResourceSpec] = field(default_factory=list)
    prompts: list[PromptSpec] = field(default_factory=list)
    tables: dict[str, dict[str, Any]] = field(default_factory=dict)
    transport: str = "stdio"
    port: int = 8000

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> ServerSpec:
        return cls(
            name=raw["name"],
            instructions=raw.get("instructions"),
            version=raw.get("version", "0.1.0"),
            tools=[ToolSpec(**t) for t in raw.get("tools", [])],
            resources=[ResourceSpec(**r) for r in raw.get("resources", [])],
            prompts=[PromptSpec(**p) for p in raw.get("prompts", [])],
            tables=raw.get("tables", {}),
            transport=raw.get("transport", "stdio"),
            port=int(raw.get("port", 8000)),
        )

    @classmethod
    def load(cls, path: Path) -> ServerSpec:
        text = path.read_text(encoding="utf-8")
        if path.suffix in {".yaml", ".yml"}:
            import yaml  # type: ignore[import-untyped]

            data = yaml.safe_load(text)
        else:
            data = json.loads(text)
        return cls.from_dict(data)
