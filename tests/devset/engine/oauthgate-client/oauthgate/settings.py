"""Gateway configuration.

This module is intentionally dependency free so the CLI can validate a config
file (and the registry of saved servers) without importing the protocol stack.
The on-disk format uses the camelCase keys that the desktop app writes.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

VALID_TRANSPORTS = ("streamable-http", "sse", "stdio")


class SettingsError(ValueError):
    pass


@dataclass
class CallbackSettings:
    """Where the loopback redirect listener binds."""

    host: str = "127.0.0.1"
    port: int = 8765
    path: str = "/oauth/callback"

    @property
    def redirect_uri(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}{self.path}"

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> CallbackSettings:
        port = int(raw.get("port", 8765))
        if not 0 < port < 65536:
            raise SettingsError(f"callback port out of range: {port}")
        path = raw.get("path", "/oauth/callback")
        if not path.startswith("/"):
            path = "/" + path
        return cls(host=raw.get("host", "127.0.0.1"), port=port, path=path)


@dataclass
class ServerEntry:
    name: str
    transport: str = "streamable-http"
    url: str | None = None
    command: str | None = None
    args: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    timeout: float = 30.0
    sse_read_timeout: float = 300.0
    scopes: list[str] = field(default_factory=list)
    use_oauth: bool = True

    @property
    def host(self) -> str | None:
        return urlsplit(self.url).hostname if self.url else None

    @property
    def port(self) -> int | None:
        if not self.url:
            return None
        parts = urlsplit(self.url)
        return parts.port or (443 if parts.scheme == "https" else 80)

    @classmethod
    def from_dict(cls, name: str, raw: dict[str, Any]) -> ServerEntry:
        transport = raw.get("transport", "streamable-http")
        if transport not in VALID_TRANSPORTS:
            raise SettingsError(f"{name}: unknown transport {transport!r}")
        url = raw.get("serverUrl") or raw.get("url")
        if transport != "stdio" and not url:
            raise SettingsError(f"{name}: serverUrl is required for {transport}")
        if transport == "stdio" and not raw.get("command"):
            raise SettingsError(f"{name}: command is required for stdio")
        return cls(
            name=name,
            transport=transport,
            url=url,
            command=raw.get("command"),
            args=list(raw.get("args", [])),
            env=dict(raw.get("env", {})),
            headers=dict(raw.get("headers", {})),
            timeout=float(raw.get("timeout", 30.0)),
            sse_read_timeout=float(raw.get("sseReadTimeout", 300.0)),
            scopes=list(raw.get("scopes", [])),
            use_oauth=bool(raw.get("oauth", transport != "stdio")),
        )


@dataclass
class GatewaySettings:
    client_name: str = "oauthgate"
    client_uri: str | None = None
    token_file: str = "~/.config/oauthgate/tokens.json"
    callback: CallbackSettings = field(default_factory=CallbackSettings)
    servers: dict[str, ServerEntry] = field(default_factory=dict)
    ping_interval: float = 30.0
    max_reconnects: int = 2
    log_level: str = "INFO"

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> GatewaySettings:
        servers = {name: ServerEntry.from_dict(name, body) for name, body in raw.get("mcpServers", {}).items()}
        return cls(
            client_name=raw.get("clientName", "oauthgate"),
            client_uri=raw.get("clientUri"),
            token_file=raw.get("tokenFile", "~/.config/oauthgate/tokens.json"),
            callback=CallbackSettings.from_dict(raw.get("callback", {})),
            servers=servers,
            ping_interval=float(raw.get("pingInterval", 30.0)),
            max_reconnects=int(raw.get("maxReconnects", 2)),
            log_level=str(raw.get("logLevel", "INFO")).upper(),
        )

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> GatewaySettings:
        data = json.loads(Path(path).expanduser().read_text(encoding="utf-8"))
        settings = cls.from_dict(data)
        env_port = os.environ.get("OAUTHGATE_CALLBACK_PORT")
        if env_port:
            settings.callback.port = int(env_port)
        return settings

    @property
    def token_path(self) -> Path:
        return Path(self.token_file).expanduser()


class RegistryNode:
    """A small tree of saved server folders (``root`` is the top folder)."""

    def __init__(self, name: str, children: list[RegistryNode] | None = None, servers: list[str] | None = None):
        self.name = name
        self.children = children or []
        self.servers = servers or []

    def walk(self) -> list[str]:
        found = list(self.servers)
        for child in self.children:
            found.extend(child.walk())
        return found


class ServerRegistry:
    def __init__(self, root: RegistryNode):
        self.root = root

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> ServerRegistry:
        def build(node: dict[str, Any]) -> RegistryNode:
            return RegistryNode(
                node.get("name", ""),
                [build(child) for child in node.get("folders", [])],
                list(node.get("servers", [])),
            )

        return cls(build(raw.get("root", {})))

    def page(self, cursor: str | None = None, page_size: int = 20) -> dict[str, Any]:
        """Page through saved servers the same way the desktop UI does."""
        names = sorted(self.root.walk())
        start = int(cursor) if cursor else 0
        chunk = names[start : start + page_size]
        next_start = start + page_size
        return {
            "servers": chunk,
            "nextCursor": str(next_start) if next_start < len(names) else None,
            "isError": False,
        }
