"""Form definitions: elicitation schemas, structured tool outputs and the template catalog."""

from __future__ import annotations

from typing import Any, Literal, TypedDict

from pydantic import BaseModel, Field

# elicitation schemas: primitive fields only


class ContactStep(BaseModel):
    full_name: str = Field(description="Your full name")
    email: str = Field(description="Work e-mail address")
    company: str | None = Field(default=None, description="Company name, if any")


class PlanStep(BaseModel):
    plan: str = Field(default="starter", description="One of: starter, team, enterprise")
    seats: int = Field(default=1, ge=1, le=500, description="Number of seats")
    newsletter: bool = Field(default=False, description="Subscribe to the product newsletter")


class ConfirmStep(BaseModel):
    confirm: bool = Field(description="Submit the form?")
    note: str = Field(default="", description="Anything else we should know")


class PollAnswer(BaseModel):
    choice: str = Field(description="Your pick")
    comment: str | None = None


class RenameStep(BaseModel):
    new_title: str = Field(min_length=3, max_length=80, description="New form title")


class RatingStep(BaseModel):
    score: int = Field(ge=1, le=5, description="1 (poor) to 5 (great)")
    would_recommend: bool = True


# structured outputs

WizardStatus = Literal["completed", "declined", "cancelled", "in_progress"]


class SignupSummary(BaseModel):
    wizard_id: str
    status: WizardStatus
    steps_completed: int
    email: str | None = None
    plan: str | None = None
    seats: int | None = None


class PollOutcome(TypedDict):
    question: str
    answered: bool
    choice: str | None
    attempts: int


class RunStatus(TypedDict):
    wizard_id: str
    form_id: str
    status: str
    current_step: str | None
    answered_steps: list[str]
    requested_by: str


class FeedbackResult(BaseModel):
    score: int | None
    would_recommend: bool | None
    summary: str
    model: str | None = None
    stop_reason: str | None = None


# template catalog

PLANS = ("starter", "team", "enterprise")
TONES = ("friendly", "formal", "terse", "playful")

FORM_TEMPLATES: dict[str, dict[str, Any]] = {
    "signup": {"title": "Account sign-up", "steps": ["contact", "plan", "confirm"]},
    "feedback": {"title": "Product feedback", "steps": ["rating"]},
    "support-ticket": {"title": "Support ticket", "steps": ["contact", "confirm"]},
    "survey-q3": {"title": "Quarterly survey", "steps": ["rating", "confirm"]},
}

STEPS: dict[str, tuple[type[BaseModel], str]] = {
    "contact": (ContactStep, "How can we reach you?"),
    "plan": (PlanStep, "Which plan would you like?"),
    "confirm": (ConfirmStep, "Ready to submit?"),
    "rating": (RatingStep, "How would you rate your experience?"),
}


def template_ids(prefix: str = "") -> list[str]:
    return sorted(t for t in FORM_TEMPLATES if t.startswith(prefix))


def describe_template(template_id: str) -> dict[str, Any]:
    if template_id not in FORM_TEMPLATES:
        raise KeyError(f"unknown form template {template_id!r}")
    template = FORM_TEMPLATES[template_id]
    fields = {step: list(STEPS[step][0].model_fields) for step in template["steps"]}
    return {"id": template_id, **template, "fields": fields}
