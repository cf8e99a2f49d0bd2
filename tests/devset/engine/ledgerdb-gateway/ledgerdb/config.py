"""Gateway settings.

Values come from keyword arguments first, then ``LEDGERDB_*`` environment variables,
then the defaults below.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal

Transport = Literal["stdio", "streamable-http"]

_TRUTHY = {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class GatewaySettings:
    database: str = "ledger.sqlite3"
    transport: Transport = "stdio"
    host: str = "127.0.0.1"
    port: int = 8765
    streamable_http_path: str = "/mcp"
    json_response: bool = False
    stateless: bool = False
    log_level: str = "INFO"
    page_size: int = 4
    max_rows: int = 200
    api_token: str | None = None
    allowed_hosts: tuple[str, ...] = field(default_factory=tuple)
    seed_demo_data: bool = True

    @property
    def bind_address(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def public_url(self) -> str:
        return f"http://{self.bind_address}{self.streamable_http_path}"

    def host_allowlist(self) -> list[str]:
        if self.allowed_hosts:
            return list(self.allowed_hosts)
        return [self.bind_address, f"localhost:{self.port}", self.host]

    def with_overrides(self, **overrides: Any) -> GatewaySettings:
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> GatewaySettings:
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f"LEDGERDB_{f.name.upper()}")
            if raw is None:
                continue
            if f.type in ("bool",):
                values[f.name] = raw.strip().lower() in _TRUTHY
            elif f.type in ("int",):
                values[f.name] = int(raw)
            elif f.name == "allowed_hosts":
                values[f.name] = tuple(h.strip() for h in raw.split(",") if h.strip())
            else:
                values[f.name] = raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        settings = cls(**values)
        if settings.transport not in ("stdio", "streamable-http"):
            raise ValueError(f"unsupported transport {settings.transport!r}")
        if settings.page_size < 1:
            raise ValueError("page_size must be positive")
        return settings
