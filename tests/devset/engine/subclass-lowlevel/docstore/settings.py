"""Runtime configuration for the docstore service.

Values are read from ``DOCSTORE_*`` environment variables so the same image
can run as a stdio subprocess or as a long-lived HTTP service.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

Transport = Literal["stdio", "streamable-http"]

_TRUTHY = {"1", "true", "yes", "on"}


def _flag(value: str | None, default: bool) -> bool:
    if value is None:
        return default
    return value.strip().lower() in _TRUTHY


def _csv(value: str | None) -> list[str]:
    if not value:
        return []
    return [item.strip() for item in value.split(",") if item.strip()]


@dataclass
class ServerSettings:
    """Settings shared by the stdio and HTTP runners."""

    transport: Transport = "stdio"
    host: str = "127.0.0.1"
    port: int = 8765
    streamable_http_path: str = "/mcp"
    json_response: bool = False
    stateless_http: bool = False
    log_level: str = "INFO"
    page_size: int = 25
    allowed_hosts: list[str] = field(default_factory=list)
    allowed_origins: list[str] = field(default_factory=list)
    debug: bool = False

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> ServerSettings:
        env = os.environ if environ is None else environ
        transport = env.get("DOCSTORE_TRANSPORT", "stdio")
        if transport not in ("stdio", "streamable-http"):
            raise ValueError(f"unsupported transport: {transport!r}")
        return cls(
            transport="stdio" if transport == "stdio" else "streamable-http",
            host=env.get("DOCSTORE_HOST", cls.host),
            port=int(env.get("DOCSTORE_PORT", str(cls.port))),
            streamable_http_path=env.get("DOCSTORE_HTTP_PATH", cls.streamable_http_path),
            json_response=_flag(env.get("DOCSTORE_JSON_RESPONSE"), False),
            stateless_http=_flag(env.get("DOCSTORE_STATELESS"), False),
            log_level=env.get("DOCSTORE_LOG_LEVEL", cls.log_level).upper(),
            page_size=max(1, int(env.get("DOCSTORE_PAGE_SIZE", str(cls.page_size)))),
            allowed_hosts=_csv(env.get("DOCSTORE_ALLOWED_HOSTS")),
            allowed_origins=_csv(env.get("DOCSTORE_ALLOWED_ORIGINS")),
            debug=_flag(env.get("DOCSTORE_DEBUG"), False),
        )

    def with_overrides(self, **changes: object) -> ServerSettings:
        known = {k: v for k, v in changes.items() if v is not None and hasattr(self, k)}
        return replace(self, **known)

    @property
    def bind_address(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def is_loopback(self) -> bool:
        return self.host in ("127.0.0.1", "localhost", "::1")

    def describe(self) -> dict[str, object]:
        """Return a summary suitable for the health endpoint."""
        return {
            "transport": self.transport,
            "host": self.host,
            "port": self.port,
            "streamablePath": self.streamable_http_path,
            "jsonResponse": self.json_response,
            "stateless": self.stateless_http,
            "logLevel": self.log_level,
        }
