"""Runtime configuration for the IssueDesk MCP server.

Everything is read from ``ISSUEDESK_*`` environment variables so the server can
be configured the same way in a Docker container, a desktop client config file
or a CI job.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, cast

Transport = Literal["stdio", "sse", "streamable-http"]
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]

TRANSPORTS: tuple[Transport, ...] = ("stdio", "sse", "streamable-http")
LOG_LEVELS: tuple[LogLevel, ...] = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")

ENV_PREFIX = "ISSUEDESK_"
DEFAULT_API_URL = "https://api.issuedesk.io"


class ConfigError(ValueError):
    """Raised when the environment holds an unusable value."""


def _as_bool(raw: str, name: str) -> bool:
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    raise ConfigError(f"{name} must be a boolean, got {raw!r}")


def _as_int(raw: str, name: str, *, low: int, high: int) -> int:
    try:
        value = int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be an integer, got {raw!r}") from exc
    if not low <= value <= high:
        raise ConfigError(f"{name} must be between {low} and {high}, got {value}")
    return value


@dataclass(frozen=True)
class ServerSettings:
    """Settings for one IssueDesk server process."""

    api_url: str = DEFAULT_API_URL
    api_token: str = ""
    workspace: str = "default"
    transport: Transport = "stdio"
    host: str = "127.0.0.1"
    port: int = 8000
    mount_path: str = "/"
    streamable_http_path: str = "/mcp"
    json_response: bool = False
    stateless_http: bool = False
    log_level: LogLevel = "INFO"
    debug: bool = False
    page_size: int = 25
    request_timeout: float = 15.0
    allowed_hosts: tuple[str, ...] = ()

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> ServerSettings:
        env = os.environ if environ is None else environ

        def get(name: str) -> str | None:
            return env.get(ENV_PREFIX + name)

        values: dict[str, Any] = {}
        if (raw := get("API_URL")) is not None:
            values["api_url"] = raw.rstrip("/")
        if (raw := get("API_TOKEN")) is not None:
            values["api_token"] = raw.strip()
        if (raw := get("WORKSPACE")) is not None:
            values["workspace"] = raw.strip() or "default"
        if (raw := get("TRANSPORT")) is not None:
            if raw not in TRANSPORTS:
                raise ConfigError(f"ISSUEDESK_TRANSPORT must be one of {', '.join(TRANSPORTS)}")
            values["transport"] = raw
        if (raw := get("HOST")) is not None:
            values["host"] = raw
        if (raw := get("PORT")) is not None:
            values["port"] = _as_int(raw, "ISSUEDESK_PORT", low=1, high=65535)
        if (raw := get("MOUNT_PATH")) is not None:
            values["mount_path"] = raw
        if (raw := get("HTTP_PATH")) is not None:
            values["streamable_http_path"] = raw
        if (raw := get("JSON_RESPONSE")) is not None:
            values["json_response"] = _as_bool(raw, "ISSUEDESK_JSON_RESPONSE")
        if (raw := get("STATELESS")) is not None:
            values["stateless_http"] = _as_bool(raw, "ISSUEDESK_STATELESS")
        if (raw := get("LOG_LEVEL")) is not None:
            level = raw.upper()
            if level not in LOG_LEVELS:
                raise ConfigError(f"ISSUEDESK_LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}")
            values["log_level"] = cast(LogLevel, level)
        if (raw := get("DEBUG")) is not None:
            values["debug"] = _as_bool(raw, "ISSUEDESK_DEBUG")
        if (raw := get("PAGE_SIZE")) is not None:
            values["page_size"] = _as_int(raw, "ISSUEDESK_PAGE_SIZE", low=1, high=100)
        if (raw := get("TIMEOUT")) is not None:
            values["request_timeout"] = float(raw)
        if (raw := get("ALLOWED_HOSTS")) is not None:
            values["allowed_hosts"] = tuple(h.strip() for h in raw.split(",") if h.strip())
        return cls(**values)

    def with_overrides(self, **changes: Any) -> ServerSettings:
        clean = {key: value for key, value in changes.items() if value is not None}
        return dataclasses.replace(self, **clean)

    @property
    def is_http(self) -> bool:
        return self.transport != "stdio"

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def public_view(self) -> dict[str, Any]:
        """A redacted view of the settings, shaped like the dashboard's JSON config."""
        return {
            "apiUrl": self.api_url,
            "workspace": self.workspace,
            "transport": self.transport,
            "host": self.host,
            "port": self.port,
            "jsonResponse": self.json_response,
            "statelessHttp": self.stateless_http,
            "pageSize": self.page_size,
            "hasToken": bool(self.api_token),
            "listChanged": False,
        }
