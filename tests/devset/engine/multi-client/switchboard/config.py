"""Server registry configuration.

Reads the familiar ``{"mcpServers": {...}}`` layout used by desktop clients, plus a
``defaults`` block. Each entry becomes a :class:`ServerEntry`; nothing here talks to a
server, so the module stays importable without the protocol stack.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Transport = Literal["stdio", "sse", "streamable-http"]

_ENV_REF = re.compile(r"\$\{([A-Z0-9_]+)(?::-([^}]*))?\}")
_TRANSPORT_ALIASES: dict[str, Transport] = {"stdio": "stdio", "sse": "sse", "http": "streamable-http"}


class ConfigError(ValueError):
    pass


@dataclass
class ServerEntry:
    name: str
    transport: Transport = "stdio"
    command: str | None = None
    args: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    cwd: str | None = None
    url: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    timeout: float = 30.0
    sse_read_timeout: float = 300.0
    read_timeout: float | None = None
    disabled: bool = False


@dataclass
class ConfigTree:
    """A loaded registry; ``root`` is the directory relative paths resolve against."""

    root: Path
    servers: dict[str, ServerEntry]
    host: str = "127.0.0.1"
    port: int = 8000

    def enabled(self) -> list[ServerEntry]:
        return [entry for entry in self.servers.values() if not entry.disabled]


def expand_env(value: str, environ: dict[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ

    def _sub(match: re.Match[str]) -> str:
        name, default = match.group(1), match.group(2)
        if name in env:
            return env[name]
        if default is not None:
            return default
        raise ConfigError(f"environment variable {name} is not set")

    return _ENV_REF.sub(_sub, value)


def _entry_from_raw(name: str, raw: dict[str, Any], tree: ConfigTree, environ: dict[str, str] | None) -> ServerEntry:
    kind = raw.get("type") or ("stdio" if "command" in raw else "http")
    transport = _TRANSPORT_ALIASES.get(kind)
    if transport is None:
        raise ConfigError(f"{name}: unsupported transport {kind!r}")

    url = raw.get("url")
    if transport != "stdio" and url is None:
        host = raw.get("host", tree.host)
        port = int(raw.get("port", tree.port))
        path = raw.get("path", "/sse" if transport == "sse" else "/mcp")
        url = f"http://{host}:{port}{path}"
    if transport == "stdio" and not raw.get("command"):
        raise ConfigError(f"{name}: stdio servers need a command")

    cwd = raw.get("cwd")
    if cwd is not None and not os.path.isabs(cwd):
        cwd = str(tree.root / cwd)

    return ServerEntry(
        name=name,
        transport=transport,
        command=raw.get("command"),
        args=[expand_env(str(a), environ) for a in raw.get("args", [])],
        env={k: expand_env(str(v), environ) for k, v in raw.get("env", {}).items()},
        cwd=cwd,
        url=expand_env(url, environ) if url else None,
        headers={k: expand_env(str(v), environ) for k, v in raw.get("headers", {}).items()},
        timeout=float(raw.get("timeout", 30)),
        sse_read_timeout=float(raw.get("sseReadTimeout", 300)),
        read_timeout=float(raw["readTimeoutSeconds"]) if "readTimeoutSeconds" in raw else None,
        disabled=bool(raw.get("disabled", False)),
    )


def parse_config(data: dict[str, Any], root: Path | None = None, environ: dict[str, str] | None = None) -> ConfigTree:
    defaults = data.get("defaults", {})
    tree = ConfigTree(
        root=root or Path.cwd(),
        servers={},
        host=defaults.get("host", "127.0.0.1"),
        port=int(defaults.get("port", 8000)),
    )
    servers = data.get("mcpServers")
    if not isinstance(servers, dict):
        raise ConfigError("config needs an 'mcpServers' object")
    for name, raw in servers.items():
        merged = {**{k: v for k, v in defaults.items() if k not in ("host", "port")}, **raw}
        tree.servers[name] = _entry_from_raw(name, merged, tree, environ)
    return tree


def load_config(path: str | Path, environ: dict[str, str] | None = None) -> ConfigTree:
    path = Path(path)
    return parse_config(json.loads(path.read_text("utf-8")), root=path.parent.resolve(), environ=environ)
