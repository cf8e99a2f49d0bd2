"""Settings for the re-export gateway, read from the environment.

Plain dataclass on purpose: the gateway module turns these into whatever the
server class wants, and the CLI can print them without pulling in anything else.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Transport = Literal["stdio", "sse", "streamable-http"]

_TRUE = {"1", "true", "yes", "on"}


def _env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return raw.strip().lower() in _TRUE


@dataclass
class GatewaySettings:
    name: str = "toolbridge-gateway"
    host: str = "127.0.0.1"
    port: int = 8765
    transport: Transport = "streamable-http"
    sse_path: str = "/sse"
    message_path: str = "/messages/"
    streamable_http_path: str = "/mcp"
    json_response: bool = False
    stateless_http: bool = False
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    tool_prefix_separator: str = "__"
    allowed_hosts: list[str] = field(default_factory=list[str])

    @classmethod
    def from_env(cls, prefix: str = "TOOLBRIDGE_") -> GatewaySettings:
        base = cls()
        transport = os.environ.get(f"{prefix}TRANSPORT", base.transport)
        if transport not in ("stdio", "sse", "streamable-http"):
            raise ValueError(f"unsupported transport {transport!r}")
        hosts = os.environ.get(f"{prefix}ALLOWED_HOSTS", "")
        return cls(
            name=os.environ.get(f"{prefix}NAME", base.name),
            host=os.environ.get(f"{prefix}HOST", base.host),
            port=int(os.environ.get(f"{prefix}PORT", str(base.port))),
            transport=transport,
            streamable_http_path=os.environ.get(f"{prefix}HTTP_PATH", base.streamable_http_path),
            json_response=_env_bool(f"{prefix}JSON_RESPONSE", base.json_response),
            stateless_http=_env_bool(f"{prefix}STATELESS", base.stateless_http),
            allowed_hosts=[h.strip() for h in hosts.split(",") if h.strip()],
        )

    @property
    def is_local(self) -> bool:
        return self.host in ("127.0.0.1", "localhost", "::1")

    @property
    def base_url(self) -> str:
        path = self.sse_path if self.transport == "sse" else self.streamable_http_path
        return f"http://{self.host}:{self.port}{path}"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
