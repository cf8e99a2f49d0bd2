"""Runtime settings: defaults overridden by ``DOCSTORE_*`` variables; ``to_wire()`` feeds ``/healthz``."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, cast

Transport = Literal["stdio", "streamable-http"]
LogLevel = Literal["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"]
LOG_LEVELS: tuple[str, ...] = ("debug", "info", "notice", "warning", "error", "critical", "alert", "emergency")


def level_rank(level: str) -> int:
    return LOG_LEVELS.index(level) if level in LOG_LEVELS else 1


def coerce_level(raw: str) -> LogLevel:
    value = raw.strip().lower()
    value = {"warn": "warning", "fatal": "critical"}.get(value, value)
    if value not in LOG_LEVELS:
        raise ValueError(f"unknown log level {raw!r}")
    return cast(LogLevel, value)


@dataclass
class HttpSettings:
    host: str = "127.0.0.1"
    port: int = 8765
    streamable_http_path: str = "/mcp"
    json_response: bool = False
    stateless_http: bool = False
    allowed_hosts: list[str] = field(default_factory=list[str])


@dataclass
class DocstoreSettings:
    server_name: str = "docstore"
    transport: Transport = "stdio"
    log_level: LogLevel = "info"
    page_size: int = 25
    prompt_page_size: int = 10
    max_document_bytes: int = 1_048_576
    http: HttpSettings = field(default_factory=HttpSettings)

    def to_wire(self) -> dict[str, Any]:
        http = {
            "host": self.http.host,
            "port": self.http.port,
            "streamableHttpPath": self.http.streamable_http_path,
            "jsonResponse": self.http.json_response,
            "statelessHttp": self.http.stateless_http,
        }
        return {"serverName": self.server_name, "logLevel": self.log_level, "pageSize": self.page_size, "http": http}

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> DocstoreSettings:
        env = os.environ if environ is None else environ
        settings = cls()
        settings.server_name = env.get("DOCSTORE_NAME", settings.server_name)
        if env.get("DOCSTORE_TRANSPORT", "").lower() in ("http", "streamable-http"):
            settings.transport = "streamable-http"
        settings.log_level = coerce_level(env.get("DOCSTORE_LOG_LEVEL", settings.log_level))
        settings.page_size = int(env.get("DOCSTORE_PAGE_SIZE", settings.page_size))
        http = settings.http
        http.host = env.get("DOCSTORE_HOST", http.host)
        http.port = int(env.get("DOCSTORE_PORT", http.port))
        http.streamable_http_path = env.get("DOCSTORE_HTTP_PATH", http.streamable_http_path)
        http.json_response = env.get("DOCSTORE_JSON_RESPONSE", "") in ("1", "true", "yes")
        http.stateless_http = env.get("DOCSTORE_STATELESS", "") in ("1", "true", "yes")
        http.allowed_hosts = [h.strip() for h in env.get("DOCSTORE_ALLOWED_HOSTS", "").split(",") if h.strip()]
        settings.validate()
        return settings

    def validate(self) -> None:
        if not 1 <= self.page_size <= 500:
            raise ValueError("page_size must be between 1 and 500")
        if not 0 < self.http.port < 65536:
            raise ValueError(f"invalid port {self.http.port}")
        if not self.http.streamable_http_path.startswith("/"):
            raise ValueError("streamable_http_path must start with '/'")
