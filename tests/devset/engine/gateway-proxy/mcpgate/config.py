"""Gateway configuration.

The file format mirrors the ``mcpServers`` block desktop clients use, plus a
``gateway`` block for the listening side; ``${VAR}`` / ``${VAR:-default}`` are
expanded from the environment.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, field_validator, model_validator

TransportName = Literal["stdio", "streamable-http", "memory"]
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]

_NAME_RE = re.compile(r"^[a-z][a-z0-9-]{0,31}$")
_ENV_RE = re.compile(r"\$\{([A-Z0-9_]+)(?::-([^}]*))?\}")


class UpstreamSpec(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")

    name: str
    transport: TransportName = "stdio"
    command: str | None = None
    args: list[str] = Field(default_factory=list)
    env: dict[str, str] = Field(default_factory=dict)
    cwd: str | None = None
    url: str | None = None
    headers: dict[str, str] = Field(default_factory=dict)
    bearer_token: str | None = Field(default=None, alias="bearerToken")
    timeout: float = 30.0
    sse_read_timeout: float = Field(default=300.0, alias="sseReadTimeout")
    read_timeout_seconds: float | None = Field(default=60.0, alias="readTimeoutSeconds")
    tool_timeouts: dict[str, float] = Field(default_factory=dict, alias="toolTimeouts")
    prefix: str | None = None
    enabled: bool = True

    @field_validator("name", "prefix")
    @classmethod
    def _check_name(cls, value: str | None) -> str | None:
        if value is not None and not _NAME_RE.match(value):
            raise ValueError(f"invalid upstream name {value!r}: use lowercase letters, digits and '-'")
        return value

    @model_validator(mode="after")
    def _check_transport(self) -> UpstreamSpec:
        if self.transport == "stdio" and not self.command:
            raise ValueError(f"upstream {self.name!r}: stdio transport needs a command")
        if self.transport == "streamable-http" and not self.url:
            raise ValueError(f"upstream {self.name!r}: streamable-http transport needs a url")
        return self

    @property
    def public_prefix(self) -> str:
        return self.prefix or self.name

    def timeout_for(self, tool: str) -> float | None:
        return self.tool_timeouts.get(tool, self.read_timeout_seconds)


class UpstreamTable(RootModel[dict[str, UpstreamSpec]]):
    """The ``mcpServers`` mapping; each entry's name defaults to its key."""

    @classmethod
    def from_mapping(cls, raw: dict[str, Any]) -> UpstreamTable:
        entries = {key: {"name": key, **value} for key, value in raw.items()}
        return cls.model_validate(entries)

    def enabled(self) -> list[UpstreamSpec]:
        return [spec for spec in self.root.values() if spec.enabled]


class GatewaySettings(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    name: str = "mcpgate"
    instructions: str | None = None
    host: str = "127.0.0.1"
    port: int = 8765
    streamable_http_path: str = Field(default="/mcp", alias="path")
    json_response: bool = Field(default=False, alias="jsonResponse")
    stateless_http: bool = Field(default=False, alias="stateless")
    log_level: LogLevel = Field(default="INFO", alias="logLevel")
    separator: Literal[".", "_", "__", "-"] = "."
    expose_admin: bool = Field(default=True, alias="exposeAdmin")
    upstreams: UpstreamTable = Field(default_factory=lambda: UpstreamTable({}))


def load_settings(path: str | Path, environ: Mapping[str, str] | None = None) -> GatewaySettings:
    env = os.environ if environ is None else environ
    text = _ENV_RE.sub(lambda m: env.get(m.group(1), m.group(2) or ""), Path(path).read_text(encoding="utf-8"))
    raw = json.loads(text)
    gateway = dict(raw.get("gateway", {}))
    gateway["upstreams"] = UpstreamTable.from_mapping(raw.get("mcpServers", {}))
    return GatewaySettings.model_validate(gateway)
