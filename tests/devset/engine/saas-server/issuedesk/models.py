"""Pydantic models for the IssueDesk REST API payloads.

The REST API speaks camelCase JSON. The entity models expose snake_case
attributes with camelCase aliases; the pagination and error envelopes mirror
the wire format one to one because they are only ever passed through.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel

IssueStatus = Literal["backlog", "todo", "in_progress", "in_review", "done", "cancelled"]
Priority = Literal["urgent", "high", "medium", "low", "none"]

OPEN_STATUSES: frozenset[str] = frozenset({"backlog", "todo", "in_progress", "in_review"})


class _ApiModel(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="ignore")


class User(_ApiModel):
    id: str
    name: str
    email: str
    is_admin: bool = Field(default=False, alias="isAdmin")


class Project(_ApiModel):
    key: str
    name: str
    description: str = ""
    lead_id: str | None = Field(default=None, alias="leadId")
    issue_count: int = Field(default=0, alias="issueCount")
    archived: bool = False


class Issue(_ApiModel):
    key: str
    project_key: str = Field(alias="projectKey")
    title: str
    description: str = ""
    status: IssueStatus = "backlog"
    priority: Priority = "none"
    labels: list[str] = Field(default_factory=list)
    assignee_id: str | None = Field(default=None, alias="assigneeId")
    created_at: datetime = Field(alias="createdAt")
    updated_at: datetime = Field(alias="updatedAt")

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def to_wire(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)


class Comment(_ApiModel):
    id: str
    issue_key: str = Field(alias="issueKey")
    author_id: str = Field(alias="authorId")
    body: str
    created_at: datetime = Field(alias="createdAt")


class IssuePage(BaseModel):
    """One page of ``GET /v1/issues``."""

    items: list[Issue]
    nextCursor: str | None = None
    totalCount: int = 0

    @property
    def has_more(self) -> bool:
        return self.nextCursor is not None


class ProjectPage(BaseModel):
    items: list[Project]
    nextCursor: str | None = None


class ErrorDetail(BaseModel):
    code: str
    message: str
    field: str | None = None


class ErrorEnvelope(BaseModel):
    """Body of every non-2xx response."""

    isError: bool = True
    error: ErrorDetail
    requestId: str | None = None


class IssueList(RootModel[list[Issue]]):
    """Bulk export payload: a bare JSON array of issues."""

    def by_status(self) -> dict[str, list[Issue]]:
        grouped: dict[str, list[Issue]] = {}
        for issue in self.root:
            grouped.setdefault(issue.status, []).append(issue)
        return grouped

    def keys(self) -> list[str]:
        return [issue.key for issue in self.root]


class LabelSet(RootModel[list[str]]):
    def normalized(self) -> list[str]:
        seen: dict[str, None] = {}
        for label in self.root:
            cleaned = label.strip().lower()
            if cleaned:
                seen.setdefault(cleaned, None)
        return list(seen)


class NewIssue(BaseModel):
    """Request body for ``POST /v1/issues``."""

    model_config = ConfigDict(populate_by_name=True)

    project_key: str = Field(alias="projectKey")
    title: str
    description: str = ""
    priority: Priority = "none"
    labels: list[str] = Field(default_factory=list)
    assignee_id: str | None = Field(default=None, alias="assigneeId")
