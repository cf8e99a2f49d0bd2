"""Form definitions and the catalog the front desk offers.

Plain pydantic models: the same definitions are rendered into the JSON
schema shape that kiosk screens understand and into the paged listing that the
admin console shows. Nothing here talks to a client directly.
"""

from __future__ import annotations

import base64
import json
from typing import Any, Literal

from pydantic import BaseModel, Field, RootModel

FieldKind = Literal["string", "integer", "number", "boolean", "choice"]


class FieldSpec(BaseModel):
    name: str
    label: str
    kind: FieldKind = "string"
    required: bool = True
    choices: list[str] | None = None
    minLength: int | None = None
    maxLength: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    default: str | int | float | bool | None = None

    def to_property(self) -> dict[str, Any]:
        prop: dict[str, Any] = {"title": self.label}
        if self.kind == "choice":
            prop["type"] = "string"
            prop["enum"] = list(self.choices or [])
        else:
            prop["type"] = self.kind
        for key in ("minLength", "maxLength", "minimum", "maximum", "default"):
            value = getattr(self, key)
            if value is not None:
                prop[key] = value
        return prop

    def coerce(self, raw: object) -> str | int | float | bool:
        if self.kind == "integer":
            return int(str(raw))
        if self.kind == "number":
            return float(str(raw))
        if self.kind == "boolean":
            return raw if isinstance(raw, bool) else str(raw).lower() in {"true", "yes", "1"}
        text = str(raw)
        if self.kind == "choice" and self.choices and text not in self.choices:
            raise ValueError(f"{self.label}: {text!r} is not one of {', '.join(self.choices)}")
        return text


class FieldList(RootModel[list[FieldSpec]]):
    def names(self) -> list[str]:
        return [spec.name for spec in self.root]

    def required(self) -> list[str]:
        return [spec.name for spec in self.root if spec.required]

    def get(self, name: str) -> FieldSpec | None:
        return next((spec for spec in self.root if spec.name == name), None)


class FormDefinition(BaseModel):
    formId: str
    title: str
    description: str = ""
    department: str = "front-desk"
    mimeType: str = "application/json"
    fields: FieldList = Field(default_factory=lambda: FieldList([]))

    def requested_schema(self) -> dict[str, Any]:
        """Flat object schema; kiosk screens render one input per property."""
        return {
            "type": "object",
            "title": self.formId,
            "properties": {spec.name: spec.to_property() for spec in self.fields.root},
            "required": self.fields.required(),
        }

    def clean(self, answers: dict[str, Any]) -> dict[str, str | int | float | bool]:
        cleaned: dict[str, str | int | float | bool] = {}
        missing = [name for name in self.fields.required() if answers.get(name) in (None, "")]
        if missing:
            raise ValueError(f"{self.title}: missing {', '.join(missing)}")
        for name, raw in answers.items():
            spec = self.fields.get(name)
            if spec is None or raw is None:
                continue
            cleaned[name] = spec.coerce(raw)
        return cleaned


class FormCatalog(RootModel[dict[str, FormDefinition]]):
    """Every form the desk can hand out, keyed by formId."""

    @classmethod
    def from_forms(cls, *forms: FormDefinition) -> FormCatalog:
        return cls({form.formId: form for form in forms})

    def ids(self) -> list[str]:
        return sorted(self.root)

    def find(self, form_id: str) -> FormDefinition | None:
        return self.root.get(form_id)

    def page(self, cursor: str | None = None, size: int = 2) -> dict[str, Any]:
        """Admin console listing: opaque cursor in, `nextCursor` out."""
        start = _decode_cursor(cursor)
        ids = self.ids()
        chunk = ids[start : start + size]
        body: dict[str, Any] = {
            "forms": [
                {"formId": fid, "title": self.root[fid].title, "mimeType": self.root[fid].mimeType}
                for fid in chunk
            ],
        }
        if start + size < len(ids):
            body["nextCursor"] = _encode_cursor(start + size)
        return body


def _encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"o": offset}).encode()).decode()


def _decode_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        return int(json.loads(base64.urlsafe_b64decode(cursor.encode()))["o"])
    except (ValueError, KeyError, TypeError):
        return 0


def default_catalog() -> FormCatalog:
    return FormCatalog.from_forms(
        FormDefinition(
            formId="new-patient",
            title="New patient registration",
            description="Basic demographics for first visits.",
            fields=FieldList(
                [
                    FieldSpec(name="full_name", label="Full name", minLength=2),
                    FieldSpec(name="birth_year", label="Year of birth", kind="integer", minimum=1900, maximum=2025),
                    FieldSpec(name="sex", label="Sex", kind="choice", choices=["female", "male", "other", "unsaid"]),
                    FieldSpec(name="pharmacy", label="Preferred pharmacy", required=False),
                ]
            ),
        ),
        FormDefinition(
            formId="flu-shot",
            title="Seasonal flu shot screening",
            department="nursing",
            fields=FieldList(
                [
                    FieldSpec(name="egg_allergy", label="Egg allergy", kind="boolean"),
                    FieldSpec(name="fever_today", label="Fever today", kind="boolean"),
                    FieldSpec(name="last_dose_year", label="Year of last flu shot", kind="integer", required=False),
                ]
            ),
        ),
        FormDefinition(
            formId="follow-up",
            title="Follow-up visit check-in",
            fields=FieldList(
                [
                    FieldSpec(name="reason", label="Reason for visit", maxLength=200),
                    FieldSpec(name="pain_score", label="Pain (0-10)", kind="number", minimum=0, maximum=10),
                ]
            ),
        ),
    )
