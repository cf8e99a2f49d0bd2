"""Hub configuration (JSON). Standard library only."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Kind = Literal["stdio", "sse", "http"]


@dataclass
class UpstreamSpec:
    name: str
    kind: Kind
    command: str | None = None
    args: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    url: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    timeout: float = 30.0
    prefix: str | None = None


@dataclass
class HubConfig:
    name: str = "mcp-proxy-hub"
    wiretap: Path | None = None
    upstreams: list[UpstreamSpec] = field(default_factory=list)


def _upstream(name: str, raw: dict[str, Any]) -> UpstreamSpec:
    spec = UpstreamSpec(
        name=name,
        kind=raw.get("kind", "stdio"),
        command=raw.get("command"),
        args=list(raw.get("args", [])),
        env=dict(raw.get("env", {})),
        url=raw.get("url"),
        headers=dict(raw.get("headers", {})),
        timeout=float(raw.get("timeout", 30.0)),
        prefix=raw.get("prefix"),
    )
    if (spec.kind == "stdio" and not spec.command) or (spec.kind != "stdio" and not spec.url):
        raise ValueError(f"upstream {name!r} is missing command/url")
    return spec


def load_config(path: Path) -> HubConfig:
    raw = json.loads(path.read_text(encoding="utf-8"))
    hub = raw.get("hub", {})
    return HubConfig(
        name=hub.get("name", "mcp-proxy-hub"),
        wiretap=Path(hub["wiretap"]) if "wiretap" in hub else None,
        upstreams=[_upstream(name, spec) for name, spec in raw.get("upstreams", {}).items()],
    )
