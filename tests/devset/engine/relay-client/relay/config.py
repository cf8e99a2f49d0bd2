"""Relay configuration: the ``mcpServers`` JSON document desktop hosts use, plus a
``relay`` block for the local control endpoint.  Dependency free on purpose."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Literal

TransportKind = Literal["stdio", "sse", "streamable-http"]


class ConfigError(ValueError):
    pass


@dataclass
class ControlSettings:
    host: str = "127.0.0.1"
    port: int = 7311
    log_level: str = "INFO"
    json_response: bool = True


@dataclass
class ServerEntry:
    name: str
    transport: TransportKind
    command: str | None = None
    args: list[str] = field(default_factory=list)
    env: dict[str, str] | None = None
    url: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    timeout: float = 30.0
    sse_read_timeout: float = 300.0
    read_timeout_seconds: float | None = None
    terminate_on_close: bool = True
    oauth: bool = False

    @classmethod
    def from_mapping(cls, name: str, raw: dict[str, Any]) -> ServerEntry:
        transport = raw.get("transport") or raw.get("type")
        if transport is None:
            transport = "stdio" if "command" in raw else "streamable-http"
        if transport in ("http", "streamableHttp"):
            transport = "streamable-http"
        if transport not in ("stdio", "sse", "streamable-http"):
            raise ConfigError(f"server {name!r}: unknown transport {transport!r}")
        if (transport == "stdio") != bool(raw.get("command")) or (transport != "stdio" and not raw.get("url")):
            raise ConfigError(f"server {name!r}: {transport} servers need a {'command' if transport == 'stdio' else 'url'}")
        env = raw.get("env")
        read_timeout = raw.get("readTimeoutSeconds")
        return cls(
            name=name,
            transport=transport,
            command=raw.get("command"),
            args=[str(a) for a in raw.get("args", [])],
            env={str(k): os.path.expandvars(str(v)) for k, v in env.items()} if env else None,
            url=raw.get("url"),
            headers={str(k): os.path.expandvars(str(v)) for k, v in (raw.get("headers") or {}).items()},
            timeout=float(raw.get("timeout", 30.0)),
            sse_read_timeout=float(raw.get("sseReadTimeout", 300.0)),
            read_timeout_seconds=None if read_timeout is None else float(read_timeout),
            terminate_on_close=bool(raw.get("terminateOnClose", True)),
            oauth=bool(raw.get("oauth", False)),
        )


@dataclass
class ConfigTree:
    """Parsed config; ``root`` keeps the untouched JSON document for diagnostics."""

    root: dict[str, Any]
    control: ControlSettings
    servers: dict[str, ServerEntry]


def parse_config(doc: dict[str, Any]) -> ConfigTree:
    servers_raw = doc.get("mcpServers")
    if not isinstance(servers_raw, dict):
        raise ConfigError("config is missing an 'mcpServers' object")
    relay_raw: dict[str, Any] = doc.get("relay") or {}
    control = ControlSettings(
        host=relay_raw.get("host", "127.0.0.1"),
        port=int(relay_raw.get("port", 7311)),
        log_level=str(relay_raw.get("logLevel", "INFO")).upper(),
        json_response=bool(relay_raw.get("jsonResponse", True)),
    )
    servers = {name: ServerEntry.from_mapping(name, raw) for name, raw in servers_raw.items()}
    return ConfigTree(root=doc, control=control, servers=servers)
