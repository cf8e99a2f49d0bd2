"""Server configuration parsing for the ``{"mcpServers": {name: {...}}}`` layout used by desktop
agents, plus agentmesh extensions (``host``/``port``/``path`` instead of ``url``, auth blocks,
tool allow-lists)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

TransportKind = Literal["stdio", "sse", "streamable_http", "websocket"]

_TRANSPORTS: dict[str, TransportKind] = {
    "stdio": "stdio",
    "sse": "sse",
    "http": "streamable_http",
    "streamable-http": "streamable_http",
    "streamableHttp": "streamable_http",
    "ws": "websocket",
}


class ConfigError(ValueError):
    pass


@dataclass
class AuthConfig:
    type: Literal["bearer", "basic"] = "bearer"
    token: str | None = None
    username: str | None = None
    password: str | None = None


@dataclass
class ServerConfig:
    name: str
    transport: TransportKind
    command: str | None = None
    args: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    url: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    path: str = "/mcp"
    headers: dict[str, str] = field(default_factory=dict)
    timeout: float = 30.0
    sse_read_timeout: float = 300.0
    read_timeout_seconds: float | None = None
    auth: AuthConfig | None = None
    tool_prefix: str | None = None
    allowed_tools: list[str] | None = None
    enabled: bool = True

    @property
    def endpoint(self) -> str:
        if self.url:
            return self.url
        scheme = "ws" if self.transport == "websocket" else "http"
        return f"{scheme}://{self.host}:{self.port}/{self.path.lstrip('/')}"

    def allows(self, tool_name: str) -> bool:
        return self.allowed_tools is None or tool_name in self.allowed_tools

    @classmethod
    def from_dict(cls, name: str, raw: dict[str, Any]) -> ServerConfig:
        kind = raw.get("transport") or raw.get("type") or ("stdio" if "command" in raw else "http")
        if kind not in _TRANSPORTS:
            raise ConfigError(f"{name}: unknown transport {kind!r}")
        transport = _TRANSPORTS[kind]
        if transport == "stdio" and not raw.get("command"):
            raise ConfigError(f"{name}: stdio servers need a 'command'")
        if transport != "stdio" and not (raw.get("url") or raw.get("host")):
            raise ConfigError(f"{name}: remote servers need a 'url' or 'host'")
        auth = raw.get("auth")
        read_timeout = raw.get("readTimeoutSeconds")
        return cls(
            name=name,
            transport=transport,
            command=raw.get("command"),
            args=[str(a) for a in raw.get("args", [])],
            env={str(k): str(v) for k, v in raw.get("env", {}).items()},
            url=raw.get("url"),
            host=raw.get("host", "127.0.0.1"),
            port=int(raw.get("port", 8000)),
            path=raw.get("path", "/sse" if transport == "sse" else "/mcp"),
            headers=dict(raw.get("headers", {})),
            timeout=float(raw.get("timeout", 30.0)),
            sse_read_timeout=float(raw.get("sseReadTimeout", 300.0)),
            read_timeout_seconds=float(read_timeout) if read_timeout is not None else None,
            auth=AuthConfig(**auth) if isinstance(auth, dict) else None,
            tool_prefix=raw.get("toolPrefix"),
            allowed_tools=raw.get("allowedTools"),
            enabled=not raw.get("disabled", False),
        )


def parse_servers(config: dict[str, Any]) -> list[ServerConfig]:
    servers = config.get("mcpServers", {})
    if not isinstance(servers, dict):
        raise ConfigError("'mcpServers' must be a mapping of name -> server")
    parsed = [ServerConfig.from_dict(name, raw) for name, raw in servers.items()]
    return [s for s in parsed if s.enabled]
