"""Plugin manifests: JSON documents that describe a plugin before any code is loaded.

The layout deliberately mirrors what a server advertises (camelCase keys and all) so a
manifest can be diffed against a live catalog. Nothing here talks to a server.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Literal, cast

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]

_NAME_RE = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")


class ManifestError(ValueError):
    """Raised when a manifest document is malformed."""


@dataclass(frozen=True)
class ServeOptions:
    """How a plugin bundle wants to be served when run standalone."""

    host: str = "127.0.0.1"
    port: int = 8000
    log_level: LogLevel = "INFO"
    json_response: bool = False
    stateless: bool = False
    path: str = "/mcp"

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> ServeOptions:
        level = str(raw.get("logLevel", "INFO")).upper()
        if level not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
            raise ManifestError(f"unsupported log level {level!r}")
        return cls(
            host=str(raw.get("host", "127.0.0.1")),
            port=int(raw.get("port", 8000)),
            log_level=cast(LogLevel, level),
            json_response=bool(raw.get("jsonResponse", False)),
            stateless=bool(raw.get("stateless", False)),
            path=str(raw.get("path", "/mcp")),
        )


@dataclass
class ToolEntry:
    name: str
    description: str = ""
    inputSchema: dict[str, Any] = field(default_factory=lambda: {"type": "object", "properties": {}})
    readOnlyHint: bool = False
    reply: str | None = None

    def required_args(self) -> list[str]:
        return list(self.inputSchema.get("required", []))


@dataclass
class ResourceEntry:
    uri: str
    text: str
    mimeType: str = "text/plain"
    name: str | None = None


@dataclass
class TemplateEntry:
    uriTemplate: str
    body: str
    mimeType: str = "text/plain"

    def variables(self) -> list[str]:
        return re.findall(r"{(\w+)}", self.uriTemplate)


@dataclass
class PluginManifest:
    name: str
    version: str
    tools: list[ToolEntry] = field(default_factory=lambda: list[ToolEntry]())
    resources: list[ResourceEntry] = field(default_factory=lambda: list[ResourceEntry]())
    resourceTemplates: list[TemplateEntry] = field(default_factory=lambda: list[TemplateEntry]())
    serve: ServeOptions = field(default_factory=ServeOptions)

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> PluginManifest:
        if "name" not in raw or "version" not in raw:
            raise ManifestError("manifest needs both 'name' and 'version'")
        if not _NAME_RE.match(raw["name"]):
            raise ManifestError(f"invalid plugin name {raw['name']!r}")
        tools = [
            ToolEntry(
                name=t["name"],
                description=t.get("description", ""),
                inputSchema=t.get("inputSchema") or {"type": "object", "properties": {}},
                readOnlyHint=bool(t.get("annotations", {}).get("readOnlyHint", False)),
                reply=t.get("reply"),
            )
            for t in raw.get("tools", [])
        ]
        return cls(
            name=raw["name"],
            version=raw["version"],
            tools=tools,
            resources=[ResourceEntry(**r) for r in raw.get("resources", [])],
            resourceTemplates=[TemplateEntry(**t) for t in raw.get("resourceTemplates", [])],
            serve=ServeOptions.from_dict(raw.get("serve", {})),
        )

    @classmethod
    def loads(cls, text: str) -> PluginManifest:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ManifestError(f"manifest is not JSON: {exc.msg}") from exc
        if isinstance(data, dict) and set(cast(dict[str, Any], data)) == {"root"}:
            data = ManifestEnvelope(data["root"]).root
        if not isinstance(data, dict):
            raise ManifestError("manifest must be a JSON object")
        return cls.from_dict(cast(dict[str, Any], data))


class ManifestEnvelope:
    """Some registries wrap manifests as ``{"root": ...}``; this unwraps them."""

    def __init__(self, root: Any) -> None:
        self.root = root


def page(items: list[str], cursor: str | None, size: int = 2) -> dict[str, Any]:
    """Paginate names the way the registry API does (camelCase keys on the wire)."""
    start = int(cursor) if cursor else 0
    nxt = start + size
    return {"items": items[start:nxt], "nextCursor": str(nxt) if nxt < len(items) else None}


def failure(message: str) -> dict[str, Any]:
    """Registry-side failure record, shaped like a failed tool call."""
    return {"isError": True, "content": [{"type": "text", "text": message}]}
