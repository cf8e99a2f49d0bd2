"""Loading the assistant configuration file.

The file uses the ``mcpServers`` layout that desktop MCP hosts use, plus a few
shellpilot-specific sections::

    {
      "mcpServers": {
        "notes": {"command": "python", "args": ["-m", "notes_server"], "root": "~/notes"},
        "search": {"type": "http", "url": "https://search.example/mcp",
                   "bearerToken": "${SEARCH_TOKEN}", "sseReadTimeout": 120}
      },
      "relay": {"host": "127.0.0.1", "port": 8765},
      "assistant": {"maxTurns": 6, "defaultServer": "notes"}
    }

Values may reference environment variables as ``${NAME}`` or ``${NAME:-fallback}``.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

TransportKind = Literal["stdio", "sse", "streamable-http"]

_ENV_PATTERN = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")
_TRANSPORTS: dict[str, TransportKind] = {
    "stdio": "stdio",
    "sse": "sse",
    "http": "streamable-http",
    "streamable-http": "streamable-http",
    "streamableHttp": "streamable-http",
}
_NUMBERS = {"timeout": "timeout", "sseReadTimeout": "sse_read_timeout", "toolTimeout": "tool_timeout"}


class ConfigError(ValueError):
    """Raised when the configuration file cannot be understood."""


@dataclass
class ServerEntry:
    name: str
    transport: TransportKind
    command: str | None = None
    args: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    cwd: str | None = None
    url: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    bearer_token: str | None = None
    timeout: float = 30.0
    sse_read_timeout: float = 300.0
    tool_timeout: float | None = None
    root: str | None = None
    disabled: bool = False

    def root_path(self) -> Path | None:
        return Path(self.root).expanduser().resolve() if self.root else None


@dataclass
class RelaySettings:
    """Where ``shellpilot relay`` listens when it re-exposes servers over HTTP."""

    host: str = "127.0.0.1"
    port: int = 8765
    path: str = "/mcp"

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}{self.path}"


@dataclass
class AssistantConfig:
    servers: dict[str, ServerEntry]
    relay: RelaySettings = field(default_factory=RelaySettings)
    default_server: str | None = None
    max_turns: int = 6

    def enabled(self) -> list[ServerEntry]:
        return [entry for entry in self.servers.values() if not entry.disabled]


def expand_env(value: str, environ: Mapping[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ

    def _sub(match: re.Match[str]) -> str:
        name, fallback = match.group(1), match.group(2)
        if name in env:
            return env[name]
        if fallback is not None:
            return fallback
        raise ConfigError(f"environment variable {name} is not set")

    return _ENV_PATTERN.sub(_sub, value)


def parse_server(name: str, raw: Mapping[str, Any], environ: Mapping[str, str] | None = None) -> ServerEntry:
    kind_raw = raw.get("type") or raw.get("transport") or ("stdio" if "command" in raw else "streamable-http")
    if (kind := _TRANSPORTS.get(str(kind_raw))) is None:
        raise ConfigError(f"{name}: unknown transport {kind_raw!r}")

    def expand_map(key: str) -> dict[str, str]:
        return {str(k): expand_env(str(v), environ) for k, v in raw.get(key, {}).items()}

    entry = ServerEntry(name=name, transport=kind, root=raw.get("root"), disabled=bool(raw.get("disabled")))
    if kind == "stdio":
        if not raw.get("command"):
            raise ConfigError(f"{name}: stdio servers need a 'command'")
        entry.command = expand_env(str(raw["command"]), environ)
        entry.args = [expand_env(str(a), environ) for a in raw.get("args", [])]
        entry.env, entry.cwd = expand_map("env"), raw.get("cwd")
    else:
        if not raw.get("url"):
            raise ConfigError(f"{name}: {kind} servers need a 'url'")
        entry.url = expand_env(str(raw["url"]), environ)
        entry.headers = expand_map("headers")
        if "bearerToken" in raw:
            entry.bearer_token = expand_env(str(raw["bearerToken"]), environ)
    for key, attr in _NUMBERS.items():
        if key in raw:
            try:
                setattr(entry, attr, float(raw[key]))
            except (TypeError, ValueError):
                raise ConfigError(f"{name}: '{key}' must be a number, got {raw[key]!r}") from None
    return entry


def parse_config(data: Mapping[str, Any], environ: Mapping[str, str] | None = None) -> AssistantConfig:
    servers_raw = data.get("mcpServers")
    if not isinstance(servers_raw, dict):
        raise ConfigError("config needs an 'mcpServers' object")
    servers = {str(n): parse_server(str(n), raw, environ) for n, raw in servers_raw.items()}
    relay_raw: Mapping[str, Any] = data.get("relay", {})
    assistant_raw: Mapping[str, Any] = data.get("assistant", {})
    default_server = assistant_raw.get("defaultServer")
    if default_server is not None and default_server not in servers:
        raise ConfigError(f"defaultServer {default_server!r} is not a configured server")
    return AssistantConfig(
        servers=servers,
        relay=RelaySettings(
            host=str(relay_raw.get("host", "127.0.0.1")),
            port=int(relay_raw.get("port", 8765)),
            path=str(relay_raw.get("path", "/mcp")),
        ),
        default_server=default_server,
        max_turns=int(assistant_raw.get("maxTurns", 6)),
    )


def load_config(path: str | Path, environ: Mapping[str, str] | None = None) -> AssistantConfig:
    text = Path(path).expanduser().read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{path}: invalid JSON ({exc.msg} at line {exc.lineno})") from exc
    return parse_config(data, environ)
