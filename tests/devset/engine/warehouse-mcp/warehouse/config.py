"""Runtime configuration: a JSON file written by the deploy tooling (camelCase keys) or ``WAREHOUSE_*`` env vars."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Literal

from pydantic import RootModel, field_validator

Transport = Literal["stdio", "sse", "streamable-http"]
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]

_KEY_ALIASES = {
    "poolSize": "pool_size",
    "maxRows": "max_rows",
    "logLevel": "log_level",
    "mountPath": "mount_path",
    "ssePath": "sse_path",
    "messagePath": "message_path",
    "streamableHttpPath": "streamable_http_path",
    "jsonResponse": "json_response",
    "statelessHttp": "stateless_http",
    "allowedHosts": "allowed_hosts",
    "manifestPath": "manifest_path",
    "websiteUrl": "website_url",
}


class SchemaAllowList(RootModel[list[str]]):
    """Schemas that may be queried; empty means all."""

    @field_validator("root")
    @classmethod
    def _normalise(cls, value: list[str]) -> list[str]:
        return sorted({item.strip().lower() for item in value if item.strip()})

    def permits(self, schema: str) -> bool:
        return not self.root or schema.lower() in self.root


@dataclass(frozen=True)
class WarehouseConfig:
    name: str = "warehouse"
    dsn: str = "file:warehouse?mode=memory&cache=shared"
    pool_size: int = 4
    max_rows: int = 500
    read_only: bool = True
    transport: Transport = "stdio"
    host: str = "127.0.0.1"
    port: int = 8000
    mount_path: str = "/"
    sse_path: str = "/sse"
    message_path: str = "/messages/"
    streamable_http_path: str = "/mcp"
    json_response: bool = False
    stateless_http: bool = False
    log_level: LogLevel = "INFO"
    debug: bool = False
    allowed_hosts: tuple[str, ...] = ()
    manifest_path: Path | None = None
    website_url: str | None = None
    schemas: SchemaAllowList = field(default_factory=lambda: SchemaAllowList([]))

    def __post_init__(self) -> None:
        if not 1 <= self.port <= 65535:
            raise ValueError(f"port out of range: {self.port}")

    @property
    def bind_address(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"

    def with_overrides(self, **overrides: Any) -> WarehouseConfig:
        return replace(self, **{key: value for key, value in overrides.items() if value is not None})

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> WarehouseConfig:
        known = {f.name for f in fields(cls)}
        kwargs: dict[str, Any] = {}
        for raw_key, raw_value in data.items():
            key = _KEY_ALIASES.get(raw_key, raw_key)
            value: Any = raw_value
            if key == "allowed_hosts":
                value = tuple(raw_value or ())
            elif key == "manifest_path":
                value = Path(raw_value) if raw_value else None
            elif key == "schemas":
                value = SchemaAllowList(list(raw_value or ()))
            elif key == "log_level":
                value = str(raw_value).upper()
            if key in known:
                kwargs[key] = value
        return cls(**kwargs)

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> WarehouseConfig:
        payload = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls.from_mapping(payload.get("warehouse", payload))

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> WarehouseConfig:
        env = os.environ if environ is None else environ
        data: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f"WAREHOUSE_{f.name.upper()}")
            if raw is None:
                continue
            if f.name in ("port", "pool_size", "max_rows"):
                data[f.name] = int(raw)
            elif f.name in ("json_response", "stateless_http", "debug", "read_only"):
                data[f.name] = raw.strip().lower() in {"1", "true", "yes", "on"}
            elif f.name in ("allowed_hosts", "schemas"):
                data[f.name] = [item for item in raw.split(",") if item]
            else:
                data[f.name] = raw
        return cls.from_mapping(data)

    def to_public_dict(self) -> dict[str, Any]:
        """camelCase view for the ops dashboard; never includes the DSN."""
        return {
            "name": self.name,
            "transport": self.transport,
            "host": self.host,
            "port": self.port,
            "streamableHttpPath": self.streamable_http_path,
            "jsonResponse": self.json_response,
            "statelessHttp": self.stateless_http,
            "maxRows": self.max_rows,
            "schemas": self.schemas.root,
        }
