"""Runtime configuration, read from ``FORMFLOW_*`` environment variables."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Transport = Literal["stdio", "sse", "streamable-http"]
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]

_LEVELS: dict[str, LogLevel] = {"DEBUG": "DEBUG", "INFO": "INFO", "WARNING": "WARNING", "ERROR": "ERROR", "CRITICAL": "CRITICAL"}
_TRANSPORTS: dict[str, Transport] = {"stdio": "stdio", "sse": "sse", "streamable-http": "streamable-http"}


@dataclass(frozen=True)
class ServerSettings:
    host: str = "127.0.0.1"
    port: int = 8765
    transport: Transport = "stdio"
    mount_path: str = "/"
    sse_path: str = "/sse"
    streamable_http_path: str = "/mcp"
    json_response: bool = False
    stateless_http: bool = False
    log_level: LogLevel = "WARNING"
    allowed_origins: tuple[str, ...] = ()

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> ServerSettings:
        env = os.environ if env is None else env
        try:
            transport = _TRANSPORTS[env.get("FORMFLOW_TRANSPORT", "stdio")]
            level = _LEVELS[env.get("FORMFLOW_LOG_LEVEL", "WARNING").upper()]
        except KeyError as exc:
            raise ValueError(f"unsupported setting {exc.args[0]!r}") from None
        origins = env.get("FORMFLOW_ALLOWED_ORIGINS", "")
        return cls(
            host=env.get("FORMFLOW_HOST", cls.host),
            port=int(env.get("FORMFLOW_PORT", cls.port)),
            transport=transport,
            mount_path=env.get("FORMFLOW_MOUNT_PATH", cls.mount_path),
            streamable_http_path=env.get("FORMFLOW_HTTP_PATH", cls.streamable_http_path),
            json_response=env.get("FORMFLOW_JSON_RESPONSE", "").lower() in ("1", "true", "yes"),
            stateless_http=env.get("FORMFLOW_STATELESS", "").lower() in ("1", "true", "yes"),
            log_level=level,
            allowed_origins=tuple(o.strip() for o in origins.split(",") if o.strip()),
        )

    @property
    def public_host(self) -> bool:
        return self.host not in ("127.0.0.1", "localhost", "::1")

    def base_url(self) -> str:
        path = self.sse_path if self.transport == "sse" else self.streamable_http_path
        return f"http://{self.host}:{self.port}{self.mount_path.rstrip('/')}{path}"
