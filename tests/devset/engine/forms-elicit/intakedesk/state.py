"""Shared desk state, created once per server run by the lifespan hook."""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from mcp.server.session import ServerSession
from mcp.types import LoggingLevel

from intakedesk.config import DeskSettings
from intakedesk.forms import FormCatalog, default_catalog

if TYPE_CHECKING:
    from mcp.server.fastmcp import FastMCP

log = logging.getLogger("intakedesk.state")

LEVEL_ORDER: list[LoggingLevel] = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"]


@dataclass
class Submission:
    submission_id: str
    form_id: str
    answers: dict[str, Any]
    status: str = "received"
    patient: str | None = None
    created_at: float = field(default_factory=time.time)
    notes: list[str] = field(default_factory=list)

    def as_record(self) -> dict[str, Any]:
        return {
            "submissionId": self.submission_id,
            "formId": self.form_id,
            "status": self.status,
            "patient": self.patient,
            "answers": self.answers,
            "notes": list(self.notes),
        }


@dataclass
class IntakeState:
    settings: DeskSettings
    catalog: FormCatalog
    submissions: dict[str, Submission] = field(default_factory=dict)
    drafts: dict[str, dict[str, Any]] = field(default_factory=dict)
    consents: list[str] = field(default_factory=list)
    subscribers: dict[str, set[ServerSession]] = field(default_factory=dict)
    kiosk_labels: WeakKeyDictionary[ServerSession, str] = field(default_factory=WeakKeyDictionary)
    min_level: LoggingLevel = "info"
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def new_submission(self, form_id: str, answers: dict[str, Any], patient: str | None = None) -> Submission:
        sub = Submission(f"s{next(self._ids):04d}", form_id, answers, patient=patient)
        self.submissions[sub.submission_id] = sub
        return sub

    def waiting(self) -> list[Submission]:
        return [s for s in self.submissions.values() if s.status in ("received", "confirmed")]

    def wants(self, level: LoggingLevel) -> bool:
        return LEVEL_ORDER.index(level) >= LEVEL_ORDER.index(self.min_level)

    def label_for(self, session: ServerSession) -> str:
        label = self.kiosk_labels.get(session)
        if label is None:
            label = f"kiosk-{len(self.kiosk_labels) + 1}"
            self.kiosk_labels[session] = label
        return label


@asynccontextmanager
async def intake_lifespan(server: FastMCP[IntakeState]) -> AsyncIterator[IntakeState]:
    settings = DeskSettings.from_env()
    state = IntakeState(settings=settings, catalog=default_catalog())
    log.info("desk %s opened with %d forms", server.name, len(state.catalog.root))
    try:
        yield state
    finally:
        log.info("desk closing; %d submissions this run", len(state.submissions))
        state.subscribers.clear()
