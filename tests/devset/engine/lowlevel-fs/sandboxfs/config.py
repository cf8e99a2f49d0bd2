"""Runtime settings. JSON files use the camelCase keys of MCP host config blocks (``allowedRoots`` ...)."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import timedelta
from pathlib import Path
from typing import Any, Literal

_ALIASES = {
    "allowedRoots": "allowed_roots",
    "readOnlyRoots": "read_only_roots",
    "maxReadBytes": "max_read_bytes",
    "pageSize": "page_size",
    "jsonResponse": "json_response",
    "statelessHttp": "stateless_http",
    "logLevel": "log_level",
    "useClientRoots": "use_client_roots",
    "requestTimeout": "request_timeout",
}
_PATH_LISTS = ("allowed_roots", "read_only_roots")
_ENV = {"SANDBOXFS_HOST": "host", "SANDBOXFS_PORT": "port", "SANDBOXFS_LOG_LEVEL": "log_level"}


@dataclass
class SandboxSettings:
    allowed_roots: list[Path] = field(default_factory=list)
    read_only_roots: list[Path] = field(default_factory=list)
    transport: Literal["stdio", "streamable-http"] = "stdio"
    host: str = "127.0.0.1"
    port: int = 8765
    json_response: bool = False
    stateless_http: bool = False
    log_level: str = "info"
    max_read_bytes: int = 2 * 1024 * 1024
    page_size: int = 50
    use_client_roots: bool = True
    request_timeout: timedelta = timedelta(seconds=30)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> SandboxSettings:
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {}
        for key, value in data.items():
            name = _ALIASES.get(key, key)
            if name not in known:
                raise ValueError(f"unknown setting {key!r}")
            values[name] = value
        for name in _PATH_LISTS:
            if name in values:
                values[name] = [Path(p).expanduser() for p in values[name]]
        if "request_timeout" in values:
            values["request_timeout"] = timedelta(seconds=float(values["request_timeout"]))
        if "port" in values:
            values["port"] = int(values["port"])
        settings = cls(**values)
        if not 0 < settings.port < 65536:
            raise ValueError(f"port out of range: {settings.port}")
        return settings

    @classmethod
    def from_file(cls, path: str | Path) -> SandboxSettings:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        # Host configs nest us under {"mcpServers": {"sandboxfs": {"settings": {...}}}}.
        if "mcpServers" in data:
            data = data["mcpServers"].get("sandboxfs", {}).get("settings", {})
        return cls.from_mapping(data)

    def with_env(self, environ: Mapping[str, str] | None = None) -> SandboxSettings:
        env = os.environ if environ is None else environ
        updates: dict[str, Any] = {name: env[key] for key, name in _ENV.items() if key in env}
        if "port" in updates:
            updates["port"] = int(updates["port"])
        return replace(self, **updates)

    @property
    def bind_address(self) -> str:
        return f"{self.host}:{self.port}"

    def to_mapping(self) -> dict[str, Any]:
        """Inverse of ``from_mapping``: camelCase keys, JSON-friendly values."""
        reverse = {v: k for k, v in _ALIASES.items()}
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in _PATH_LISTS:
                value = [str(p) for p in value]
            elif isinstance(value, timedelta):
                value = value.total_seconds()
            out[reverse.get(f.name, f.name)] = value
        return out
