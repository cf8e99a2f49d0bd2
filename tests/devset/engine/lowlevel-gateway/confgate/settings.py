"""Runtime settings: defaults, overridden by CONFGATE_* environment variables and keyword overrides."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Literal

ENV_PREFIX = "CONFGATE_"


@dataclass(frozen=True)
class GatewaySettings:
    root: Path
    name: str = "confgate"
    version: str = "0.9.2"
    instructions: str | None = "Read-mostly access to a configuration tree. Prefer lookup_key over reading whole files."
    transport: Literal["stdio", "streamable-http"] = "stdio"
    host: str = "127.0.0.1"
    port: int = 8765
    streamable_http_path: str = "/mcp"
    json_response: bool = False
    stateless_http: bool = False
    log_level: str = "INFO"
    page_size: int = 25
    allow_writes: bool = True
    protected_prefixes: tuple[str, ...] = ("envs/prod/",)
    allowed_hosts: tuple[str, ...] = ("127.0.0.1:*", "localhost:*")

    @property
    def bind_address(self) -> str:
        return f"{self.host}:{self.port}"

    def to_dict(self) -> dict[str, Any]:
        # Printed by `confgate --print-settings` in the shape client config files use.
        return {
            "serverName": self.name,
            "serverVersion": self.version,
            "url": f"http://{self.bind_address}{self.streamable_http_path}" if self.transport != "stdio" else None,
            "capabilities": {"resources": {"subscribe": True, "listChanged": True}, "prompts": {"listChanged": True}},
            "jsonResponse": self.json_response,
        }


def _coerce(raw: Any, default: Any) -> Any:
    if not isinstance(raw, str):
        return raw
    if isinstance(default, bool):
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int):
        return int(raw)
    if isinstance(default, tuple):
        return tuple(part.strip() for part in raw.split(",") if part.strip())
    return raw


def load_settings(root: Path | str, environ: Mapping[str, str] | None = None, **overrides: Any) -> GatewaySettings:
    environ = os.environ if environ is None else environ
    base = GatewaySettings(root=Path(root))
    values: dict[str, Any] = {}
    for f in fields(GatewaySettings):
        if f.name != "root" and ENV_PREFIX + f.name.upper() in environ:
            values[f.name] = environ[ENV_PREFIX + f.name.upper()]
    values.update(overrides)
    return replace(base, **{name: _coerce(raw, getattr(base, name)) for name, raw in values.items()})
