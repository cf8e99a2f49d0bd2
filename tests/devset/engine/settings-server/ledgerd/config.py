"""Runtime configuration for ledgerd.

Values come from three layers, later layers winning:

1. the defaults on :class:`ServerConfig`
2. ``LEDGERD_*`` environment variables
3. command-line flags (see :mod:`ledgerd.cli`)

This module deliberately has no dependency on the MCP SDK so that it can be
imported by deployment tooling that only needs to render or validate a config.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Mapping
from typing import Any, Literal, NamedTuple, cast

Transport = Literal["stdio", "sse", "streamable-http"]
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]

TRANSPORTS: tuple[Transport, ...] = ("stdio", "sse", "streamable-http")
LOG_LEVELS: tuple[LogLevel, ...] = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")

ENV_PREFIX = "LEDGERD_"

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class ConfigError(ValueError):
    """Raised when a configuration value cannot be parsed."""


def parse_bool(raw: str, *, key: str = "value") -> bool:
    lowered = raw.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ConfigError(f"{key}: expected a boolean, got {raw!r}")


def parse_list(raw: str) -> list[str]:
    return [item.strip() for item in re.split(r"[,\s]+", raw) if item.strip()]


def parse_tokens(raw: str) -> dict[str, TokenGrant]:
    """Parse ``token=client:scope1+scope2`` pairs separated by commas."""
    grants: dict[str, TokenGrant] = {}
    for chunk in parse_list(raw):
        if "=" not in chunk:
            raise ConfigError(f"token spec {chunk!r} is missing '='")
        token, _, rest = chunk.partition("=")
        client_id, _, scope_part = rest.partition(":")
        scopes = tuple(s for s in scope_part.split("+") if s)
        grants[token] = TokenGrant(client_id=client_id or "anonymous", scopes=scopes)
    return grants


def normalize_path(path: str, *, trailing_slash: bool = False) -> str:
    """Return ``path`` with exactly one leading slash and no doubled slashes."""
    cleaned = "/" + "/".join(part for part in path.split("/") if part)
    if trailing_slash and not cleaned.endswith("/"):
        cleaned += "/"
    return cleaned


class TokenGrant(NamedTuple):
    client_id: str
    scopes: tuple[str, ...] = ()


class PathLayout(NamedTuple):
    """Public URL layout of the HTTP deployment."""

    root: str
    mcp: str
    sse: str
    messages: str
    health: str


def join_path(root: str, suffix: str) -> str:
    if root in ("", "/"):
        return normalize_path(suffix)
    return normalize_path(root + "/" + suffix)


@dataclasses.dataclass
class ServerConfig:
    name: str = "ledgerd"
    host: str = "127.0.0.1"
    port: int = 8000
    mount_path: str = "/"
    sse_path: str = "/sse"
    message_path: str = "/messages/"
    streamable_http_path: str = "/mcp"
    transport: Transport = "stdio"
    debug: bool = False
    log_level: LogLevel = "INFO"
    stateless_http: bool = False
    json_response: bool = False
    allowed_hosts: list[str] = dataclasses.field(default_factory=list)
    allowed_origins: list[str] = dataclasses.field(default_factory=list)
    tokens: dict[str, TokenGrant] = dataclasses.field(default_factory=dict)
    issuer_url: str = "https://auth.example.com"
    resource_server_url: str | None = None
    required_scopes: list[str] = dataclasses.field(default_factory=list)
    database_url: str = "memory://ledger"
    page_size: int = 25
    currency: str = "EUR"

    # -- derived values -------------------------------------------------

    @property
    def auth_enabled(self) -> bool:
        return bool(self.tokens)

    @property
    def public_url(self) -> str:
        host = "localhost" if self.host in ("0.0.0.0", "::") else self.host
        return f"http://{host}:{self.port}"

    def layout(self) -> PathLayout:
        root = normalize_path(self.mount_path)
        return PathLayout(
            root=root,
            mcp=join_path(root, self.streamable_http_path),
            sse=join_path(root, self.sse_path),
            messages=join_path(root, self.message_path) + "/",
            health=join_path(root, "/healthz"),
        )

    def validate(self) -> ServerConfig:
        if self.transport not in TRANSPORTS:
            raise ConfigError(f"transport must be one of {TRANSPORTS}, got {self.transport!r}")
        if self.log_level not in LOG_LEVELS:
            raise ConfigError(f"log level must be one of {LOG_LEVELS}, got {self.log_level!r}")
        if not 0 < self.port < 65536:
            raise ConfigError(f"port out of range: {self.port}")
        if self.stateless_http and self.transport == "sse":
            raise ConfigError("stateless HTTP only applies to the streamable-http transport")
        if self.page_size < 1:
            raise ConfigError("page size must be positive")
        self.mount_path = normalize_path(self.mount_path)
        self.sse_path = normalize_path(self.sse_path)
        self.message_path = normalize_path(self.message_path, trailing_slash=True)
        self.streamable_http_path = normalize_path(self.streamable_http_path)
        return self

    # -- loading --------------------------------------------------------

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> ServerConfig:
        env = os.environ if environ is None else environ
        config = cls()
        for field in dataclasses.fields(cls):
            key = ENV_PREFIX + field.name.upper()
            if key not in env:
                continue
            setattr(config, field.name, _coerce(field.name, getattr(config, field.name), env[key]))
        # PORT is what most PaaS runtimes set; honour it when ours is absent.
        if ENV_PREFIX + "PORT" not in env and "PORT" in env:
            config.port = _coerce("port", config.port, env["PORT"])
        return config

    def merge(self, overrides: Mapping[str, Any]) -> ServerConfig:
        """Return a copy with every non-``None`` override applied."""
        known = {f.name for f in dataclasses.fields(self)}
        changes = {k: v for k, v in overrides.items() if k in known and v is not None}
        return dataclasses.replace(self, **changes)

    # -- rendering --------------------------------------------------------

    def describe(self) -> dict[str, Any]:
        """A JSON-friendly summary served by ``/config`` and printed by ``--print-config``.

        Keys follow the camelCase convention the dashboard already uses.
        """
        layout = self.layout()
        return {
            "serverInfo": {"name": self.name, "currency": self.currency},
            "transport": {
                "kind": self.transport,
                "host": self.host,
                "port": self.port,
                "mountPath": layout.root,
                "streamableHttpPath": layout.mcp,
                "ssePath": layout.sse,
                "messagePath": layout.messages,
                "statelessHttp": self.stateless_http,
                "jsonResponse": self.json_response,
            },
            "logging": {"level": self.log_level, "debug": self.debug},
            "auth": {
                "enabled": self.auth_enabled,
                "issuerUrl": self.issuer_url if self.auth_enabled else None,
                "requiredScopes": list(self.required_scopes),
                "clientIds": sorted({grant.client_id for grant in self.tokens.values()}),
            },
            "capabilities": {"tools": {"listChanged": False}, "resources": {"subscribe": False}},
        }


def _coerce(name: str, current: Any, raw: str) -> Any:
    key = ENV_PREFIX + name.upper()
    if name == "tokens":
        return parse_tokens(raw)
    if name == "transport":
        value = raw.strip().lower().replace("_", "-")
        if value == "http":
            value = "streamable-http"
        if value not in TRANSPORTS:
            raise ConfigError(f"{key}: unknown transport {raw!r}")
        return cast(Transport, value)
    if name == "log_level":
        level = raw.strip().upper()
        if level not in LOG_LEVELS:
            raise ConfigError(f"{key}: unknown log level {raw!r}")
        return cast(LogLevel, level)
    if isinstance(current, bool):
        return parse_bool(raw, key=key)
    if isinstance(current, int):
        try:
            return int(raw)
        except ValueError as exc:
            raise ConfigError(f"{key}: expected an integer, got {raw!r}") from exc
    if isinstance(current, list):
        return parse_list(raw)
    if name == "resource_server_url":
        return raw or None
    return raw
