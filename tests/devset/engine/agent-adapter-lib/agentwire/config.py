"""Server connection settings.

Accepts the ``mcpServers`` JSON block used by most desktop agent hosts, e.g.::

    {"mcpServers": {
        "files": {"command": "uvx", "args": ["files-server"], "env": {"ROOT": "${HOME}"}},
        "crm": {"type": "streamableHttp", "host": "crm.local", "port": 8040,
                "headers": {"X-Tenant": "acme"}, "auth": {"type": "bearer", "token": "${CRM_TOKEN}"}}}}
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from string import Template
from typing import Any, Literal

TransportName = Literal["stdio", "sse", "streamable_http", "websocket"]

_ALIASES: dict[str, TransportName] = {
    "stdio": "stdio",
    "sse": "sse",
    "http": "streamable_http",
    "streamableHttp": "streamable_http",
    "streamable-http": "streamable_http",
    "ws": "websocket",
}


class ConfigError(ValueError):
    pass


@dataclass
class ServerConfig:
    name: str
    transport: TransportName = "stdio"
    command: str | None = None
    args: list[str] = field(default_factory=lambda: [])
    env: dict[str, str] | None = None
    cwd: str | None = None
    url: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    path: str = "/mcp"
    sse_path: str = "/sse"
    headers: dict[str, str] = field(default_factory=lambda: {})
    timeout: float = 30.0
    sse_read_timeout: float = 300.0
    read_timeout_seconds: float | None = None
    bearer_token: str | None = None
    tool_prefix: str | None = None
    cache_ttl: float = 300.0

    @property
    def endpoint(self) -> str:
        if self.url:
            return self.url
        scheme = "ws" if self.transport == "websocket" else "http"
        return f"{scheme}://{self.host}:{self.port}{self.sse_path if self.transport == 'sse' else self.path}"


def _expand(value: Any, environ: Mapping[str, str]) -> str:
    try:
        return Template(str(value)).substitute(environ)
    except KeyError as exc:
        raise ConfigError(f"environment variable {exc.args[0]} is not set") from None


def parse_servers(raw: Mapping[str, Any], environ: Mapping[str, str] | None = None) -> list[ServerConfig]:
    env_vars = os.environ if environ is None else environ
    servers: list[ServerConfig] = []
    for name, entry in raw.get("mcpServers", raw).items():
        if entry.get("isDisabled") or entry.get("disabled"):
            continue
        kind = entry.get("type") or entry.get("transport") or ("stdio" if "command" in entry else "sse")
        transport = _ALIASES.get(kind)
        if transport is None:
            raise ConfigError(f"server {name!r}: unknown transport {kind!r}")
        if transport == "stdio" and not entry.get("command"):
            raise ConfigError(f"server {name!r}: stdio transport needs a 'command'")
        auth = entry.get("auth") or {}
        servers.append(
            ServerConfig(
                name=name,
                transport=transport,
                command=entry.get("command"),
                args=[_expand(a, env_vars) for a in entry.get("args", [])],
                env={k: _expand(v, env_vars) for k, v in entry["env"].items()} if entry.get("env") else None,
                cwd=entry.get("cwd"),
                url=_expand(entry["url"], env_vars) if entry.get("url") else None,
                host=entry.get("host", "127.0.0.1"),
                port=int(entry.get("port", 8000)),
                headers={k: _expand(v, env_vars) for k, v in entry.get("headers", {}).items()},
                timeout=float(entry.get("timeout", 30.0)),
                sse_read_timeout=float(entry.get("sseReadTimeout", 300.0)),
                read_timeout_seconds=entry.get("readTimeoutSeconds"),
                bearer_token=_expand(auth["token"], env_vars) if auth.get("type") == "bearer" else None,
                tool_prefix=entry.get("toolPrefix"),
            )
        )
    return servers
