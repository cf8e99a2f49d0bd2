"""Environment-driven configuration for syncdesk.

Plain Python so deployment scripts can import it without loading the server.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal, cast

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]
Transport = Literal["stdio", "sse", "streamable-http", "http"]

ENV_PREFIX = "SYNCDESK_"


@dataclass(frozen=True)
class PathSettings:
    """Where the desk keeps its files; ``root`` is the data directory."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "syncdesk.sqlite3"

    def ensure(self) -> PathSettings:
        self.root.mkdir(parents=True, exist_ok=True)
        return self


@dataclass(frozen=True)
class DeskSettings:
    host: str = "127.0.0.1"
    port: int = 8765
    log_level: LogLevel = "INFO"
    transport: Transport = "stdio"
    mount_path: str = "/"
    sse_path: str = "/sse"
    message_path: str = "/messages/"
    streamable_http_path: str = "/mcp"
    json_response: bool = True
    stateless_http: bool = False
    strict_hosts: bool = False
    allowed_hosts: tuple[str, ...] = ("127.0.0.1:*", "localhost:*")
    paths: PathSettings = field(default_factory=lambda: PathSettings(Path(tempfile.gettempdir()) / "syncdesk"))
    status_url: str = "https://status.syncdesk.example/api/summary.json"
    queues: tuple[str, ...] = ("support", "billing", "infra")
    db_retries: int = 5
    db_retry_delay: float = 0.05
    seed_demo: bool = True

    def with_root(self, root: Path | str) -> DeskSettings:
        return replace(self, paths=PathSettings(root=Path(root)))

    def public_view(self) -> dict[str, object]:
        """The shape served to the ops dashboard, which uses camelCase keys."""
        return {
            "host": self.host,
            "port": self.port,
            "logLevel": self.log_level,
            "mountPath": self.mount_path,
            "ssePath": self.sse_path,
            "messagePath": self.message_path,
            "streamableHttpPath": self.streamable_http_path,
            "jsonResponse": self.json_response,
            "statelessHttp": self.stateless_http,
        }


def load_settings(env: Mapping[str, str] | None = None) -> DeskSettings:
    """Build settings from ``SYNCDESK_*`` variables, falling back to defaults."""
    source = os.environ if env is None else env
    base = DeskSettings()

    def get(name: str, default: str) -> str:
        return source.get(ENV_PREFIX + name, default)

    def flag(name: str, default: bool) -> bool:
        return get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}

    level = get("LOG_LEVEL", base.log_level).upper()
    if level not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
        raise ValueError(f"invalid log level {level!r}")
    queues = get("QUEUES", ",".join(base.queues))
    root = source.get(ENV_PREFIX + "DATA_DIR")
    return replace(
        base,
        host=get("HOST", base.host),
        port=int(get("PORT", str(base.port))),
        log_level=cast(LogLevel, level),
        transport=cast(Transport, get("TRANSPORT", base.transport)),
        sse_path=get("SSE_PATH", base.sse_path),
        message_path=get("MESSAGE_PATH", base.message_path),
        streamable_http_path=get("HTTP_PATH", base.streamable_http_path),
        json_response=flag("JSON_RESPONSE", base.json_response),
        stateless_http=flag("STATELESS", base.stateless_http),
        strict_hosts=flag("STRICT_HOSTS", base.strict_hosts),
        paths=PathSettings(Path(root)) if root else base.paths,
        status_url=get("STATUS_URL", base.status_url),
        queues=tuple(q.strip() for q in queues.split(",") if q.strip()),
    )


def join_url_path(mount_path: str, endpoint: str) -> str:
    """Join a mount prefix and an endpoint the way a reverse proxy would see it."""
    if mount_path in ("", "/"):
        return endpoint if endpoint.startswith("/") else "/" + endpoint
    return mount_path.rstrip("/") + "/" + endpoint.lstrip("/")
