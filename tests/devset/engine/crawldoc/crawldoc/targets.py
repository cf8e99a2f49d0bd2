"""Crawl target configuration."""

from __future__ import annotations

import tomllib
from datetime import timedelta
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field


class Target(BaseModel):
    name: str
    kind: Literal["stdio", "sse", "http"]
    # stdio
    command: str | None = None
    args: list[str] = Field(default_factory=list)
    env: dict[str, str] | None = None
    cwd: Path | None = None
    # sse / http
    url: str | None = None
    headers: dict[str, str] = Field(default_factory=dict)
    connect_timeout: timedelta = timedelta(seconds=30)
    stream_timeout: timedelta = timedelta(minutes=5)
    # session
    request_timeout: timedelta = timedelta(seconds=45)
    max_attempts: int = 3
    answers: dict[str, Any] = Field(default_factory=dict)

    def describe(self) -> str:
        if self.kind == "stdio":
            return f"{self.name} (stdio: {self.command} {' '.join(self.args)})"
        return f"{self.name} ({self.kind}: {self.url})"


def load_targets(path: Path) -> list[Target]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    targets = [Target.model_validate(item) for item in data.get("target", [])]
    for target in targets:
        if target.kind == "stdio" and not target.command:
            raise ValueError(f"target {target.name!r}: stdio targets need a command")
        if target.kind != "stdio" and not target.url:
            raise ValueError(f"target {target.name!r}: {target.kind} targets need a url")
    return targets
