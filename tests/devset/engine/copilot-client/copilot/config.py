"""Server registry loaded from ``.copilot/mcp.json``.

Example::

    {
      "defaults": {"timeoutSeconds": 30, "readTimeoutSeconds": 120},
      "servers": {
        "git":    {"command": "uvx", "args": ["mcp-server-git"], "env": {"GIT_PAGER": "cat"}},
        "issues": {"url": "https://issues.acme.test/mcp", "headers": {"X-Org": "acme"}},
        "legacy": {"url": "http://localhost:9000/sse", "transport": "sse", "enabled": false}
      }
    }
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from mcp.client.session_group import ServerParameters, SseServerParameters, StreamableHttpParameters
from mcp.client.stdio import StdioServerParameters


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class ServerEntry:
    name: str
    params: ServerParameters
    read_timeout: timedelta | None = None
    enabled: bool = True

    @property
    def transport(self) -> str:
        if isinstance(self.params, StdioServerParameters):
            return "stdio"
        if isinstance(self.params, SseServerParameters):
            return "sse"
        return "streamable-http"


@dataclass
class WorkspaceConfig:
    servers: dict[str, ServerEntry] = field(default_factory=lambda: {})

    def enabled(self) -> list[ServerEntry]:
        return [s for s in self.servers.values() if s.enabled]


def _seconds(raw: dict[str, Any], key: str, default: float | None) -> float | None:
    value = raw.get(key, default)
    if value is None:
        return None
    if not isinstance(value, int | float) or value <= 0:
        raise ConfigError(f"{key} must be a positive number, got {value!r}")
    return float(value)


def parse_entry(name: str, raw: dict[str, Any], defaults: dict[str, Any]) -> ServerEntry:
    timeout = _seconds(raw, "timeoutSeconds", defaults.get("timeoutSeconds", 30)) or 30.0
    read_timeout = _seconds(raw, "readTimeoutSeconds", defaults.get("readTimeoutSeconds"))
    sse_read = _seconds(raw, "sseReadTimeoutSeconds", 300) or 300.0
    params: ServerParameters
    if "command" in raw:
        params = StdioServerParameters(
            command=raw["command"],
            args=list(raw.get("args", [])),
            env=raw.get("env"),
            cwd=raw.get("cwd"),
        )
    elif "url" in raw:
        headers = raw.get("headers")
        if raw.get("transport") == "sse":
            params = SseServerParameters(url=raw["url"], headers=headers, timeout=timeout, sse_read_timeout=sse_read)
        else:
            params = StreamableHttpParameters(
                url=raw["url"],
                headers=headers,
                timeout=timedelta(seconds=timeout),
                sse_read_timeout=timedelta(seconds=sse_read),
                terminate_on_close=raw.get("terminateOnClose", True),
            )
    else:
        raise ConfigError(f"server {name!r} needs either 'command' or 'url'")
    return ServerEntry(
        name=name,
        params=params,
        read_timeout=timedelta(seconds=read_timeout) if read_timeout else None,
        enabled=bool(raw.get("enabled", True)),
    )


def load_config(source: str | Path) -> WorkspaceConfig:
    text = source.read_text() if isinstance(source, Path) else source
    data = json.loads(text)
    defaults = data.get("defaults", {})
    servers = {name: parse_entry(name, raw, defaults) for name, raw in data.get("servers", {}).items()}
    return WorkspaceConfig(servers=servers)
