"""Runtime settings for the intake desk.

Kept free of any server-library imports so the kiosk build and the CLI can
read them without pulling the whole stack in.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, cast

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]
Transport = Literal["stdio", "sse", "streamable-http"]

_TRUTHY = {"1", "true", "yes", "on"}
_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
_TRANSPORTS = ("stdio", "sse", "streamable-http")


def _flag(raw: str | None, default: bool) -> bool:
    if raw is None:
        return default
    return raw.strip().lower() in _TRUTHY


@dataclass
class DeskSettings:
    """Where and how the desk listens; mirrors the knobs operators ask about."""

    clinic_name: str = "Riverside Family Clinic"
    host: str = "127.0.0.1"
    port: int = 8765
    transport: Transport = "stdio"
    mount_path: str = "/"
    sse_path: str = "/sse"
    streamable_http_path: str = "/mcp"
    json_response: bool = False
    stateless_http: bool = False
    log_level: LogLevel = "INFO"
    portal_base_url: str = "https://portal.riverside.example/insurance"
    page_size: int = 2
    allowed_origins: list[str] = field(default_factory=lambda: ["http://localhost:*"])

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> DeskSettings:
        env = os.environ if environ is None else environ
        base = cls()
        raw_level = env.get("INTAKE_LOG_LEVEL", base.log_level).upper()
        level = cast(LogLevel, raw_level) if raw_level in _LEVELS else base.log_level
        raw_transport = env.get("INTAKE_TRANSPORT", base.transport)
        transport = cast(Transport, raw_transport) if raw_transport in _TRANSPORTS else base.transport
        return cls(
            clinic_name=env.get("INTAKE_CLINIC_NAME", base.clinic_name),
            host=env.get("INTAKE_HOST", base.host),
            port=int(env.get("INTAKE_PORT", base.port)),
            transport=transport,
            mount_path=env.get("INTAKE_MOUNT_PATH", base.mount_path),
            sse_path=env.get("INTAKE_SSE_PATH", base.sse_path),
            streamable_http_path=env.get("INTAKE_HTTP_PATH", base.streamable_http_path),
            json_response=_flag(env.get("INTAKE_JSON_RESPONSE"), base.json_response),
            stateless_http=_flag(env.get("INTAKE_STATELESS"), base.stateless_http),
            log_level=level,
            portal_base_url=env.get("INTAKE_PORTAL_URL", base.portal_base_url),
            page_size=max(1, int(env.get("INTAKE_PAGE_SIZE", base.page_size))),
        )

    @property
    def public_url(self) -> str:
        path = self.streamable_http_path if self.transport == "streamable-http" else self.sse_path
        return f"http://{self.host}:{self.port}{path}"

    def describe(self) -> dict[str, Any]:
        """Shape used by the /healthz endpoint and the kiosk status screen."""
        data = asdict(self)
        data.pop("allowed_origins")
        return {
            "serverName": self.clinic_name,
            "transport": self.transport,
            "listen": {"host": self.host, "port": self.port},
            "endpoint": self.public_url,
            "jsonResponse": self.json_response,
            "statelessHttp": self.stateless_http,
            "logLevel": self.log_level.lower(),
            "raw": data,
        }
