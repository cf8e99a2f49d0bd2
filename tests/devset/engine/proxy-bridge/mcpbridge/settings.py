"""Bridge configuration.

The file mirrors the ``mcpServers`` blocks other MCP hosts use, so upstream keys
are camelCase on disk (``serverName``, ``toolPrefix``, ``readTimeoutSeconds``).
``BRIDGE_HOST`` / ``BRIDGE_PORT`` override the listener.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, RootModel, field_validator


class UpstreamSpec(BaseModel):
    serverName: str
    toolPrefix: str | None = None
    transport: Literal["stdio", "http", "memory"] = "stdio"
    command: str | None = None
    args: list[str] = Field(default_factory=list)
    url: str | None = None
    headers: dict[str, str] = Field(default_factory=dict)
    bearerToken: str | None = None
    readTimeoutSeconds: float = 30.0
    callTimeoutSeconds: float = 120.0
    listChanged: bool = True
    enabled: bool = True

    @field_validator("toolPrefix")
    @classmethod
    def _check_prefix(cls, value: str | None) -> str | None:
        if value is not None and (not value or "." in value or "+" in value):
            raise ValueError("toolPrefix must be non-empty and must not contain '.' or '+'")
        return value

    @property
    def prefix(self) -> str:
        return self.toolPrefix or self.serverName.replace(".", "-").replace("+", "-")


class UpstreamList(RootModel[list[UpstreamSpec]]):
    def enabled(self) -> list[UpstreamSpec]:
        return [spec for spec in self.root if spec.enabled]

    def by_prefix(self) -> dict[str, UpstreamSpec]:
        seen: dict[str, UpstreamSpec] = {}
        for spec in self.root:
            if spec.prefix in seen:
                raise ValueError(f"duplicate upstream prefix {spec.prefix!r}")
            seen[spec.prefix] = spec
        return seen


class BridgeSettings(BaseModel):
    name: str = "proxy-bridge"
    transport: Literal["stdio", "streamable-http"] = "stdio"
    host: str = "127.0.0.1"
    port: int = 8765
    streamable_http_path: str = "/mcp"
    json_response: bool = False
    stateless_http: bool = False
    allowed_hosts: list[str] = Field(default_factory=lambda: ["127.0.0.1:*", "localhost:*"])
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    page_size: int = 50
    upstreams: UpstreamList = Field(default_factory=lambda: UpstreamList([]))


def load_settings(source: str | Path | Mapping[str, Any], environ: Mapping[str, str] | None = None) -> BridgeSettings:
    data = dict(source) if isinstance(source, Mapping) else json.loads(Path(source).read_text(encoding="utf-8"))
    environ = os.environ if environ is None else environ
    listener: dict[str, Any] = {**data.get("listener", {})}
    if "BRIDGE_HOST" in environ:
        listener["host"] = environ["BRIDGE_HOST"]
    if "BRIDGE_PORT" in environ:
        listener["port"] = int(environ["BRIDGE_PORT"])
    settings = BridgeSettings.model_validate({**listener, "upstreams": data.get("mcpServers", [])})
    settings.upstreams.by_prefix()
    return settings


def describe(settings: BridgeSettings) -> dict[str, Any]:
    """JSON summary for the health endpoint."""
    return {
        "serverInfo": {"name": settings.name},
        "transport": settings.transport,
        "listen": f"{settings.host}:{settings.port}",
        "upstreams": [
            {"serverName": spec.serverName, "toolPrefix": spec.prefix, "listChanged": spec.listChanged}
            for spec in settings.upstreams.enabled()
        ],
    }
