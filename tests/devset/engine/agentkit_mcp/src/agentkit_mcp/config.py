from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from enum import Enum
from typing import Any, Mapping


class TransportKind(str, Enum):
    STDIO = "stdio"
    STREAMABLE_HTTP = "streamable_http"


@dataclass(frozen=True)
class MCPServerConfig:
    """Connection settings for one MCP server, as read from agentkit.yaml."""

    name: str
    transport: TransportKind = TransportKind.STDIO
    command: str | None = None
    args: list[str] = field(default_factory=list)
    env: dict[str, str] | None = None
    url: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    connect_timeout: timedelta = timedelta(seconds=30)
    sse_read_timeout: timedelta = timedelta(minutes=5)
    call_timeout: timedelta | None = timedelta(seconds=60)
    tool_prefix: str | None = None

    @classmethod
    def from_mapping(cls, name: str, raw: Mapping[str, Any]) -> "MCPServerConfig":
        call_timeout = raw.get("call_timeout_s")
        return cls(
            name=name,
            transport=TransportKind(raw.get("transport", "stdio")),
            command=raw.get("command"),
            args=list(raw.get("args", [])),
            url=raw.get("url"),
            headers=dict(raw.get("headers", {})),
            call_timeout=None if call_timeout is None else timedelta(seconds=float(call_timeout)),
        )

    def validate(self) -> None:
        if self.transport is TransportKind.STDIO and not self.command:
            raise ValueError(f"server {self.name!r}: stdio transport requires 'command'")
        if self.transport is not TransportKind.STDIO and not self.url:
            raise ValueError(f"server {self.name!r}: {self.transport.value} transport requires 'url'")
