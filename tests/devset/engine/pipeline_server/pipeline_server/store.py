"""In-process bookkeeping of pipeline runs (the scheduler itself is remote)."""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field
from typing import Literal

RunStatus = Literal["queued", "running", "succeeded", "failed", "cancelled"]

PIPELINES: dict[str, list[str]] = {
    "nightly-etl": ["extract", "validate", "transform", "load"],
    "feature-refresh": ["snapshot", "compute", "publish"],
}


@dataclass
class Run:
    id: str
    pipeline: str
    tenant: str
    status: RunStatus = "queued"
    step: int = 0
    created_at: float = field(default_factory=time.time)
    log: list[str] = field(default_factory=list)

    @property
    def steps(self) -> list[str]:
        return PIPELINES[self.pipeline]

    def as_dict(self) -> dict[str, object]:
        return {"id": self.id, "pipeline": self.pipeline, "status": self.status, "step": self.step}


class RunStore:
    def __init__(self) -> None:
        self._runs: dict[str, Run] = {}
        self._ids = itertools.count(1)

    def create(self, pipeline: str, tenant: str) -> Run:
        if pipeline not in PIPELINES:
            raise KeyError(pipeline)
        run = Run(id=f"r{next(self._ids):05d}", pipeline=pipeline, tenant=tenant)
        self._runs[run.id] = run
        return run

    def get(self, run_id: str) -> Run:
        return self._runs[run_id]

    def list(self, tenant: str | None = None) -> list[Run]:
        runs = sorted(self._runs.values(), key=lambda r: r.created_at, reverse=True)
        return [r for r in runs if tenant is None or r.tenant == tenant]

    def cancel(self, run_id: str) -> Run:
        run = self._runs[run_id]
        if run.status in ("succeeded", "failed"):
            raise ValueError(f"run {run_id} already finished ({run.status})")
        run.status = "cancelled"
        return run
