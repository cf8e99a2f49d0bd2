from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class UpstreamSpec:
    """How to reach one upstream MCP server."""

    name: str
    command: str | None = None
    args: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    cwd: str | None = None
    url: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    timeout: timedelta = timedelta(seconds=30)

    @property
    def transport(self) -> str:
        if self.url:
            return "streamable-http"
        if self.command:
            return "stdio"
        raise ValueError(f"upstream {self.name!r} needs either 'command' or 'url'")


@dataclass
class GatewayConfig:
    name: str = "mcp-gateway"
    separator: str = "__"
    upstreams: list[UpstreamSpec] = field(default_factory=list)


def _expand(value: str) -> str:
    return os.path.expandvars(value)


def _parse_upstream(raw: dict[str, Any]) -> UpstreamSpec:
    timeout = raw.get("timeout_seconds", 30)
    return UpstreamSpec(
        name=raw["name"],
        command=raw.get("command"),
        args=[_expand(a) for a in raw.get("args", [])],
        env={k: _expand(v) for k, v in raw.get("env", {}).items()},
        cwd=raw.get("cwd"),
        url=raw.get("url"),
        headers={k: _expand(v) for k, v in raw.get("headers", {}).items()},
        timeout=timedelta(seconds=float(timeout)),
    )


def load_config(path: str | Path) -> GatewayConfig:
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    gateway = data.get("gateway", {})
    config = GatewayConfig(
        name=gateway.get("name", "mcp-gateway"),
        separator=gateway.get("separator", "__"),
        upstreams=[_parse_upstream(u) for u in data.get("upstream", [])],
    )
    names = [u.name for u in config.upstreams]
    if len(names) != len(set(names)):
        raise ValueError("upstream names must be unique")
    return config
