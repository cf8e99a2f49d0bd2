"""Server definitions, loaded from a Claude-Desktop-like JSON file."""

from __future__ import annotations

import json
import os
from datetime import timedelta
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from mcp import StdioServerParameters


class ServerConfig(BaseModel):
    transport: Literal["stdio", "sse", "http"] = "stdio"
    command: str | None = None
    args: list[str] = Field(default_factory=list)
    env: dict[str, str] | None = None
    cwd: str | None = None
    url: str | None = None
    headers: dict[str, str] = Field(default_factory=dict)
    timeout: float = 30
    read_timeout: float = 300

    def stdio_parameters(self) -> StdioServerParameters:
        if not self.command:
            raise ValueError("stdio servers need a 'command'")
        env = {**os.environ, **self.env} if self.env else None
        return StdioServerParameters(command=self.command, args=self.args, env=env, cwd=self.cwd)

    def expanded_headers(self) -> dict[str, str]:
        return {k: os.path.expandvars(v) for k, v in self.headers.items()}

    @property
    def timeout_delta(self) -> timedelta:
        return timedelta(seconds=self.timeout)

    @property
    def read_timeout_delta(self) -> timedelta:
        return timedelta(seconds=self.read_timeout)


class InspectorConfig(BaseModel):
    servers: dict[str, ServerConfig]
    roots: list[str] = Field(default_factory=list)

    @classmethod
    def load(cls, path: str | Path) -> InspectorConfig:
        return cls.model_validate(json.loads(Path(path).read_text()))

    def server(self, name: str) -> ServerConfig:
        try:
            return self.servers[name]
        except KeyError:
            raise SystemExit(f"unknown server {name!r}; known: {', '.join(sorted(self.servers))}") from None
