from datetime import timedelta

import anyio
import pytest

from worker import JobRegistry, JobState

pytestmark = pytest.mark.anyio


async def test_job_runs_to_completion():
    registry = JobRegistry(step_delay=timedelta(0))
    seen: list[int] = []

    async def on_step(job):
        seen.append(job.completed)

    job = await registry.run(registry.create("crunch", 3), on_step)
    assert job.state is JobState.DONE
    assert seen == [1, 2, 3]
    assert job.fraction == 1.0


async def test_cancel_running_job():
    registry = JobRegistry(step_delay=timedelta(milliseconds=20))
    job = registry.create("crunch", 100)

    async def noop(_job):
        pass

    async with anyio.create_task_group() as tg:
        tg.start_soon(registry.run, job, noop)
        await anyio.sleep(0.05)
        assert registry.cancel(job.id)
    assert job.state is JobState.CANCELLED
    assert 0 < job.completed < 100
    assert not registry.cancel(job.id)


async def test_deadline():
    registry = JobRegistry(step_delay=timedelta(milliseconds=20), deadline=timedelta(milliseconds=50))

    async def noop(_job):
        pass

    job = await registry.run(registry.create("crunch", 50), noop)
    assert job.state is JobState.TIMED_OUT


def test_rejects_empty_job():
    with pytest.raises(ValueError):
        JobRegistry().create("crunch", 0)
