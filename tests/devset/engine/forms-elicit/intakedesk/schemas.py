"""Answer models the desk asks patients to fill in."""

from __future__ import annotations

from pydantic import BaseModel, Field


class ContactDetails(BaseModel):
    """Who we are seeing and how to reach them."""

    full_name: str = Field(description="Patient's full legal name", min_length=2)
    phone: str = Field(description="Mobile number for appointment reminders")
    email: str | None = Field(default=None, description="Optional e-mail address")
    sms_ok: bool = Field(default=True, description="May we send text reminders?")


class SymptomCheck(BaseModel):
    """Short triage questionnaire used at check-in."""

    chief_complaint: str = Field(description="Main reason for today's visit")
    severity: int = Field(ge=0, le=10, description="How bad is it, 0-10")
    fever: bool = Field(default=False, description="Temperature above 38C in the last day")
    allergies: list[str] = Field(default_factory=list, description="Known allergies")


class ConsentAck(BaseModel):
    """Privacy notice / treatment consent acknowledgement."""

    agree: bool = Field(description="I have read and accept the notice")
    initials: str = Field(description="Your initials", max_length=4)


class SatisfactionSurvey(BaseModel):
    rating: int = Field(ge=1, le=5, description="Overall experience, 1-5")
    comments: str | None = Field(default=None, description="Anything we could do better?")


class WithdrawReason(BaseModel):
    reason: str = Field(description="Why are you cancelling this visit?")
    rebook: bool = Field(default=False, description="Would you like a call back to rebook?")
