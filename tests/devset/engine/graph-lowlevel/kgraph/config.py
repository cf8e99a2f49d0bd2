"""Runtime settings for the knowledge-graph service.

Values come from ``KGRAPH_*`` environment variables, then command line flags
(see ``kgraph.transport.main``).  The transport module reads ``host``/``port``/
``json_response`` and friends and hands them to the HTTP machinery.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any


def _flag(raw: str | None, default: bool) -> bool:
    return default if raw is None else raw.strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8765
    streamable_http_path: str = "/mcp"
    json_response: bool = False
    stateless_http: bool = False
    transport: str = "stdio"
    log_level: str = "INFO"
    page_size: int = 25
    allowed_hosts: list[str] = field(default_factory=lambda: ["127.0.0.1:*", "localhost:*"])
    seed_file: str | None = None

    def __post_init__(self) -> None:
        if self.transport not in ("stdio", "http"):
            raise ValueError(f"unknown transport {self.transport!r}")
        if self.page_size < 1:
            raise ValueError("page_size must be positive")

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> Settings:
        hosts = env.get("KGRAPH_ALLOWED_HOSTS")
        return cls(
            host=env.get("KGRAPH_HOST", cls.host),
            port=int(env.get("KGRAPH_PORT", cls.port)),
            json_response=_flag(env.get("KGRAPH_JSON_RESPONSE"), cls.json_response),
            stateless_http=_flag(env.get("KGRAPH_STATELESS"), cls.stateless_http),
            transport=env.get("KGRAPH_TRANSPORT", cls.transport),
            log_level=env.get("KGRAPH_LOG_LEVEL", cls.log_level).upper(),
            allowed_hosts=[h.strip() for h in hosts.split(",")] if hosts else ["127.0.0.1:*", "localhost:*"],
            seed_file=env.get("KGRAPH_SEED_FILE") or None,
        )

    def with_overrides(self, **changes: Any) -> Settings:
        return replace(self, **{key: value for key, value in changes.items() if value is not None})

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}{self.streamable_http_path}"

    def describe(self) -> dict[str, Any]:
        return {
            "transport": self.transport,
            "host": self.host,
            "port": self.port,
            "jsonResponse": self.json_response,
            "stateless": self.stateless_http,
            "logLevel": self.log_level,
        }
