"""Portal configuration, in the spirit of a Django ``settings.py``.

Values come from the environment (``KB_*``) with defaults that suit local development.
``PortalSettings`` is a pydantic-settings model so that ``.env`` files work the same way
they do for the MCP server's own settings.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

BASE_DIR = Path(__file__).resolve().parent.parent


class PortalSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KB_", env_file=BASE_DIR / ".env", extra="ignore")

    debug: bool = False
    secret_key: str = "dev-insecure-key"
    allowed_hosts: list[str] = Field(default_factory=lambda: ["localhost", "127.0.0.1", "kb.internal.example"])
    cors_origins: list[str] = Field(default_factory=lambda: ["https://kb.internal.example"])

    # Where the MCP app lives inside the portal.
    mcp_prefix: str = "/kb/mcp"
    mcp_legacy_sse_prefix: str = "/kb/legacy"
    mcp_stateless: bool = True
    mcp_json_response: bool = True

    # OAuth resource-server configuration for the MCP endpoint.
    oauth_issuer: str = "https://sso.internal.example"
    oauth_resource: str = "https://kb.internal.example/kb/mcp"
    oauth_introspection_url: str = "https://sso.internal.example/oauth2/introspect"
    required_scopes: list[str] = Field(default_factory=lambda: ["kb.read"])

    articles_dir: Path = BASE_DIR / "articles"
    bind_host: str = "127.0.0.1"
    bind_port: int = 8040


@lru_cache(maxsize=1)
def get_settings() -> PortalSettings:
    return PortalSettings()


INSTALLED_APPS = [
    "kb_portal.articles",
    "kb_portal.mcp_server",
]
