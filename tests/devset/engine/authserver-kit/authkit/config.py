"""Deployment settings for an authkit server.

Kept free of SDK imports so the CLI can parse and print configuration
without pulling in the whole server stack.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

DEFAULT_SCOPES = ("notes:read",)
KNOWN_SCOPES = ("notes:read", "notes:write", "authkit:admin")
_TRUTHY = {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class KitSettings:
    """Everything needed to stand up the authorization + resource server pair."""

    host: str = "127.0.0.1"
    port: int = 8765
    public_host: str = "localhost"
    scheme: str = "http"
    mcp_path: str = "/mcp"
    sse_path: str = "/sse"
    message_path: str = "/messages/"
    json_response: bool = True
    stateless_http: bool = True
    transport: str = "streamable-http"
    log_level: str = "INFO"
    required_scopes: tuple[str, ...] = DEFAULT_SCOPES
    valid_scopes: tuple[str, ...] = KNOWN_SCOPES
    access_token_ttl: int = 3600
    refresh_token_ttl: int | None = 30 * 24 * 3600
    code_ttl: int = 300
    auto_approve: bool = False
    allowed_hosts: tuple[str, ...] = ("localhost:*", "127.0.0.1:*")
    docs_url: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def origin(self) -> str:
        default_port = 443 if self.scheme == "https" else 80
        if self.port == default_port:
            return f"{self.scheme}://{self.public_host}"
        return f"{self.scheme}://{self.public_host}:{self.port}"

    @property
    def issuer_url(self) -> str:
        return self.origin

    @property
    def resource_server_url(self) -> str:
        return self.origin + self.mcp_path

    @property
    def consent_url(self) -> str:
        return self.origin + "/consent"

    def with_overrides(self, **changes: Any) -> KitSettings:
        return replace(self, **changes)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, prefix: str = "AUTHKIT_") -> KitSettings:
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}

        def raw(name: str) -> str | None:
            return env.get(prefix + name.upper())

        for name in ("host", "public_host", "scheme", "mcp_path", "transport", "log_level", "docs_url"):
            value = raw(name)
            if value:
                values[name] = value
        for name in ("port", "access_token_ttl", "code_ttl"):
            value = raw(name)
            if value:
                values[name] = int(value)
        for name in ("json_response", "stateless_http", "auto_approve"):
            value = raw(name)
            if value is not None:
                values[name] = value.strip().lower() in _TRUTHY
        for name in ("required_scopes", "valid_scopes", "allowed_hosts"):
            value = raw(name)
            if value:
                values[name] = tuple(part for part in value.replace(",", " ").split() if part)
        return cls(**values)

    def to_public_dict(self) -> dict[str, Any]:
        """Settings as published on the /healthz endpoint (camelCase, like the JS tooling expects)."""
        return {
            "issuerUrl": self.issuer_url,
            "resourceServerUrl": self.resource_server_url,
            "host": self.host,
            "port": self.port,
            "streamableHttpPath": self.mcp_path,
            "ssePath": self.sse_path,
            "jsonResponse": self.json_response,
            "statelessHttp": self.stateless_http,
            "requiredScopes": list(self.required_scopes),
            "scopesSupported": list(self.valid_scopes),
        }
