from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from harness import CONTACT, SYMPTOMS, desk  # noqa: E402

from intakedesk.kiosk import AnswerBook  # noqa: E402


async def test_handover_prompt_reads_lifespan_state() -> None:
    answers = AnswerBook({"ContactDetails": CONTACT, "SymptomCheck": SYMPTOMS})
    async with desk(answers) as kiosk:
        await kiosk.call("start_intake", {"form_id": "new-patient"})
        lines = await kiosk.handover("s0001")
        missing = await kiosk.handover("s0404")

    assert len(lines) == 3
    assert lines[0].startswith("user: Patient Ada Byrne (received) filled new-patient:")
    assert "- severity: 4" in lines[0]
    assert lines[1].startswith("assistant: Understood.")
    assert missing == ["user: There is no submission s0404; ask the desk to check the id."]


async def test_completion_suggests_form_ids_and_submission_ids() -> None:
    answers = AnswerBook({"follow-up": [{"reason": "x", "pain_score": 1}, {"reason": "y", "pain_score": 3}]})
    async with desk(answers) as kiosk:
        forms, more = await kiosk.suggest("forms://{form_id}/prefill", "form_id", "f")
        await kiosk.call("collect_form", {"form_id": "follow-up"})
        await kiosk.call("collect_form", {"form_id": "follow-up"})
        subs, _ = await kiosk.suggest("intake://submissions/{submission_id}", "submission_id", "s000")
        nothing, none_more = await kiosk.suggest("feedback://{visit}/survey", "visit", "")

    assert forms == ["flu-shot", "follow-up"]
    assert more is False
    assert subs == ["s0001", "s0002"]
    assert nothing == [] and none_more is False


async def test_logging_level_from_kiosk_filters_desk_announcements() -> None:
    answers = AnswerBook({"flu-shot": ["decline", "cancel"]})
    async with desk(answers) as kiosk:
        assert kiosk.can_log()
        await kiosk.quiet("info")
        first = await kiosk.call("collect_form", {"form_id": "flu-shot"})
        heard = kiosk.inbox.log_lines("intake.desk")
        await kiosk.quiet("warning")
        second = await kiosk.call("collect_form", {"form_id": "flu-shot"})
        heard_after = kiosk.inbox.log_lines("intake.desk")

    assert first.text == "Seasonal flu shot screening: nothing filed (decline)"
    assert second.text == "Seasonal flu shot screening: nothing filed (cancel)"
    assert heard == ["flu-shot was declined at the kiosk"]
    assert heard_after == heard
