"""Form models rendered when a server asks the user for input (flat JSON-schema objects only)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

FieldKind = Literal["string", "number", "integer", "boolean", "enum"]
FormValue = str | int | float | bool | None


class FormValidationError(ValueError):
    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(f"{key}: {msg}" for key, msg in problems.items()))
        self.problems = problems


@dataclass
class FormField:
    key: str
    kind: FieldKind
    label: str
    required: bool = False
    default: FormValue = None
    choices: list[tuple[str, str]] = field(default_factory=list)
    minimum: float | None = None
    maximum: float | None = None

    def coerce(self, raw: Any) -> FormValue:
        if self.kind == "boolean":
            return raw.strip().lower() in ("1", "true", "yes", "on") if isinstance(raw, str) else bool(raw)
        if self.kind in ("number", "integer"):
            number = int(raw) if self.kind == "integer" else float(raw)
            if not (self.minimum or number) <= number <= (self.maximum or number):
                raise ValueError(f"must be between {self.minimum} and {self.maximum}")
            return number
        if self.kind == "enum" and str(raw) not in [value for value, _ in self.choices]:
            raise ValueError(f"must be one of {', '.join(value for value, _ in self.choices)}")
        return str(raw)


def _field(key: str, prop: Mapping[str, Any], required: bool) -> FormField:
    declared = prop.get("type", "string")
    values = [str(v) for v in prop.get("enum", [])]
    kind: FieldKind = "enum" if values else declared if declared in ("number", "integer", "boolean") else "string"
    return FormField(
        key=key,
        kind=kind,
        label=str(prop.get("title") or key.replace("_", " ").capitalize()),
        required=required,
        default=prop.get("default"),
        choices=list(zip(values, [str(t) for t in prop.get("enumNames", values)])),
        minimum=prop.get("minimum"),
        maximum=prop.get("maximum"),
    )


@dataclass
class FormModel:
    title: str
    fields: list[FormField]
    source: str = ""

    @classmethod
    def from_schema(cls, message: str, schema: Mapping[str, Any], *, source: str = "") -> FormModel:
        if schema.get("type", "object") != "object":
            raise ValueError("only object schemas can be rendered as a form")
        required = set(schema.get("required", []))
        fields = [_field(key, prop, key in required) for key, prop in dict(schema.get("properties", {})).items()]
        return cls(message, fields, source)

    def field(self, key: str) -> FormField:
        return next(item for item in self.fields if item.key == key)

    def submit(self, answers: Mapping[str, Any]) -> dict[str, FormValue]:
        problems: dict[str, str] = {}
        values: dict[str, FormValue] = {}
        for item in self.fields:
            raw = answers.get(item.key, item.default)
            if raw is None or raw == "":
                if item.required:
                    problems[item.key] = "required"
                continue
            try:
                values[item.key] = item.coerce(raw)
            except (TypeError, ValueError) as exc:
                problems[item.key] = str(exc)
        if problems:
            raise FormValidationError(problems)
        return values


@dataclass
class FormOutcome:
    action: Literal["accept", "decline", "cancel"]
    values: dict[str, FormValue] = field(default_factory=dict)


FormPresenter = Callable[[FormModel], Awaitable[FormOutcome]]


class ScriptedPresenter:
    """Answers forms from a queue of canned replies (headless mode and tests)."""

    def __init__(self, replies: list[dict[str, Any] | Literal["decline", "cancel"]] | None = None) -> None:
        self.replies = list(replies or [])
        self.shown: list[FormModel] = []

    async def __call__(self, form: FormModel) -> FormOutcome:
        self.shown.append(form)
        reply = self.replies.pop(0) if self.replies else "cancel"
        if isinstance(reply, str):
            return FormOutcome(reply)
        try:
            return FormOutcome("accept", form.submit(reply))
        except FormValidationError:
            return FormOutcome("cancel")
