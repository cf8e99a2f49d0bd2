"""Suite definitions. A suite is a JSON file listing servers and the cases to run on each."""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class ServerTarget:
    name: str
    command: str
    args: tuple[str, ...] = ()
    env: dict[str, str] | None = None
    cwd: str | None = None

    @classmethod
    def parse(cls, name: str, raw: str | dict[str, Any]) -> ServerTarget:
        if isinstance(raw, str):
            cmd, *args = shlex.split(raw)
            return cls(name=name, command=cmd, args=tuple(args))
        return cls(
            name=name,
            command=raw["command"],
            args=tuple(raw.get("args", ())),
            env=raw.get("env"),
            cwd=raw.get("cwd"),
        )


@dataclass
class Case:
    id: str
    tool: str
    arguments: dict[str, Any] = field(default_factory=dict)
    expect_error: bool = False
    expect_text: str | None = None
    expect_keys: list[str] = field(default_factory=list)
    timeout_s: float = 20.0
    servers: list[str] | None = None  # None: every server that lists the tool

    def applies_to(self, server: str) -> bool:
        return self.servers is None or server in self.servers


@dataclass
class CompletionProbe:
    ref_kind: str  # "prompt" or "resource"
    ref: str
    argument: str
    prefix: str = ""


@dataclass
class Suite:
    name: str
    targets: list[ServerTarget]
    cases: list[Case]
    probes: list[CompletionProbe] = field(default_factory=list)
    concurrency: int = 4
    log_level: str = "info"

    @classmethod
    def load(cls, path: Path) -> Suite:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            name=raw.get("name", path.stem),
            targets=[ServerTarget.parse(n, spec) for n, spec in raw["servers"].items()],
            cases=[Case(**c) for c in raw.get("cases", [])],
            probes=[CompletionProbe(**p) for p in raw.get("completions", [])],
            concurrency=int(raw.get("concurrency", 4)),
            log_level=raw.get("log_level", "info"),
        )
