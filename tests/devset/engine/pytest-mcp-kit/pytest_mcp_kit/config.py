"""Kit-wide settings, overridable through ``MCP_KIT_*`` environment variables."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from typing import Any


@dataclass(frozen=True)
class KitConfig:
    host: str = "127.0.0.1"
    port: int = 8000
    streamable_http_path: str = "/mcp"
    json_response: bool = True
    stateless_http: bool = True
    read_timeout_seconds: float = 10.0
    raise_exceptions: bool = False
    client_name: str = "pytest-mcp-kit"
    extra_headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> KitConfig:
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for name, default in asdict(cls()).items():
            if (raw := env.get("MCP_KIT_" + name.upper())) is None:
                continue
            if isinstance(default, bool):
                values[name] = raw.strip().lower() in {"1", "true", "yes", "on"}
            elif isinstance(default, dict):
                values[name] = dict(part.split("=", 1) for part in raw.split(",") if "=" in part)
            else:
                values[name] = type(default)(raw)
        return cls(**{**values, **overrides})

    @property
    def endpoint(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}{self.streamable_http_path}"

    def read_timeout(self) -> timedelta:
        return timedelta(seconds=self.read_timeout_seconds)

    def as_server_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for building an HTTP-capable app from this config."""
        keys = ("host", "port", "streamable_http_path", "json_response", "stateless_http")
        return {key: getattr(self, key) for key in keys}


DEFAULT_CONFIG = KitConfig()
