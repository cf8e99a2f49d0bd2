"""Parse target strings given on the command line."""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["stdio", "http", "sse"]


@dataclass(frozen=True)
class Target:
    kind: Kind
    command: str | None = None
    args: tuple[str, ...] = ()
    url: str | None = None
    headers: dict[str, str] = field(default_factory=dict, hash=False)

    @property
    def label(self) -> str:
        if self.kind == "stdio":
            return " ".join([self.command or "", *self.args]).strip()
        return f"{self.kind}:{self.url}"


def parse_header(raw: str) -> tuple[str, str]:
    name, sep, value = raw.partition(":")
    if not sep or not name.strip():
        raise ValueError(f"bad header {raw!r}, expected 'Name: value'")
    return name.strip(), value.strip()


def parse_target(spec: str, headers: list[str] | None = None) -> Target:
    hdrs = dict(parse_header(h) for h in headers or [])
    if spec.startswith("stdio:"):
        argv = shlex.split(spec[len("stdio:") :])
        if not argv:
            raise ValueError("stdio target needs a command")
        return Target("stdio", command=argv[0], args=tuple(argv[1:]))
    if spec.startswith("sse+"):
        return Target("sse", url=spec[len("sse+") :], headers=hdrs)
    if spec.startswith(("http://", "https://")):
        return Target("http", url=spec, headers=hdrs)
    # bare command line, as people paste it from their client config
    argv = shlex.split(spec)
    return Target("stdio", command=argv[0], args=tuple(argv[1:]))
