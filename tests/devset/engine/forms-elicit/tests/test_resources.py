from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from harness import CONTACT, SYMPTOMS, desk  # noqa: E402

from intakedesk.forms import default_catalog  # noqa: E402
from intakedesk.kiosk import AnswerBook  # noqa: E402


async def test_catalog_resource_is_first_page_with_cursor() -> None:
    async with desk() as kiosk:
        payload = await kiosk.read("forms://catalog")

    assert payload.scheme == "forms"
    assert payload.mime_type == "application/json"
    body = payload.json()
    assert [f["formId"] for f in body["forms"]] == ["flu-shot", "follow-up"]
    rest = default_catalog().page(body["nextCursor"])
    assert [f["formId"] for f in rest["forms"]] == ["new-patient"]
    assert "nextCursor" not in rest


async def test_listing_static_resources_and_templates() -> None:
    async with desk() as kiosk:
        listed = await kiosk.resources()
        templates = await kiosk.templates()

    by_uri = {str(r.uri): r for r in listed}
    assert set(by_uri) >= {"clinic://info", "clinic://privacy-notice", "forms://catalog", "intake://queue"}
    assert by_uri["clinic://info"].mimeType == "application/json"
    assert by_uri["consent://acknowledgement"].uri.host == "acknowledgement"
    assert templates == {
        "intake://submissions/{submission_id}": "application/json",
        "forms://{form_id}/prefill": "application/json",
        "feedback://{visit}/survey": "text/plain",
    }


async def test_clinic_info_file_is_served_as_blob() -> None:
    async with desk() as kiosk:
        info = await kiosk.read("clinic://info")
        notice = await kiosk.read("clinic://privacy-notice")

    assert info.text is None and info.blob is not None
    assert info.json()["walkIns"] is True
    assert notice.blob is None and notice.text is not None
    assert notice.text.startswith("We keep your details")


async def test_reading_privacy_acknowledgement_asks_the_patient() -> None:
    answers = AnswerBook({"ConsentAck": [{"agree": True, "initials": "ab"}, "decline"]})
    async with desk(answers) as kiosk:
        first = await kiosk.read("consent://acknowledgement")
        second = await kiosk.read("consent://acknowledgement")
        infos = [data for level, _, data in kiosk.inbox.logs if level == "info"]

    assert first.text is not None and first.text.startswith("Acknowledged by AB at ")
    assert second.text == "Privacy notice not acknowledged."
    assert len(answers.seen) == 2
    assert answers.seen[0][1].startswith("We keep your details")
    assert infos == ["privacy notice acknowledged by AB"]


async def test_prefill_template_elicits_and_cleans_answers() -> None:
    answers = AnswerBook({"follow-up": {"reason": "blood pressure review", "pain_score": 2}})
    async with desk(answers) as kiosk:
        draft = (await kiosk.read("forms://follow-up/prefill")).json()
        notes = kiosk.inbox.log_lines()

    assert draft == {
        "formId": "follow-up",
        "action": "accept",
        "answers": {"reason": "blood pressure review", "pain_score": 2.0},
    }
    assert answers.seen == [("form", "Fill in Follow-up visit check-in while you wait")]
    assert len(notes) == 1 and notes[0].startswith("prefilling follow-up for request ")


async def test_survey_template_with_context_parameter() -> None:
    answers = AnswerBook({"SatisfactionSurvey": [{"rating": 4, "comments": "quick"}, "cancel"]})
    async with desk(answers) as kiosk:
        rated = await kiosk.read("feedback://checkup/survey")
        skipped = await kiosk.read("feedback://vaccine/survey")

    assert rated.text == "checkup: **** quick"
    assert skipped.text == "vaccine: no feedback (cancel)"


async def test_subscribed_kiosk_hears_about_queue_and_record_changes() -> None:
    answers = AnswerBook(
        {
            "ContactDetails": CONTACT,
            "SymptomCheck": SYMPTOMS,
            "ConsentAck": {"agree": True, "initials": "AB"},
            "WithdrawReason": "decline",
        }
    )
    async with desk(answers) as kiosk:
        await kiosk.watch("intake://queue")
        await kiosk.watch("intake://submissions/s0001")
        await kiosk.call("start_intake", {"form_id": "new-patient"})
        await kiosk.call("confirm_visit", {"submission_id": "s0001"})
        await kiosk.unwatch("intake://queue")
        await kiosk.call("withdraw", {"submission_id": "s0001"})
        record = (await kiosk.read("intake://submissions/s0001")).json()
        updates = list(kiosk.inbox.updated)

    assert updates == ["intake://queue", "intake://submissions/s0001"]
    assert record["status"] == "withdrawn"
    assert record["notes"] == []
