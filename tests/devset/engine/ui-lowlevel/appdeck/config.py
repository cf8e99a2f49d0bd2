"""Launch settings for an appdeck app, read from keyword arguments or the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

_TRUE = {"1", "true", "yes", "on"}


def _flag(value: str | None, default: bool) -> bool:
    if value is None:
        return default
    return value.strip().lower() in _TRUE


@dataclass
class ServerSettings:
    host: str = "127.0.0.1"
    port: int = 7860
    root_path: str = ""
    mcp_path: str = "/mcp"
    sse_path: str = "/sse"
    message_path: str = "/messages/"
    json_response: bool = False
    stateless_http: bool = False
    log_level: str = "INFO"
    debug: bool = False
    allowed_hosts: list[str] = field(default_factory=lambda: ["127.0.0.1:*", "localhost:*"])
    allowed_origins: list[str] = field(default_factory=lambda: [])
    page_size: int = 50

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, prefix: str = "APPDECK_", **overrides: Any):
        env = os.environ if environ is None else environ
        settings = cls(
            host=env.get(f"{prefix}HOST", cls.host),
            port=int(env.get(f"{prefix}PORT", str(cls.port))),
            root_path=env.get(f"{prefix}ROOT_PATH", cls.root_path),
            mcp_path=env.get(f"{prefix}MCP_PATH", cls.mcp_path),
            sse_path=env.get(f"{prefix}SSE_PATH", cls.sse_path),
            message_path=env.get(f"{prefix}MESSAGE_PATH", cls.message_path),
            json_response=_flag(env.get(f"{prefix}JSON_RESPONSE"), cls.json_response),
            stateless_http=_flag(env.get(f"{prefix}STATELESS_HTTP"), cls.stateless_http),
            log_level=env.get(f"{prefix}LOG_LEVEL", cls.log_level).upper(),
            debug=_flag(env.get(f"{prefix}DEBUG"), cls.debug),
        )
        hosts = env.get(f"{prefix}ALLOWED_HOSTS")
        if hosts:
            settings.allowed_hosts = [h.strip() for h in hosts.split(",") if h.strip()]
        for key, value in overrides.items():
            if not hasattr(settings, key):
                raise TypeError(f"unknown setting {key!r}")
            setattr(settings, key, value)
        return settings

    @property
    def is_local(self) -> bool:
        return self.host in ("127.0.0.1", "localhost", "::1")

    def url(self, path: str = "") -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}{self.root_path}{path}"

    def to_public_dict(self) -> dict[str, Any]:
        """Settings as shown on the app's ``/config`` page (camelCase, like the JS frontend expects)."""
        data = asdict(self)
        return {
            "host": data["host"],
            "port": data["port"],
            "rootPath": data["root_path"],
            "streamableHttpPath": data["mcp_path"],
            "ssePath": data["sse_path"],
            "messagePath": data["message_path"],
            "jsonResponse": data["json_response"],
            "statelessHttp": data["stateless_http"],
            "logLevel": data["log_level"].lower(),
        }
