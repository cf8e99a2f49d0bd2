"""Environment-driven configuration (TOOLGUARD_* variables)."""

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class GuardSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TOOLGUARD_", env_file=".env", extra="ignore")

    enabled: bool = True
    default_per_minute: int = Field(default=60, ge=1)
    default_ttl: float = 30.0
    audit_size: int = 500
    anonymous_scopes: list[str] = Field(default_factory=list)
    admin_clients: list[str] = Field(default_factory=list)


@lru_cache(maxsize=1)
def get_settings() -> GuardSettings:
    return GuardSettings()
