"""Live progress bookkeeping fed by MCP progress notifications."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import TextIO

from mcp.shared.session import ProgressFnT


@dataclass
class JobProgress:
    job_id: str
    progress: float = 0.0
    total: float | None = None
    message: str | None = None
    updates: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def fraction(self) -> float | None:
        if not self.total:
            return None
        return min(self.progress / self.total, 1.0)


class ProgressBoard:
    """Keeps the latest progress per job and renders a one-line summary."""

    def __init__(self, stream: TextIO | None = None, *, quiet: bool = False) -> None:
        self.jobs: dict[str, JobProgress] = {}
        self.stream = stream or sys.stderr
        self.quiet = quiet

    def callback_for(self, job_id: str) -> ProgressFnT:
        entry = self.jobs.setdefault(job_id, JobProgress(job_id))

        async def on_progress(progress: float, total: float | None, message: str | None) -> None:
            entry.progress = progress
            entry.total = total
            entry.message = message
            entry.updates += 1
            self.render(entry)

        return on_progress

    def render(self, entry: JobProgress) -> None:
        if self.quiet:
            return
        frac = entry.fraction
        pct = f"{frac * 100:5.1f}%" if frac is not None else f"{entry.progress:g}"
        msg = f" {entry.message}" if entry.message else ""
        self.stream.write(f"\r[{entry.job_id}] {pct}{msg}\x1b[K")
        self.stream.flush()

    def finish(self, job_id: str) -> None:
        self.jobs.pop(job_id, None)
