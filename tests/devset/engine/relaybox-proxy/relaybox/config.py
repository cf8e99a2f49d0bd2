"""Gateway configuration.

The config file mirrors the ``mcpServers`` blocks desktop clients use, so an
existing client config can be pasted in with minimal edits::

    {
      "listen": {"transport": "sse", "host": "0.0.0.0", "port": 8100},
      "mcpServers": {
        "inventory": {"command": "python", "args": ["inventory.py"], "toolPrefix": "inv"},
        "search": {"url": "https://search.internal/mcp", "transport": "streamable-http",
                   "headers": {"X-Team": "ops"}, "readTimeoutSeconds": 45}
      }
    }
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, field_validator

UpstreamTransport = Literal["stdio", "sse", "streamable-http", "websocket"]


class UpstreamSpec(BaseModel):
    """One upstream server entry from the ``mcpServers`` block."""

    model_config = ConfigDict(populate_by_name=True, extra="forbid")

    name: str = ""
    transport: UpstreamTransport = "stdio"
    command: str | None = None
    args: list[str] = Field(default_factory=list)
    env: dict[str, str] | None = None
    cwd: str | None = None
    url: str | None = None
    headers: dict[str, str] = Field(default_factory=dict)
    bearer_token: str | None = Field(default=None, alias="bearerToken")
    tool_prefix: str | None = Field(default=None, alias="toolPrefix")
    read_timeout_seconds: float = Field(default=30.0, alias="readTimeoutSeconds")
    sse_read_timeout: float = Field(default=300.0, alias="sseReadTimeout")
    disabled: bool = False

    @field_validator("tool_prefix")
    @classmethod
    def _check_prefix(cls, value: str | None) -> str | None:
        if value is not None and not (value.isidentifier() and value.islower()):
            raise ValueError(f"toolPrefix {value!r} must be lowercase snake_case")
        return value

    @property
    def prefix(self) -> str:
        return self.tool_prefix or self.name

    def validate_shape(self) -> None:
        needs = "command" if self.transport == "stdio" else "url"
        if not getattr(self, needs):
            raise ValueError(f"upstream {self.name!r}: {self.transport} transport requires {needs!r}")


class UpstreamTable(RootModel[dict[str, UpstreamSpec]]):
    """The ``mcpServers`` mapping, keyed by upstream name."""

    def enabled(self) -> list[UpstreamSpec]:
        specs: list[UpstreamSpec] = []
        for key, spec in self.root.items():
            if spec.disabled:
                continue
            spec = spec if spec.name else spec.model_copy(update={"name": key})
            spec.validate_shape()
            specs.append(spec)
        return specs


class ListenSettings(BaseModel):
    """Where the gateway itself listens for downstream clients."""

    model_config = ConfigDict(populate_by_name=True)

    transport: Literal["stdio", "sse"] = "stdio"
    host: str = "127.0.0.1"
    port: int = Field(default=8100, gt=0, lt=65536)
    sse_path: str = "/sse"
    message_path: str = "/messages/"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    server_name: str = Field(default="relaybox", alias="serverName")


class GatewayConfig(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    listen: ListenSettings = Field(default_factory=ListenSettings)
    upstreams: UpstreamTable = Field(alias="mcpServers")

    @classmethod
    def from_file(cls, path: str | Path) -> GatewayConfig:
        return cls.model_validate(json.loads(Path(path).read_text(encoding="utf-8")))

    def apply_env_overrides(self, environ: dict[str, str] | None = None) -> GatewayConfig:
        env = os.environ if environ is None else environ
        update: dict[str, Any] = {}
        if "RELAYBOX_HOST" in env:
            update["host"] = env["RELAYBOX_HOST"]
        if "RELAYBOX_PORT" in env:
            update["port"] = int(env["RELAYBOX_PORT"])
        return self.model_copy(update={"listen": self.listen.model_copy(update=update)})

    def to_status(self) -> dict[str, Any]:
        """A small JSON-friendly summary used by the ``/healthz`` route."""
        return {
            "serverInfo": {"name": self.listen.server_name},
            "listen": {"transport": self.listen.transport, "host": self.listen.host, "port": self.listen.port},
            "upstreams": [
                {"name": spec.name or key, "transport": spec.transport, "toolPrefix": spec.tool_prefix}
                for key, spec in self.upstreams.root.items()
            ],
        }
