"""Settings for the data-tools server, overridable from ``DATATOOLS_*`` variables."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

Transport = Literal["stdio", "sse", "streamable-http"]
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]

DEFAULT_DATA_DIR = Path(__file__).resolve().parent / "data"

_LOG_LEVELS: dict[str, LogLevel] = {"DEBUG": "DEBUG", "WARNING": "WARNING", "ERROR": "ERROR", "CRITICAL": "CRITICAL"}
_TRANSPORTS: dict[str, Transport] = {"sse": "sse", "http": "streamable-http", "streamable-http": "streamable-http"}


def _flag(value: str | None, default: bool) -> bool:
    return default if value is None else value.strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class ServerConfig:
    name: str = "data-tools"
    transport: Transport = "stdio"
    host: str = "127.0.0.1"
    port: int = 8765
    mount_path: str = "/"
    sse_path: str = "/sse"
    streamable_http_path: str = "/mcp"
    json_response: bool = False
    stateless_http: bool = False
    log_level: LogLevel = "INFO"
    data_dir: Path = DEFAULT_DATA_DIR
    preview_rows: int = 5
    max_rows: int = 10_000
    allowed_hosts: tuple[str, ...] = ()

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> ServerConfig:
        env = os.environ if environ is None else environ
        base = cls()
        return replace(
            base,
            name=env.get("DATATOOLS_NAME", base.name),
            transport=_TRANSPORTS.get(env.get("DATATOOLS_TRANSPORT", ""), "stdio"),
            host=env.get("DATATOOLS_HOST", base.host),
            port=int(env.get("DATATOOLS_PORT", base.port)),
            streamable_http_path=env.get("DATATOOLS_HTTP_PATH", base.streamable_http_path),
            json_response=_flag(env.get("DATATOOLS_JSON_RESPONSE"), base.json_response),
            stateless_http=_flag(env.get("DATATOOLS_STATELESS"), base.stateless_http),
            log_level=_LOG_LEVELS.get(env.get("DATATOOLS_LOG_LEVEL", "").upper(), "INFO"),
            data_dir=Path(env.get("DATATOOLS_DATA_DIR", str(base.data_dir))),
            allowed_hosts=tuple(h.strip() for h in env.get("DATATOOLS_ALLOWED_HOSTS", "").split(",") if h.strip()),
        )

    @property
    def is_local(self) -> bool:
        return self.host in ("127.0.0.1", "localhost", "::1")

    def client_config(self) -> dict[str, Any]:
        """Snippet for a desktop client's ``mcpServers`` section."""
        if self.transport == "stdio":
            entry: dict[str, Any] = {"command": "python", "args": ["-m", "datatools"], "env": {}}
        else:
            path = self.sse_path if self.transport == "sse" else self.streamable_http_path
            entry = {"url": f"http://{self.host}:{self.port}{path}", "transport": self.transport}
        return {"mcpServers": {self.name: entry}}
