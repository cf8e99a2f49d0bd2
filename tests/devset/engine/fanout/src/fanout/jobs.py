"""Job and server specifications (pure data, no MCP imports)."""

from __future__ import annotations

import json
import shlex
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError


class Job(BaseModel):
    id: str
    server: str
    tool: str
    arguments: dict[str, Any] = Field(default_factory=dict)
    timeout: float | None = None
    retries: int | None = None
    tags: list[str] = Field(default_factory=list)


class ServerSpec(BaseModel):
    name: str
    kind: Literal["stdio", "http"]
    command: list[str] = Field(default_factory=list)
    url: str | None = None
    headers: dict[str, str] = Field(default_factory=dict)

    @classmethod
    def parse(cls, text: str) -> ServerSpec:
        """``name=stdio:cmd args`` or ``name=http://host/mcp``."""
        name, sep, target = text.partition("=")
        if not sep or not name:
            raise ValueError(f"bad --server value {text!r}; expected NAME=TARGET")
        if target.startswith("stdio:"):
            return cls(name=name, kind="stdio", command=shlex.split(target.removeprefix("stdio:")))
        if target.startswith(("http://", "https://")):
            return cls(name=name, kind="http", url=target)
        raise ValueError(f"{name}: unsupported target {target!r}")


class JobFileError(ValueError):
    def __init__(self, path: str, line: int, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}")
        self.line = line


def iter_jobs(lines: Iterable[str], source: str = "<input>") -> Iterator[Job]:
    seen: set[str] = set()
    for lineno, raw in enumerate(lines, start=1):
        raw = raw.strip()
        if not raw or raw.startswith("#"):
            continue
        try:
            job = Job.model_validate(json.loads(raw))
        except (ValueError, ValidationError) as exc:
            raise JobFileError(source, lineno, str(exc).splitlines()[0]) from exc
        if job.id in seen:
            raise JobFileError(source, lineno, f"duplicate job id {job.id!r}")
        seen.add(job.id)
        yield job


def load_jobs(path: str | Path) -> list[Job]:
    p = Path(path)
    with p.open(encoding="utf-8") as fh:
        return list(iter_jobs(fh, str(p)))
