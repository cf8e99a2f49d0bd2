"""Runtime configuration, read from ``MW_*`` environment variables."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

Transport = Literal["stdio", "sse", "streamable-http"]


class WarehouseSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MW_", env_file=".env", extra="ignore")

    database_path: Path = Field(default=Path("warehouse.db"))
    seed_demo_data: bool = True

    transport: Transport = "stdio"
    host: str = "127.0.0.1"
    port: int = 8765
    stateless: bool = True
    json_response: bool = True

    max_rows: int = Field(default=500, ge=1, le=10_000)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"


@lru_cache(maxsize=1)
def get_settings() -> WarehouseSettings:
    return WarehouseSettings()
