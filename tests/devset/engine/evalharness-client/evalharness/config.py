"""Harness settings: defaults, then the dashboard's JSON file (camelCase keys), then EVALHARNESS_* env vars."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

_KEYS = {
    "transport": "transport",
    "host": "host",
    "port": "port",
    "mountPath": "mount_path",
    "headers": "headers",
    "readTimeoutSeconds": "read_timeout_seconds",
    "sseReadTimeout": "sse_read_timeout",
    "jsonResponse": "json_response",
    "logLevel": "log_level",
}


class SettingsError(ValueError):
    pass


@dataclass
class HarnessSettings:
    transport: str = "memory"
    host: str = "127.0.0.1"
    port: int = 8000
    mount_path: str = "/mcp"
    headers: dict[str, str] = field(default_factory=lambda: {})
    read_timeout_seconds: float = 30.0
    sse_read_timeout: float = 300.0
    json_response: bool = False
    log_level: str = "INFO"

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}{'/sse' if self.transport == 'sse' else self.mount_path}"

    def merged(self, data: Mapping[str, Any]) -> HarnessSettings:
        unknown = set(data) - set(_KEYS)
        if unknown:
            raise SettingsError(f"unknown settings keys: {sorted(unknown)}")
        return replace(self, **{_KEYS[key]: _coerce(_KEYS[key], value) for key, value in data.items()})


def _coerce(attr: str, value: Any) -> Any:
    if attr == "transport" and value not in ("memory", "sse", "streamable-http"):
        raise SettingsError(f"unsupported transport {value!r}")
    if attr == "port" and not 0 <= int(value) <= 65535:
        raise SettingsError(f"port out of range: {value}")
    if attr in ("read_timeout_seconds", "sse_read_timeout") and float(value) <= 0:
        raise SettingsError(f"{attr} must be positive")
    if attr == "json_response" and isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return {"port": int, "read_timeout_seconds": float, "sse_read_timeout": float}.get(attr, lambda v: v)(value)


def load_settings(path: str | Path | None = None, environ: Mapping[str, str] | None = None) -> HarnessSettings:
    settings = HarnessSettings()
    if path is not None:
        settings = settings.merged(json.loads(Path(path).read_text(encoding="utf-8")))
    environ = os.environ if environ is None else environ
    prefixed = {f"EVALHARNESS_{attr.upper()}": key for key, attr in _KEYS.items()}
    settings = settings.merged({key: environ[name] for name, key in prefixed.items() if name in environ})
    return replace(settings, log_level=settings.log_level.upper())
