"""Deployment settings, read from ``gatehouse.json`` (camelCase keys) or ``GATEHOUSE_*`` variables."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import RootModel, field_validator

_TRUTHY = {"1", "true", "yes", "on"}


class ScopeSet(RootModel[list[str]]):
    """Ordered, de-duplicated list of OAuth scopes."""

    @field_validator("root", mode="before")
    @classmethod
    def _split(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = value.split()
        if isinstance(value, list):
            seen: list[str] = []
            for item in value:
                if item and item not in seen:
                    seen.append(str(item))
            return seen
        return value

    def covers(self, granted: list[str]) -> bool:
        return all(scope in granted for scope in self.root)

    def as_header(self) -> str:
        return " ".join(self.root)


@dataclass
class DeploymentSettings:
    name: str = "gatehouse"
    host: str = "127.0.0.1"
    port: int = 8765
    streamable_http_path: str = "/mcp"
    json_response: bool = True
    stateless_http: bool = True
    issuer_url: str = "https://auth.gatehouse.test"
    resource_server_url: str | None = None
    required_scopes: ScopeSet = field(default_factory=lambda: ScopeSet(["mcp:read"]))
    token_secret: str = "change-me-in-production-please"
    token_ttl: int = 900
    log_level: str = "INFO"

    @property
    def public_url(self) -> str:
        return f"http://{self.host}:{self.port}{self.streamable_http_path}"

    @property
    def resource(self) -> str:
        return self.resource_server_url or self.public_url

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> DeploymentSettings:
        aliases = {
            "serverName": "name",
            "streamableHttpPath": "streamable_http_path",
            "jsonResponse": "json_response",
            "statelessHttp": "stateless_http",
            "issuerUrl": "issuer_url",
            "resourceServerUrl": "resource_server_url",
            "requiredScopes": "required_scopes",
            "tokenSecret": "token_secret",
            "tokenTtl": "token_ttl",
            "logLevel": "log_level",
        }
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            target = aliases.get(key, key)
            if target not in cls.__dataclass_fields__:
                continue
            kwargs[target] = value
        if "required_scopes" in kwargs:
            kwargs["required_scopes"] = ScopeSet.model_validate(kwargs["required_scopes"])
        if "port" in kwargs:
            kwargs["port"] = int(kwargs["port"])
        return cls(**kwargs)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> DeploymentSettings:
        env = os.environ if environ is None else environ
        names = {"HOST": "host", "PORT": "port", "ISSUER": "issuer_url", "RESOURCE": "resourceServerUrl",
                 "SCOPES": "requiredScopes", "SECRET": "tokenSecret"}
        data: dict[str, Any] = {key: env[f"GATEHOUSE_{var}"] for var, key in names.items() if f"GATEHOUSE_{var}" in env}
        if "GATEHOUSE_STATELESS" in env:
            data["statelessHttp"] = env["GATEHOUSE_STATELESS"].lower() in _TRUTHY
        return cls.from_mapping(data)

    def to_manifest(self) -> dict[str, Any]:
        return {
            "serverName": self.name,
            "host": self.host,
            "port": self.port,
            "streamableHttpPath": self.streamable_http_path,
            "jsonResponse": self.json_response,
            "statelessHttp": self.stateless_http,
            "issuerUrl": self.issuer_url,
            "resourceServerUrl": self.resource,
            "requiredScopes": self.required_scopes.root,
        }
