"""Configuration for ledgerlib and the services built on it.

Nothing in here depends on MCP; the same settings drive the REST exporter and the CLI.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path


@dataclass
class ServerSettings:
    host: str = "127.0.0.1"
    port: int = 8750
    json_response: bool = False
    stateless_http: bool = False
    mount_path: str = "/"
    timeout: timedelta = timedelta(seconds=30)


@dataclass
class LedgerConfig:
    database: Path = Path("ledger.sqlite3")
    base_currency: str = "EUR"
    fiscal_year_start_month: int = 1
    read_only: bool = False
    server: ServerSettings = field(default_factory=ServerSettings)

    @property
    def request_timeout_seconds(self) -> float:
        return self.server.timeout.total_seconds()


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def load_config(env_prefix: str = "LEDGER_") -> LedgerConfig:
    """Build a config from ``LEDGER_*`` environment variables."""
    server = ServerSettings(
        host=os.environ.get(f"{env_prefix}HOST", "127.0.0.1"),
        port=int(os.environ.get(f"{env_prefix}PORT", "8750")),
        json_response=_env_bool(f"{env_prefix}JSON_RESPONSE", False),
        stateless_http=_env_bool(f"{env_prefix}STATELESS", False),
        timeout=timedelta(seconds=float(os.environ.get(f"{env_prefix}TIMEOUT", "30"))),
    )
    return LedgerConfig(
        database=Path(os.environ.get(f"{env_prefix}DB", "ledger.sqlite3")),
        base_currency=os.environ.get(f"{env_prefix}CURRENCY", "EUR"),
        read_only=_env_bool(f"{env_prefix}READ_ONLY", False),
        server=server,
    )
