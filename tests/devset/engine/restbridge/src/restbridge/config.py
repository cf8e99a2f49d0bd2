"""Bridge configuration (no MCP imports here)."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

_ENV = re.compile(r"\$\{([A-Z0-9_]+)\}")


def _expand(value: str) -> str:
    return _ENV.sub(lambda m: os.environ.get(m.group(1), ""), value)


@dataclass
class UpstreamConfig:
    name: str
    transport: Literal["stdio", "http", "sse"] = "stdio"
    command: str | None = None
    args: list[str] = field(default_factory=list)
    env: dict[str, str] | None = None
    url: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    timeout: float = 30.0
    call_timeout: float = 60.0
    expose: list[str] | None = None  # tool allow-list; None means all

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "UpstreamConfig":
        transport = raw.get("transport", "stdio")
        if transport not in ("stdio", "http", "sse"):
            raise ValueError(f"{raw.get('name')}: unknown transport {transport!r}")
        cfg = cls(
            name=raw["name"],
            transport=transport,
            command=raw.get("command"),
            args=list(raw.get("args", [])),
            env=raw.get("env"),
            url=raw.get("url"),
            headers={k: _expand(v) for k, v in raw.get("headers", {}).items()},
            timeout=float(raw.get("timeout", 30)),
            call_timeout=float(raw.get("call_timeout", 60)),
            expose=raw.get("expose"),
        )
        if cfg.transport == "stdio" and not cfg.command:
            raise ValueError(f"{cfg.name}: stdio upstream needs a command")
        if cfg.transport in ("http", "sse") and not cfg.url:
            raise ValueError(f"{cfg.name}: {cfg.transport} upstream needs a url")
        return cfg

    def allows(self, tool: str) -> bool:
        return self.expose is None or tool in self.expose


@dataclass
class BridgeConfig:
    upstreams: list[UpstreamConfig]
    title: str = "MCP REST bridge"
    base_path: str = ""

    @classmethod
    def load(cls, path: str | Path) -> "BridgeConfig":
        raw = json.loads(Path(path).read_text())
        return cls(
            upstreams=[UpstreamConfig.from_dict(u) for u in raw.get("upstreams", [])],
            title=raw.get("title", "MCP REST bridge"),
            base_path=raw.get("base_path", ""),
        )
