"""Runtime configuration for the opsdeck server.

Values come from ``OPSDECK_*`` environment variables so the same image can run
as a sidecar (stdio), behind the ingress (streamable HTTP) or on the legacy SSE
endpoint that older dashboards still poll.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal, cast

Transport = Literal["stdio", "sse", "streamable-http"]
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]

_TRUTHY = {"1", "true", "yes", "on"}
_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def _flag(raw: str | None, default: bool) -> bool:
    if raw is None:
        return default
    return raw.strip().lower() in _TRUTHY


def _csv(raw: str | None) -> tuple[str, ...]:
    if not raw:
        return ()
    return tuple(part.strip() for part in raw.split(",") if part.strip())


@dataclass(frozen=True)
class DeckSettings:
    """Everything the server needs to know before it starts serving."""

    name: str = "opsdeck"
    cluster: str = "staging-eu1"
    host: str = "127.0.0.1"
    port: int = 8765
    transport: Transport = "streamable-http"
    mount_path: str = "/ops"
    sse_path: str = "/sse"
    message_path: str = "/messages/"
    streamable_http_path: str = "/mcp"
    json_response: bool = False
    stateless_http: bool = False
    log_level: LogLevel = "INFO"
    allowed_hosts: tuple[str, ...] = ()
    webhook_url: str | None = None
    page_size: int = 3
    max_replicas: int = 20
    labels: dict[str, str] = field(default_factory=lambda: {"team": "platform"})

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> DeckSettings:
        env = os.environ if env is None else env
        base = cls()
        level = env.get("OPSDECK_LOG_LEVEL", base.log_level).upper()
        if level not in _LEVELS:
            raise ValueError(f"unsupported log level {level!r}")
        transport = env.get("OPSDECK_TRANSPORT", base.transport)
        if transport not in ("stdio", "sse", "streamable-http"):
            raise ValueError(f"unsupported transport {transport!r}")
        return replace(
            base,
            name=env.get("OPSDECK_NAME", base.name),
            cluster=env.get("OPSDECK_CLUSTER", base.cluster),
            host=env.get("OPSDECK_HOST", base.host),
            port=int(env.get("OPSDECK_PORT", base.port)),
            transport=cast(Transport, transport),
            mount_path=env.get("OPSDECK_MOUNT_PATH", base.mount_path),
            streamable_http_path=env.get("OPSDECK_HTTP_PATH", base.streamable_http_path),
            json_response=_flag(env.get("OPSDECK_JSON_RESPONSE"), base.json_response),
            stateless_http=_flag(env.get("OPSDECK_STATELESS"), base.stateless_http),
            log_level=cast(LogLevel, level),
            allowed_hosts=_csv(env.get("OPSDECK_ALLOWED_HOSTS")),
            webhook_url=env.get("OPSDECK_WEBHOOK_URL") or None,
            page_size=int(env.get("OPSDECK_PAGE_SIZE", base.page_size)),
        )

    @property
    def public_url(self) -> str:
        path = self.streamable_http_path if self.transport == "streamable-http" else self.sse_path
        return f"http://{self.host}:{self.port}{path}"

    def as_dict(self) -> dict[str, Any]:
        """Shape used by the dashboard's /config panel (camelCase, like the rest of its API)."""
        return {
            "serverName": self.name,
            "cluster": self.cluster,
            "host": self.host,
            "port": self.port,
            "transport": self.transport,
            "mountPath": self.mount_path,
            "streamableHttpPath": self.streamable_http_path,
            "jsonResponse": self.json_response,
            "statelessHttp": self.stateless_http,
            "logLevel": self.log_level.lower(),
            "allowedHosts": list(self.allowed_hosts),
        }
