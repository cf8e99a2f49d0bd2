"""A small multi-step wizard engine built on top of ``Context.elicit``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from mcp.server.elicitation import (
    AcceptedElicitation,
    CancelledElicitation,
    DeclinedElicitation,
    ElicitationResult,
)
from mcp.server.fastmcp import Context
from mcp.server.session import ServerSession
from pydantic import BaseModel

from formflow.forms import STEPS, ConfirmStep, WizardStatus
from formflow.state import FormflowState, WizardRun

WizardContext = Context[ServerSession, FormflowState]


@dataclass(frozen=True)
class Step:
    key: str
    prompt: str
    schema: type[BaseModel]
    optional: bool = False

    @classmethod
    def named(cls, key: str, *, optional: bool = False) -> Step:
        schema, prompt = STEPS[key]
        return cls(key=key, prompt=prompt, schema=schema, optional=optional)


@dataclass
class WizardOutcome:
    status: WizardStatus
    answers: dict[str, dict[str, Any]]
    stopped_at: str | None = None

    @property
    def steps_completed(self) -> int:
        return len(self.answers)


def describe_result(result: ElicitationResult[Any]) -> str:
    """Human readable one-liner used in log messages."""
    if isinstance(result, AcceptedElicitation):
        return f"accepted ({len(result.data.model_dump())} fields)"
    if isinstance(result, DeclinedElicitation):
        return "declined"
    return "cancelled"


async def run_steps(ctx: WizardContext, run: WizardRun, steps: Sequence[Step]) -> WizardOutcome:
    """Ask each step in order, keeping partial answers on ``run`` as we go."""
    total = len(steps)
    for index, step in enumerate(steps):
        run.current_step = step.key
        await ctx.report_progress(index, total, message=f"{run.form_id}: {step.key}")
        result = await ctx.elicit(message=step.prompt, schema=step.schema)
        await ctx.debug(f"{run.wizard_id} step {step.key}: {describe_result(result)}")
        match result:
            case AcceptedElicitation(data=data):
                run.answers[step.key] = data.model_dump()
            case DeclinedElicitation() if step.optional:
                await ctx.info(f"{run.wizard_id}: skipped optional step {step.key}")
                continue
            case DeclinedElicitation():
                return WizardOutcome(status="declined", answers=run.answers, stopped_at=step.key)
            case CancelledElicitation():
                return WizardOutcome(status="cancelled", answers=run.answers, stopped_at=step.key)
    await ctx.report_progress(total, total, message=f"{run.form_id}: done")
    return WizardOutcome(status="completed", answers=run.answers)


async def confirm(ctx: WizardContext, question: str) -> tuple[bool, str]:
    """Yes/no confirmation; anything but an explicit ``confirm=True`` counts as no."""
    result = await ctx.elicit(message=question, schema=ConfirmStep)
    if isinstance(result, AcceptedElicitation) and result.data.confirm:
        return True, result.data.note
    if isinstance(result, CancelledElicitation):
        await ctx.warning(f"confirmation cancelled: {question}")
    return False, ""
