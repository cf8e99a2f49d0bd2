"""Host configuration, read from ``PLUGINHOST_*`` environment variables.

This module is deliberately free of any server imports so that the CLI and
deployment tooling can load it cheaply.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from pydantic import RootModel

TRANSPORTS = ("stdio", "sse", "streamable-http")
DEFAULT_PLUGINS = ("notes", "files", "assistant", "ops")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class PluginList(RootModel[list[str]]):
    """Ordered, de-duplicated list of plugin names."""

    @classmethod
    def parse(cls, raw: str | None) -> PluginList:
        if not raw:
            return cls(list(DEFAULT_PLUGINS))
        seen: list[str] = []
        for part in raw.split(","):
            name = part.strip().lower()
            if name and name not in seen:
                seen.append(name)
        return cls(seen)

    def enabled(self, name: str) -> bool:
        return name in self.root

    def __len__(self) -> int:
        return len(self.root)


def _flag(value: str | None, default: bool = False) -> bool:
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


@dataclass
class HostConfig:
    name: str = "pluginhost"
    host: str = "127.0.0.1"
    port: int = 8000
    transport: str = "stdio"
    mount_path: str = "/"
    sse_path: str = "/sse"
    message_path: str = "/messages/"
    streamable_http_path: str = "/mcp"
    json_response: bool = False
    stateless_http: bool = False
    log_level: str = "INFO"
    debug: bool = False
    data_dir: str | None = None
    page_size: int = 2
    plugins: PluginList = field(default_factory=lambda: PluginList(list(DEFAULT_PLUGINS)))

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> HostConfig:
        env = os.environ if environ is None else environ
        transport = env.get("PLUGINHOST_TRANSPORT", "stdio")
        if transport not in TRANSPORTS:
            raise ValueError(f"unsupported transport {transport!r}; expected one of {', '.join(TRANSPORTS)}")
        level = env.get("PLUGINHOST_LOG_LEVEL", "INFO").upper()
        if level not in LOG_LEVELS:
            level = "INFO"
        return cls(
            name=env.get("PLUGINHOST_NAME", "pluginhost"),
            host=env.get("PLUGINHOST_HOST", "127.0.0.1"),
            port=int(env.get("PLUGINHOST_PORT", "8000")),
            transport=transport,
            mount_path=env.get("PLUGINHOST_MOUNT_PATH", "/"),
            sse_path=env.get("PLUGINHOST_SSE_PATH", "/sse"),
            streamable_http_path=env.get("PLUGINHOST_HTTP_PATH", "/mcp"),
            json_response=_flag(env.get("PLUGINHOST_JSON_RESPONSE")),
            stateless_http=_flag(env.get("PLUGINHOST_STATELESS")),
            log_level=level,
            debug=_flag(env.get("PLUGINHOST_DEBUG")),
            data_dir=env.get("PLUGINHOST_DATA_DIR") or None,
            page_size=max(1, int(env.get("PLUGINHOST_PAGE_SIZE", "2"))),
            plugins=PluginList.parse(env.get("PLUGINHOST_PLUGINS")),
        )

    @property
    def is_local(self) -> bool:
        return self.host in ("127.0.0.1", "localhost", "::1")

    def endpoint(self) -> str:
        path = self.sse_path if self.transport == "sse" else self.streamable_http_path
        return f"http://{self.host}:{self.port}{path}"

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "host": self.host,
            "port": self.port,
            "transport": self.transport,
            "json_response": self.json_response,
            "stateless_http": self.stateless_http,
            "log_level": self.log_level,
            "plugins": list(self.plugins.root),
        }
