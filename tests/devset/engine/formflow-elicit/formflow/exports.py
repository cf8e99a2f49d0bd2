"""Submission records and the paginated JSON export read by the admin dashboard."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, RootModel

PAGE_SIZE = 20


class SubmissionRecord(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    submission_id: str = Field(alias="submissionId")
    form_id: str = Field(alias="formId")
    status: str = "completed"
    answers: dict[str, Any] = Field(default_factory=dict)
    client_id: str | None = Field(default=None, alias="clientId")
    created_at: datetime = Field(default_factory=lambda: datetime.now(timezone.utc), alias="createdAt")

    def flat_answers(self) -> dict[str, Any]:
        return {f"{step}.{key}": value for step, values in self.answers.items() for key, value in values.items()}


class SubmissionBatch(RootModel[list[SubmissionRecord]]):
    def by_form(self, form_id: str) -> list[SubmissionRecord]:
        return [record for record in self.root if record.form_id == form_id]

    def ids(self) -> list[str]:
        return [record.submission_id for record in self.root]


def page(batch: SubmissionBatch, cursor: str | None = None, page_size: int = PAGE_SIZE) -> dict[str, Any]:
    """One dashboard page: ``{"items": [...], "nextCursor": ...}``; cursors are plain offsets."""
    if cursor is not None and not cursor.isdigit():
        raise ValueError(f"malformed cursor {cursor!r}")
    start = int(cursor or 0)
    items = batch.root[start : start + page_size]
    end = start + len(items)
    return {
        "items": [item.model_dump(mode="json", by_alias=True) for item in items],
        "nextCursor": str(end) if end < len(batch.root) else None,
        "total": len(batch.root),
    }


def export_document(records: Sequence[SubmissionRecord]) -> dict[str, Any]:
    batch = SubmissionBatch(list(records))
    return {
        "mimeType": "application/json",
        "isError": False,
        "structuredContent": {"count": len(batch.root), "forms": sorted({r.form_id for r in batch.root})},
        "text": batch.model_dump_json(by_alias=True),
    }


def load_batch(text: str) -> SubmissionBatch:
    data = json.loads(text)
    return SubmissionBatch.model_validate(data["items"] if isinstance(data, dict) else data)
