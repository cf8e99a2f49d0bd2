"""Eval cases. Suite files come from the dashboard, so keys are camelCase (``toolName``, ``isError``...)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, RootModel


class Expectation(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")

    is_error: bool = Field(default=False, alias="isError")
    structured: dict[str, Any] | None = Field(default=None, alias="structuredContent")
    contains_text: list[str] = Field(default_factory=lambda: [], alias="containsText")
    content_types: list[str] = Field(default_factory=lambda: [], alias="contentTypes")
    mime_type: str | None = Field(default=None, alias="mimeType")
    error_code: int | None = Field(default=None, alias="errorCode")
    min_progress_events: int = Field(default=0, alias="minProgressEvents")


class EvalCase(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")

    id: str
    tool: str = Field(alias="toolName")
    arguments: dict[str, Any] = Field(default_factory=lambda: {})
    timeout_seconds: float | None = Field(default=None, alias="timeoutSeconds")
    track_progress: bool = Field(default=False, alias="trackProgress")
    tags: list[str] = Field(default_factory=lambda: [])
    expect: Expectation = Field(default_factory=Expectation)


class CaseSuite(RootModel[list[EvalCase]]):
    def get(self, case_id: str) -> EvalCase:
        return next(c for c in self.root if c.id == case_id)

    def tagged(self, *tags: str) -> CaseSuite:
        return CaseSuite([c for c in self.root if set(tags) & set(c.tags)])

    def to_dashboard(self) -> list[dict[str, Any]]:
        return [c.model_dump(by_alias=True, exclude_defaults=True) for c in self.root]


def case(case_id: str, tool: str, arguments: dict[str, Any] | None = None, **expect: Any) -> dict[str, Any]:
    """Dashboard-shaped case dict; ``expect`` keys are the camelCase ones (``isError=True``...)."""
    return {"id": case_id, "toolName": tool, "arguments": arguments or {}, "expect": expect}


def load_suite(source: str | Path) -> CaseSuite:
    if isinstance(source, Path) or not source.lstrip().startswith("["):
        source = Path(source).read_text(encoding="utf-8")
    return CaseSuite.model_validate_json(source)
