"""Environment-driven configuration (REPO_BROWSER_* variables, see README)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from mcp.server.fastmcp import FastMCP
from mcp.server.transport_security import TransportSecuritySettings

Transport = Literal["stdio", "sse", "streamable-http"]


def _flag(value: str | None, default: bool) -> bool:
    return default if value is None else value.strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class ServerConfig:
    root: Path
    transport: Transport = "stdio"
    host: str = "127.0.0.1"
    port: int = 8931
    http_path: str = "/mcp"
    stateless: bool = False
    json_response: bool = False
    read_only: bool = True
    allowed_hosts: list[str] = field(default_factory=list)


def load_config(environ: Mapping[str, str] = os.environ) -> ServerConfig:
    transport = environ.get("REPO_BROWSER_TRANSPORT", "stdio")
    if transport not in ("stdio", "sse", "streamable-http"):
        raise ValueError(f"unsupported transport {transport!r}")
    return ServerConfig(
        root=Path(environ.get("REPO_BROWSER_ROOT", os.getcwd())),
        transport=transport,
        host=environ.get("REPO_BROWSER_HOST", "127.0.0.1"),
        port=int(environ.get("REPO_BROWSER_PORT", "8931")),
        http_path=environ.get("REPO_BROWSER_HTTP_PATH", "/mcp"),
        stateless=_flag(environ.get("REPO_BROWSER_STATELESS"), False),
        json_response=_flag(environ.get("REPO_BROWSER_JSON"), False),
        read_only=_flag(environ.get("REPO_BROWSER_READ_ONLY"), True),
        allowed_hosts=[h.strip() for h in environ.get("REPO_BROWSER_ALLOWED_HOSTS", "").split(",") if h.strip()],
    )


def apply_settings(server: FastMCP[Any], config: ServerConfig) -> None:
    """Push transport configuration onto the (already constructed) module-level server."""
    server.settings.debug = server.settings.log_level == "DEBUG"
    server.settings.host = config.host
    server.settings.port = config.port
    server.settings.streamable_http_path = config.http_path
    server.settings.stateless_http = config.stateless
    server.settings.json_response = config.json_response
    if config.allowed_hosts:
        server.settings.transport_security = TransportSecuritySettings(
            enable_dns_rebinding_protection=True,
            allowed_hosts=config.allowed_hosts,
            allowed_origins=[f"https://{host}" for host in config.allowed_hosts],
        )
