"""Bridge configuration.

Settings come from built-in defaults, a JSON config file written by the
desktop launcher, and command-line flags.  The JSON file uses camelCase keys because the launcher is a TypeScript app.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, RootModel, field_validator
from pydantic.alias_generators import to_camel

TransportName = Literal["streamable-http", "sse"]


class HeaderMap(RootModel[dict[str, str]]):
    """Extra HTTP headers sent to the upstream server, case-insensitive on lookup."""

    root: dict[str, str] = Field(default_factory=dict)

    def get(self, name: str) -> str | None:
        wanted = name.lower()
        for key, value in self.root.items():
            if key.lower() == wanted:
                return value
        return None

    def merged(self, other: Mapping[str, str]) -> dict[str, str]:
        merged = dict(self.root)
        merged.update(other)
        return merged


class ToolTimeouts(RootModel[dict[str, float]]):
    """Per-tool timeouts in seconds, keyed by the *upstream* tool name."""

    root: dict[str, float] = Field(default_factory=dict)

    def for_tool(self, name: str, default: float) -> float:
        if name in self.root:
            return self.root[name]
        # allow a trailing wildcard, e.g. "report_*"
        for pattern, seconds in self.root.items():
            if pattern.endswith("*") and name.startswith(pattern[:-1]):
                return seconds
        return default


class BridgeSettings(BaseModel):
    """Everything the bridge needs to reach and present an upstream server."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="ignore")

    # where the upstream lives
    transport: TransportName = "streamable-http"
    host: str = "127.0.0.1"
    port: int = 8000
    scheme: Literal["http", "https"] = "http"
    streamable_http_path: str = "/mcp"
    sse_path: str = "/sse"
    url: str | None = None
    headers: HeaderMap = Field(default_factory=HeaderMap)
    bearer_token: str | None = None

    # timeouts, seconds
    timeout: float = 30.0
    sse_read_timeout: float = 300.0
    request_timeout: float = 60.0
    tool_timeouts: ToolTimeouts = Field(default_factory=ToolTimeouts)

    # what the local stdio side sees
    server_name: str = "stdio-bridge"
    tool_prefix: str = ""
    read_only: bool = False
    hidden_tools: list[str] = Field(default_factory=list)
    allowed_schemes: list[str] = Field(default_factory=lambda: ["file", "https", "inventory", "memo"])
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    json_response: bool = False
    stateless_http: bool = False
    audit_path: str | None = None

    @field_validator("streamable_http_path", "sse_path")
    @classmethod
    def _leading_slash(cls, value: str) -> str:
        return value if value.startswith("/") else "/" + value

    @property
    def upstream_url(self) -> str:
        if self.url:
            return self.url
        path = self.streamable_http_path if self.transport == "streamable-http" else self.sse_path
        return f"{self.scheme}://{self.host}:{self.port}{path}"

    @property
    def netloc(self) -> str:
        parts = urlsplit(self.upstream_url)
        return parts.netloc or f"{self.host}:{self.port}"

    def request_headers(self) -> dict[str, str]:
        extra: dict[str, str] = {"X-Bridge-Name": self.server_name}
        if self.bearer_token and self.headers.get("authorization") is None:
            extra["Authorization"] = f"Bearer {self.bearer_token}"
        return self.headers.merged(extra)

    def timeout_for(self, tool_name: str) -> float:
        return self.tool_timeouts.for_tool(tool_name, self.request_timeout)

    def to_launcher_json(self) -> dict[str, Any]:
        """Round-trip back to the launcher's camelCase format."""
        return self.model_dump(by_alias=True, exclude_none=True)


def load_settings(config_path: str | Path | None = None, **explicit: Any) -> BridgeSettings:
    data: dict[str, Any] = {}
    if config_path is not None:
        payload = json.loads(Path(config_path).read_text(encoding="utf-8"))
        # the launcher nests everything under "bridge"; older files are flat
        data.update(payload.get("bridge", payload))
    data.update({k: v for k, v in explicit.items() if v is not None})
    return BridgeSettings.model_validate(data)
