from __future__ import annotations

import enum
import itertools
from dataclasses import dataclass, field
from datetime import timedelta

import anyio


class JobState(str, enum.Enum):
    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"
    CANCELLED = "cancelled"
    TIMED_OUT = "timed_out"


@dataclass
class Job:
    id: int
    kind: str
    steps: int
    state: JobState = JobState.PENDING
    completed: int = 0
    scope: anyio.CancelScope | None = field(default=None, repr=False)

    @property
    def fraction(self) -> float:
        return self.completed / self.steps if self.steps else 1.0


class JobRegistry:
    def __init__(self, step_delay: timedelta = timedelta(milliseconds=50), deadline: timedelta = timedelta(minutes=5)):
        self.step_delay = step_delay
        self.deadline = deadline
        self._ids = itertools.count(1)
        self.jobs: dict[int, Job] = {}

    def create(self, kind: str, steps: int) -> Job:
        if steps <= 0:
            raise ValueError("steps must be positive")
        job = Job(id=next(self._ids), kind=kind, steps=steps)
        self.jobs[job.id] = job
        return job

    def cancel(self, job_id: int) -> bool:
        job = self.jobs.get(job_id)
        if job is None or job.scope is None or job.state is not JobState.RUNNING:
            return False
        job.scope.cancel()
        return True

    async def run(self, job: Job, on_step) -> Job:
        """Run ``job`` step by step, awaiting ``on_step(job)`` after each one."""
        job.state = JobState.RUNNING
        with anyio.move_on_after(self.deadline.total_seconds()) as deadline_scope:
            with anyio.CancelScope() as scope:
                job.scope = scope
                for _ in range(job.steps):
                    await anyio.sleep(self.step_delay.total_seconds())
                    job.completed += 1
                    await on_step(job)
            job.scope = None
            if scope.cancelled_caught:
                job.state = JobState.CANCELLED
                return job
        if deadline_scope.cancelled_caught:
            job.state = JobState.TIMED_OUT
        else:
            job.state = JobState.DONE
        return job
