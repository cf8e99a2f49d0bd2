"""Workflow engine. No MCP imports: the scheduler and CLI use it directly."""

from __future__ import annotations

import hashlib
import time
import uuid
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

import anyio


class RunStatus(str, Enum):
    PENDING = "pending"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"


class StepFailed(RuntimeError):
    pass


@dataclass(frozen=True)
class StepSpec:
    name: str
    action: str
    params: dict[str, Any] = field(default_factory=lambda: {})
    retries: int = 0
    needs_approval: bool = False


@dataclass(frozen=True)
class WorkflowSpec:
    name: str
    description: str
    steps: tuple[StepSpec, ...]
    tags: frozenset[str] = frozenset()


@dataclass
class StepRun:
    spec: StepSpec
    status: RunStatus = RunStatus.PENDING
    attempts: int = 0
    output: str = ""


@dataclass
class Run:
    id: str
    workflow: WorkflowSpec
    params: dict[str, str]
    steps: list[StepRun]
    status: RunStatus = RunStatus.PENDING
    started_at: float | None = None
    finished_at: float | None = None
    log: list[str] = field(default_factory=lambda: [])

    def to_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.id,
            "workflow": self.workflow.name,
            "status": self.status.value,
            "steps": [{"name": s.spec.name, "status": s.status.value, "attempts": s.attempts} for s in self.steps],
        }

    def artifact(self) -> bytes:
        return hashlib.sha256("\n".join(self.log).encode()).digest()


Action = Callable[[StepSpec, Run], Awaitable[str]]
StepHook = Callable[[int, int, StepRun], Awaitable[None]]


async def _echo(step: StepSpec, run: Run) -> str:
    return str(step.params.get("message", "")).format(**run.params)


async def _sleep(step: StepSpec, run: Run) -> str:
    await anyio.sleep(float(step.params.get("seconds", 0)))
    return "slept"


async def _fail(step: StepSpec, run: Run) -> str:
    raise StepFailed(str(step.params.get("reason", "step failed")))


async def _checksum(step: StepSpec, run: Run) -> str:
    return hashlib.sha256(str(step.params.get("text", "")).format(**run.params).encode()).hexdigest()[:12]


BUILTIN_ACTIONS: dict[str, Action] = {"echo": _echo, "sleep": _sleep, "fail": _fail, "checksum": _checksum}


class Engine:
    def __init__(self, workflows: Iterable[WorkflowSpec], actions: dict[str, Action] | None = None) -> None:
        self.workflows = {w.name: w for w in workflows}
        self.actions = {**BUILTIN_ACTIONS, **(actions or {})}
        self.runs: dict[str, Run] = {}

    def start(self, name: str, params: dict[str, str] | None = None) -> Run:
        spec = self.workflows[name]
        run = Run(f"run-{uuid.uuid4().hex[:8]}", spec, dict(params or {}), [StepRun(s) for s in spec.steps])
        self.runs[run.id] = run
        return run

    async def execute(self, run: Run, on_step: StepHook | None = None) -> Run:
        run.status = RunStatus.RUNNING
        run.started_at = time.time()
        total = len(run.steps)
        for index, step in enumerate(run.steps):
            if run.status is RunStatus.CANCELLED:
                break
            step.status = RunStatus.RUNNING
            action = self.actions[step.spec.action]
            while True:
                step.attempts += 1
                try:
                    step.output = await action(step.spec, run)
                except StepFailed as exc:
                    run.log.append(f"{step.spec.name}: attempt {step.attempts} failed: {exc}")
                    if step.attempts <= step.spec.retries:
                        continue
                    step.status = RunStatus.FAILED
                    run.status = RunStatus.FAILED
                    break
                step.status = RunStatus.SUCCEEDED
                run.log.append(f"{step.spec.name}: {step.output}")
                break
            if on_step is not None:
                await on_step(index + 1, total, step)
            if run.status is RunStatus.FAILED:
                break
        if run.status is RunStatus.RUNNING:
            run.status = RunStatus.SUCCEEDED
        run.finished_at = time.time()
        return run

    def get_run(self, run_id: str) -> Run:
        return self.runs[run_id]

    def cancel(self, run_id: str) -> Run:
        run = self.runs[run_id]
        if run.status in (RunStatus.PENDING, RunStatus.RUNNING):
            run.status = RunStatus.CANCELLED
            run.log.append("cancelled by user")
        return run

    def history(self, workflow: str | None = None) -> list[Run]:
        return [r for r in self.runs.values() if workflow is None or r.workflow.name == workflow]


def default_workflows() -> list[WorkflowSpec]:
    return [
        WorkflowSpec(
            "nightly-build",
            "Compile, test and package the monorepo",
            (
                StepSpec("checkout", "echo", {"message": "checked out {branch}"}),
                StepSpec("compile", "checksum", {"text": "build {branch}"}),
                StepSpec("package", "echo", {"message": "packaged {branch}"}),
            ),
            frozenset({"ci", "build"}),
        ),
        WorkflowSpec(
            "deploy-service",
            "Roll a service out to an environment",
            (
                StepSpec("plan", "echo", {"message": "plan {service} -> {env}"}),
                StepSpec("approve", "echo", {"message": "approved"}, needs_approval=True),
                StepSpec("rollout", "echo", {"message": "rolled out {service}"}),
            ),
            frozenset({"deploy"}),
        ),
        WorkflowSpec(
            "rotate-keys",
            "Rotate signing keys (flaky HSM step)",
            (
                StepSpec("generate", "checksum", {"text": "key"}),
                StepSpec("upload", "fail", {"reason": "HSM unavailable"}, retries=1),
            ),
            frozenset({"security"}),
        ),
    ]
