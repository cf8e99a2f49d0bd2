"""Runtime settings, read from ``TENANTD_*`` environment variables."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]
Transport = Literal["stdio", "sse", "streamable-http"]

_TRUE = {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class TokenGrant:
    tenant_id: str
    scopes: tuple[str, ...]


@dataclass
class TenantdSettings:
    host: str = "127.0.0.1"
    port: int = 8000
    transport: Transport = "stdio"
    http_path: str = "/mcp"
    mount_prefix: str = ""
    json_response: bool = False
    stateless: bool = False
    debug: bool = False
    log_level: LogLevel = "INFO"
    issuer_url: str = "https://auth.tenantd.example.com"
    resource_url: str = "https://api.tenantd.example.com/mcp"
    allowed_hosts: list[str] = field(default_factory=list)
    default_tenant: str | None = None
    tokens: dict[str, TokenGrant] = field(default_factory=dict)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> TenantdSettings:
        env = os.environ if environ is None else environ

        def flag(name: str) -> bool:
            return env.get(name, "").strip().lower() in _TRUE

        transport = env.get("TENANTD_TRANSPORT", "stdio")
        if transport not in ("stdio", "sse", "streamable-http"):
            raise ValueError(f"unsupported TENANTD_TRANSPORT {transport!r}")
        level = env.get("TENANTD_LOG_LEVEL", "INFO").upper()
        if level not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
            raise ValueError(f"unsupported TENANTD_LOG_LEVEL {level!r}")
        return cls(
            host=env.get("TENANTD_HOST", "127.0.0.1"),
            port=int(env.get("TENANTD_PORT", "8000")),
            transport=transport,
            http_path=env.get("TENANTD_HTTP_PATH", "/mcp"),
            mount_prefix=env.get("TENANTD_MOUNT_PREFIX", "").rstrip("/"),
            json_response=flag("TENANTD_JSON_RESPONSE"),
            stateless=flag("TENANTD_STATELESS"),
            debug=flag("TENANTD_DEBUG"),
            log_level=level,
            issuer_url=env.get("TENANTD_ISSUER_URL", cls.issuer_url),
            resource_url=env.get("TENANTD_RESOURCE_URL", cls.resource_url),
            allowed_hosts=[h for h in env.get("TENANTD_ALLOWED_HOSTS", "").split(",") if h],
            default_tenant=env.get("TENANTD_DEFAULT_TENANT") or None,
            tokens=parse_tokens(env.get("TENANTD_TOKENS", "")),
        )


def parse_tokens(spec: str) -> dict[str, TokenGrant]:
    """``token=tenant:scope+scope,token2=tenant2:scope`` -> grants."""
    grants: dict[str, TokenGrant] = {}
    for item in filter(None, (part.strip() for part in spec.split(","))):
        token, _, rest = item.partition("=")
        tenant, _, scopes = rest.partition(":")
        if not token or not tenant:
            raise ValueError(f"malformed token grant {item!r}")
        grants[token] = TokenGrant(tenant, tuple(s for s in scopes.split("+") if s) or ("tenant",))
    return grants
