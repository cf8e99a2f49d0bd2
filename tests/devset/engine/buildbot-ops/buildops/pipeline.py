"""In-process model of the CI fleet: pipelines, builds and their steps.

Records use the CI controller's JSON field names (``buildId``, ``nextCursor``,
``isError`` ...) so payloads can be passed through unchanged.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, RootModel

BuildState = Literal["queued", "running", "passed", "failed", "cancelled"]
TERMINAL_STATES: frozenset[str] = frozenset({"passed", "failed", "cancelled"})

Cursor = str
"""Opaque page token handed back to the controller."""


class MatrixCell(BaseModel):
    os: str
    python: str
    allow_failure: bool = False


class BuildMatrix(RootModel[list[MatrixCell]]):
    def labels(self) -> list[str]:
        return [f"{cell.os}/py{cell.python}" for cell in self.root]


@dataclass
class Step:
    name: str
    state: BuildState = "queued"
    log: list[str] = field(default_factory=list)


@dataclass
class Build:
    build_id: str
    pipeline: str
    ref: str
    number: int
    state: BuildState = "queued"
    requested_by: str = "ci"
    steps: list[Step] = field(default_factory=list)

    @property
    def finished(self) -> bool:
        return self.state in TERMINAL_STATES

    @property
    def failed_steps(self) -> list[Step]:
        return [s for s in self.steps if s.state == "failed"]

    def log_lines(self) -> list[str]:
        lines: list[str] = []
        for step in self.steps:
            lines.append(f"==> {step.name} [{step.state}]")
            lines.extend(step.log)
        return lines

    def to_json(self) -> dict[str, Any]:
        return {
            "buildId": self.build_id,
            "pipeline": self.pipeline,
            "ref": self.ref,
            "state": self.state,
            "requestedBy": self.requested_by,
            "isError": self.state == "failed",
            "steps": [{"name": s.name, "state": s.state, "isError": s.state == "failed"} for s in self.steps],
        }


@dataclass
class Pipeline:
    name: str
    default_branch: str = "main"
    steps: tuple[str, ...] = ("checkout", "lint", "test", "package")
    matrix: BuildMatrix = field(default_factory=lambda: BuildMatrix([]))


class UnknownBuild(KeyError):
    def __str__(self) -> str:
        return f"no such build: {self.args[0]}"


class BuildQueue:
    """A tiny build controller: enough state for the assistant to reason about."""

    def __init__(self, pipelines: Iterable[Pipeline] = ()) -> None:
        self.pipelines: dict[str, Pipeline] = {p.name: p for p in pipelines}
        self.builds: dict[str, Build] = {}
        self._numbers: dict[str, itertools.count[int]] = {}

    def clear(self) -> None:
        self.builds.clear()
        self._numbers.clear()

    def enqueue(self, pipeline: str, ref: str | None = None, requested_by: str = "ci") -> Build:
        if (spec := self.pipelines.get(pipeline)) is None:
            raise ValueError(f"unknown pipeline {pipeline!r}")
        number = next(self._numbers.setdefault(pipeline, itertools.count(1)))
        build = Build(
            build_id=f"{pipeline}-{number}",
            pipeline=pipeline,
            ref=ref or spec.default_branch,
            number=number,
            requested_by=requested_by,
            steps=[Step(name) for name in spec.steps],
        )
        self.builds[build.build_id] = build
        return build

    def get(self, build_id: str) -> Build:
        try:
            return self.builds[build_id]
        except KeyError:
            raise UnknownBuild(build_id) from None

    def advance(self, build_id: str, *, fail_step: str | None = None) -> Step | None:
        """Run the next queued step; returns it, or None once the build is finished."""
        build = self.get(build_id)
        step = next((s for s in build.steps if s.state == "queued"), None)
        if build.finished or step is None:
            return None
        failed = step.name == fail_step
        step.state = "failed" if failed else "passed"
        step.log.append(f"{step.name}: exit status 1" if failed else f"{step.name}: ok")
        if failed:
            build.state = "failed"
        elif all(s.state == "passed" for s in build.steps):
            build.state = "passed"
        else:
            build.state = "running"
        return step

    def cancel(self, build_id: str) -> Build:
        build = self.get(build_id)
        build.state = "cancelled"
        for step in build.steps:
            if step.state == "queued":
                step.state = "cancelled"
        return build

    def page(self, *, pipeline: str | None = None, state: str | None = None, cursor: Cursor | None = None,
             limit: int = 20) -> dict[str, Any]:
        """One page of builds, newest first, in the controller's wire shape."""
        matching = [
            b
            for b in sorted(self.builds.values(), key=lambda b: b.number, reverse=True)
            if (pipeline is None or b.pipeline == pipeline) and (state is None or b.state == state)
        ]
        start = int(cursor.removeprefix("off:")) if cursor else 0
        end = min(start + limit, len(matching))
        return {
            "builds": [b.to_json() for b in matching[start:end]],
            "total": len(matching),
            "nextCursor": f"off:{end}" if end < len(matching) else None,
        }

    def stats(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for build in self.builds.values():
            counts[build.state] = counts.get(build.state, 0) + 1
        return counts


def default_pipelines() -> list[Pipeline]:
    py311, py312 = MatrixCell(os="linux", python="3.11"), MatrixCell(os="linux", python="3.12")
    return [
        Pipeline("api-gateway", matrix=BuildMatrix([py311, py312])),
        Pipeline(
            "billing",
            default_branch="trunk",
            steps=("checkout", "lint", "test", "migrations", "package"),
            matrix=BuildMatrix([py311]),
        ),
        Pipeline(
            "web-frontend",
            steps=("checkout", "install", "test", "bundle"),
            matrix=BuildMatrix([py312, MatrixCell(os="macos", python="3.12", allow_failure=True)]),
        ),
    ]
