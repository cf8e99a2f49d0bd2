"""Listener configuration for the buildops service.

Defaults < ``BUILDOPS_*`` environment < command-line flags.  Kept free of
server-framework imports so the deploy tooling can render ingress manifests
from it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import Any

TRANSPORTS = ("stdio", "sse", "streamable-http")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def _path(path: str, *, trailing_slash: bool = False) -> str:
    path = "/" + path.strip().strip("/")
    return path + "/" if trailing_slash and path != "/" else path


@dataclass
class ListenConfig:
    transport: str = "stdio"
    host: str = "127.0.0.1"
    port: int = 8765
    mount_path: str = "/"
    sse_path: str = "/sse"
    message_path: str = "/messages/"
    streamable_http_path: str = "/mcp"
    json_response: bool = False
    stateless_http: bool = False
    log_level: str = "INFO"
    allowed_hosts: list[str] = field(default_factory=list)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> ListenConfig:
        env = os.environ if env is None else env
        hosts = env.get("BUILDOPS_ALLOWED_HOSTS", "")
        return cls(
            transport=env.get("BUILDOPS_TRANSPORT", "stdio"),
            host=env.get("BUILDOPS_HOST", "127.0.0.1"),
            port=int(env.get("BUILDOPS_PORT", "8765")),
            streamable_http_path=env.get("BUILDOPS_HTTP_PATH", "/mcp"),
            json_response=env.get("BUILDOPS_JSON_RESPONSE", "").lower() in {"1", "true", "yes"},
            stateless_http=env.get("BUILDOPS_STATELESS", "").lower() in {"1", "true", "yes"},
            log_level=env.get("BUILDOPS_LOG_LEVEL", "INFO"),
            allowed_hosts=[h.strip() for h in hosts.split(",") if h.strip()],
        ).normalised()

    def normalised(self) -> ListenConfig:
        return replace(
            self,
            log_level=self.log_level.upper(),
            mount_path=_path(self.mount_path),
            sse_path=_path(self.sse_path),
            message_path=_path(self.message_path, trailing_slash=True),
            streamable_http_path=_path(self.streamable_http_path),
        )

    @property
    def is_http(self) -> bool:
        return self.transport in ("sse", "streamable-http")

    @property
    def is_loopback(self) -> bool:
        return self.host in LOOPBACK_HOSTS

    def validate(self) -> list[str]:
        problems: list[str] = []
        if self.transport not in TRANSPORTS:
            problems.append(f"unknown transport {self.transport!r}")
        if not 0 < self.port < 65536:
            problems.append(f"port {self.port} out of range")
        if self.log_level not in LOG_LEVELS:
            problems.append(f"unknown log level {self.log_level!r}")
        if self.stateless_http and self.transport == "sse":
            problems.append("--stateless only applies to the streamable-http transport")
        if self.transport != "sse" and self.mount_path != "/":
            problems.append("--mount-path only applies to the sse transport")
        if self.is_http and not self.is_loopback and not self.allowed_hosts:
            problems.append(f"binding to {self.host} requires at least one --allow-host")
        return problems

    def public_url(self) -> str | None:
        if not self.is_http:
            return None
        path = self.streamable_http_path
        if self.transport == "sse":
            path = self.mount_path.rstrip("/") + self.sse_path
        return f"http://{self.host}:{self.port}{path}"

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "url": self.public_url()}
