from __future__ import annotations

import anyio

from orchestra.engine import Engine, RunStatus, StepRun, default_workflows


def test_engine_runs_retries_and_cancels() -> None:
    engine = Engine(default_workflows())
    seen: list[tuple[int, int, str]] = []

    async def on_step(done: int, total: int, step: StepRun) -> None:
        seen.append((done, total, step.status.value))

    run = engine.start("nightly-build", {"branch": "main"})
    anyio.run(engine.execute, run, on_step)
    assert run.status is RunStatus.SUCCEEDED
    assert run.log[0] == "checkout: checked out main"
    assert seen == [(1, 3, "succeeded"), (2, 3, "succeeded"), (3, 3, "succeeded")]
    assert len(run.artifact()) == 32

    flaky = engine.start("rotate-keys")
    anyio.run(engine.execute, flaky)
    assert flaky.status is RunStatus.FAILED
    assert flaky.steps[1].attempts == 2
    assert flaky.log[-1] == "upload: attempt 2 failed: HSM unavailable"

    pending = engine.start("deploy-service", {"service": "api", "env": "prod"})
    assert engine.cancel(pending.id).status is RunStatus.CANCELLED
    assert {r.id for r in engine.history("rotate-keys")} == {flaky.id}
