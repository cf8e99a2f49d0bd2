"""Toolkit settings, from keyword arguments or ``WIRETEST_*`` environment variables."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

ENV_PREFIX = "WIRETEST_"
_TRUTHY = frozenset({"1", "true", "yes", "on"})


def _coerce(raw: str, default: Any) -> Any:
    if isinstance(default, bool):
        return raw.strip().lower() in _TRUTHY
    if isinstance(default, int):
        return int(raw)
    if isinstance(default, float | Path):
        return type(default)(raw)
    if isinstance(default, tuple):
        return tuple(part.strip() for part in raw.split(",") if part.strip())
    return raw


@dataclass(frozen=True)
class ToolkitSettings:
    """Where in-process HTTP servers pretend to live and how results are compared."""

    host: str = "127.0.0.1"
    port: int = 8765
    streamable_http_path: str = "/mcp"
    json_response: bool = True
    stateless_http: bool = False
    read_timeout: float = 5.0
    snapshot_dir: Path = Path("tests/__snapshots__")
    update_snapshots: bool = False
    redact_keys: tuple[str, ...] = ("progressToken", "requestId", "sessionId", "version")

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}{self.streamable_http_path}"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> ToolkitSettings:
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            key = ENV_PREFIX + f.name.upper()
            if key in env:
                values[f.name] = _coerce(env[key], getattr(cls(), f.name))
        values.update(overrides)
        return cls(**values)

    def with_overrides(self, **changes: Any) -> ToolkitSettings:
        return replace(self, **changes)

    def transport_options(self) -> dict[str, Any]:
        return {
            "host": self.host,
            "port": self.port,
            "streamable_http_path": self.streamable_http_path,
            "json_response": self.json_response,
            "stateless_http": self.stateless_http,
        }
