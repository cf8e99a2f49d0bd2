"""In-memory state shared by every request of one server session (the lifespan context)."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from formflow.exports import SubmissionBatch, SubmissionRecord
from formflow.forms import FORM_TEMPLATES, WizardStatus


@dataclass
class WizardRun:
    wizard_id: str
    form_id: str
    requested_by: str
    client_id: str | None = None
    status: WizardStatus = "in_progress"
    current_step: str | None = None
    answers: dict[str, dict[str, Any]] = field(default_factory=dict)
    started_at: float = 0.0
    finished_at: float | None = None


@dataclass
class FormflowState:
    runs: dict[str, WizardRun] = field(default_factory=dict)
    submissions: dict[str, SubmissionRecord] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    log_level: str = "info"
    clock: Callable[[], float] = time.monotonic
    _counter: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    @classmethod
    def seeded(cls) -> FormflowState:
        state = cls(titles={form_id: t["title"] for form_id, t in FORM_TEMPLATES.items()})
        state.submissions["sub-0001"] = SubmissionRecord(
            submissionId="sub-0001",
            formId="feedback",
            answers={"rating": {"score": 4, "would_recommend": True}},
            clientId="seed",
        )
        return state

    def start_run(self, form_id: str, requested_by: str, client_id: str | None) -> WizardRun:
        if form_id not in FORM_TEMPLATES:
            raise KeyError(f"unknown form {form_id!r}")
        wizard_id = f"wiz-{next(self._counter):04d}"
        run = WizardRun(
            wizard_id=wizard_id,
            form_id=form_id,
            requested_by=requested_by,
            client_id=client_id,
            started_at=self.clock(),
        )
        self.runs[wizard_id] = run
        return run

    def finish_run(self, run: WizardRun, status: WizardStatus) -> SubmissionRecord | None:
        run.status = status
        run.current_step = None
        run.finished_at = self.clock()
        if status != "completed":
            return None
        submission_id = f"sub-{len(self.submissions) + 1:04d}"
        record = SubmissionRecord(
            submissionId=submission_id,
            formId=run.form_id,
            answers=dict(run.answers),
            clientId=run.client_id,
        )
        self.submissions[submission_id] = record
        return record

    def batch(self) -> SubmissionBatch:
        return SubmissionBatch(list(self.submissions.values()))
