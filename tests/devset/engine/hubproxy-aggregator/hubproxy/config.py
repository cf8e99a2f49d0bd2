"""Hub configuration, read from ``HUB_*`` environment variables.

Upstreams use the JSON shape desktop MCP clients already use
(``{"mcpServers": {...}}``) so people can paste their existing config.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, cast

from pydantic import RootModel

TransportName = Literal["stdio", "sse", "streamable-http", "memory"]
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class TokenGrant:
    client_id: str
    scopes: tuple[str, ...] = ()
    tenant: str | None = None
    expires_at: int | None = None


def parse_token_grants(raw: str) -> dict[str, TokenGrant]:
    """Parse ``token=client[@tenant]:scope scope;token2=...``."""
    grants: dict[str, TokenGrant] = {}
    for chunk in filter(None, (c.strip() for c in raw.split(";"))):
        token, _, rest = chunk.partition("=")
        who, _, scopes = rest.partition(":")
        client_id, _, tenant = who.partition("@")
        grants[token] = TokenGrant(client_id, tuple(scopes.split()), tenant or None)
    return grants


@dataclass
class UpstreamSpec:
    name: str
    transport: TransportName
    command: str | None = None
    args: list[str] = field(default_factory=list)
    env: dict[str, str] | None = None
    url: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    bearer_token: str | None = None
    timeout: float = 30.0
    sse_read_timeout: float = 300.0
    read_timeout_seconds: float | None = None
    prefix: str | None = None
    enabled: bool = True

    @property
    def namespace(self) -> str:
        return self.prefix or self.name

    @classmethod
    def from_dict(cls, name: str, raw: Mapping[str, Any]) -> UpstreamSpec:
        transport = raw.get("transport") or raw.get("type") or ("stdio" if "command" in raw else "streamable-http")
        spec = cls(
            name=name,
            transport=cast(TransportName, "streamable-http" if transport == "http" else transport),
            command=raw.get("command"),
            args=[str(a) for a in raw.get("args", [])],
            env=raw.get("env"),
            url=raw.get("url"),
            headers=dict(raw.get("headers") or {}),
            bearer_token=raw.get("bearerToken"),
            timeout=float(raw.get("timeout", 30)),
            sse_read_timeout=float(raw.get("sseReadTimeout", 300)),
            read_timeout_seconds=raw.get("readTimeoutSeconds"),
            prefix=raw.get("prefix"),
            enabled=not raw.get("disabled", False),
        )
        if spec.namespace == "hub":
            raise ConfigError(f"upstream {name!r}: namespace 'hub' is reserved")
        return spec

    def to_dict(self) -> dict[str, Any]:
        """Config echo for operators, with credentials masked."""
        data: dict[str, Any] = {"transport": self.transport, "timeout": self.timeout, "sseReadTimeout": self.sse_read_timeout}
        data.update({"command": self.command, "args": self.args} if self.command else {"url": self.url})
        if self.bearer_token:
            data["bearerToken"] = "***"
        return data


class UpstreamTable(RootModel[dict[str, dict[str, Any]]]):
    """The raw ``mcpServers`` table, as pasted from a desktop client config."""

    def specs(self) -> list[UpstreamSpec]:
        return [UpstreamSpec.from_dict(name, raw) for name, raw in self.root.items()]


@dataclass
class HubConfig:
    name: str = "hubproxy"
    instructions: str | None = None
    transport: Literal["stdio", "sse", "streamable-http"] = "stdio"
    host: str = "127.0.0.1"
    port: int = 8765
    mount_path: str = "/"
    streamable_http_path: str = "/mcp"
    json_response: bool = False
    stateless_http: bool = False
    log_level: LogLevel = "INFO"
    separator: str = "."
    issuer_url: str | None = None
    resource_server_url: str | None = None
    required_scopes: list[str] = field(default_factory=list)
    api_tokens: dict[str, TokenGrant] = field(default_factory=dict)
    allowed_hosts: list[str] = field(default_factory=list)
    upstreams: list[UpstreamSpec] = field(default_factory=list)

    @property
    def auth_enabled(self) -> bool:
        return bool(self.issuer_url) and bool(self.api_tokens)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> HubConfig:
        env = os.environ if environ is None else environ
        flag = lambda key: env.get(key, "").lower() in {"1", "true", "yes", "on"}  # noqa: E731
        split = lambda key: [item.strip() for item in env.get(key, "").split(",") if item.strip()]  # noqa: E731
        document: dict[str, Any] = {}
        if raw := env.get("HUB_UPSTREAMS"):
            document = json.loads(raw)
        elif path := env.get("HUB_UPSTREAMS_FILE"):
            document = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(
            name=env.get("HUB_NAME", "hubproxy"),
            instructions=env.get("HUB_INSTRUCTIONS"),
            transport=cast(Any, env.get("HUB_TRANSPORT", "stdio")),
            host=env.get("HUB_HOST", "127.0.0.1"),
            port=int(env.get("HUB_PORT", "8765")),
            mount_path=env.get("HUB_MOUNT_PATH", "/"),
            streamable_http_path=env.get("HUB_STREAMABLE_HTTP_PATH", "/mcp"),
            json_response=flag("HUB_JSON_RESPONSE"),
            stateless_http=flag("HUB_STATELESS_HTTP"),
            log_level=cast(LogLevel, env.get("HUB_LOG_LEVEL", "INFO").upper()),
            separator=env.get("HUB_SEPARATOR", "."),
            issuer_url=env.get("HUB_ISSUER_URL"),
            resource_server_url=env.get("HUB_RESOURCE_URL"),
            required_scopes=split("HUB_REQUIRED_SCOPES"),
            api_tokens=parse_token_grants(env.get("HUB_API_TOKENS", "")),
            allowed_hosts=split("HUB_ALLOWED_HOSTS"),
            upstreams=UpstreamTable.model_validate(document.get("mcpServers", document)).specs(),
        )

    def describe(self) -> dict[str, Any]:
        servers = {spec.name: spec.to_dict() for spec in self.upstreams}
        return {"name": self.name, "host": self.host, "port": self.port, "mcpServers": servers}
