"""Deployment configuration, read from the environment / .env file."""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class GatewaySettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="GATEWAY_", env_file=".env", extra="ignore")

    host: str = "0.0.0.0"
    port: int = 8000
    public_url: str = "http://localhost:8000"
    allowed_hosts: list[str] = Field(default_factory=lambda: ["localhost:*", "127.0.0.1:*"])
    debug: bool = False

    auth_issuer: str = "https://auth.example.com"
    introspection_endpoint: str = "https://auth.example.com/introspect"
    required_scope: str = "mcp:tools"

    @property
    def secure_resource_url(self) -> str:
        return self.public_url.rstrip("/") + "/secure/mcp"


@lru_cache
def get_settings() -> GatewaySettings:
    return GatewaySettings()
