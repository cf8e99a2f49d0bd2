from __future__ import annotations

import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from harness import CONTACT, SYMPTOMS, ProgressLog, desk  # noqa: E402

from intakedesk.kiosk import AnswerBook  # noqa: E402


async def test_start_intake_files_submission_with_progress_and_logs() -> None:
    answers = AnswerBook({"ContactDetails": CONTACT, "SymptomCheck": SYMPTOMS})
    progress = ProgressLog()
    async with desk(answers) as kiosk:
        await kiosk.quiet("debug")
        outcome = await kiosk.call("start_intake", {"form_id": "new-patient"}, on_progress=progress)
        inbox = kiosk.inbox

    assert outcome.ok, outcome.text
    assert outcome.data is not None
    result = outcome.data
    assert result["status"] == "received"
    assert result["submissionId"] == "s0001"
    assert result["allergies"] == ["penicillin"]
    assert [p for p, _, _ in progress.events] == [0, 1, 2, 3]
    assert progress.messages[-1] == "done"
    assert [kind for kind, _ in answers.seen] == ["form", "form"]
    assert answers.seen[1][1].startswith("Thanks Ada Byrne")
    assert any("Starting New patient registration" in line for line in inbox.log_lines())
    assert any(level == "debug" and "filed s0001" in str(data) for level, _, data in inbox.logs)


async def test_start_intake_declined_contact_returns_early() -> None:
    answers = AnswerBook({"ContactDetails": "decline"})
    async with desk(answers) as kiosk:
        outcome = await kiosk.call("start_intake", {"form_id": "flu-shot"})
        queue = (await kiosk.read("intake://queue")).json()
        warnings = [data for level, _, data in kiosk.inbox.logs if level == "warning"]

    assert outcome.ok
    assert outcome.data == {"status": "declined", "formId": "flu-shot", "step": "contact"}
    assert queue == []
    assert warnings == ["Patient declined to share contact details"]


async def test_urgent_triage_is_flagged_and_logged_as_error() -> None:
    severe = dict(SYMPTOMS, severity=9, chief_complaint="chest pain")
    answers = AnswerBook({"ContactDetails": CONTACT, "SymptomCheck": severe})
    async with desk(answers) as kiosk:
        outcome = await kiosk.call("start_intake", {"form_id": "new-patient"})
        snapshot = await kiosk.call("queue_snapshot")
        errors = [data for level, _, data in kiosk.inbox.logs if level == "error"]

    assert outcome.data is not None and outcome.data["status"] == "urgent"
    assert errors == ["Urgent triage for Ada Byrne: chest pain"]
    assert snapshot.data is not None
    assert snapshot.data["urgent"] == 1
    assert snapshot.data["waiting"] == 0
    assert isinstance(snapshot.data["loopTime"], float)


async def test_unknown_form_and_unknown_submission_come_back_as_error_results() -> None:
    async with desk() as kiosk:
        no_form = await kiosk.call("start_intake", {"form_id": "dental"})
        no_sub = await kiosk.call("confirm_visit", {"submission_id": "s9999"})
        no_ins = await kiosk.call("verify_insurance", {"submission_id": "s4242", "insurer": "Acme"})

    assert not no_form.ok and "No form called 'dental'" in no_form.text
    assert not no_sub.ok and "unknown submission s9999" in no_sub.text
    assert not no_ins.ok and "unknown submission s4242" in no_ins.text


async def test_collect_form_sends_raw_schema_and_notifies_list_change() -> None:
    flu = {"egg_allergy": False, "fever_today": "no", "last_dose_year": "2023"}
    answers = AnswerBook({"flu-shot": flu})
    progress = ProgressLog()
    async with desk(answers) as kiosk:
        outcome = await kiosk.call(
            "collect_form", {"form_id": "flu-shot", "on_behalf_of": "Tom Reyes"}, on_progress=progress
        )
        record = (await kiosk.read("intake://submissions/s0001")).json()
        inbox = kiosk.inbox

    assert outcome.ok
    assert outcome.text == "Seasonal flu shot screening: filed as s0001"
    assert record["answers"] == {"egg_allergy": False, "fever_today": False, "last_dose_year": 2023}
    assert record["patient"] == "Tom Reyes"
    assert progress.messages == ["sending Seasonal flu shot screening", "filing answers", "filed"]
    assert inbox.list_changed == 1


async def test_collect_form_rejects_bad_choice() -> None:
    answers = AnswerBook({"new-patient": {"full_name": "Kim Ola", "birth_year": 1990, "sex": "robot"}})
    async with desk(answers) as kiosk:
        await kiosk.quiet("debug")
        outcome = await kiosk.call("collect_form", {"form_id": "new-patient"})
        warnings = kiosk.inbox.log_lines("intake.desk")

    assert not outcome.ok
    assert "'robot' is not one of" in outcome.text
    assert warnings and "robot" in warnings[0]


async def test_insurance_check_uses_url_elicitation_and_signals_completion() -> None:
    answers = AnswerBook({"ContactDetails": CONTACT, "SymptomCheck": SYMPTOMS})
    async with desk(answers) as kiosk:
        await kiosk.call("start_intake", {"form_id": "new-patient"})
        outcome = await kiosk.call("verify_insurance", {"submission_id": "s0001", "insurer": "Bupa"})
        summary = await kiosk.call("summarize_submission", {"submission_id": "s0001"})
        completed = list(kiosk.inbox.completed)

    assert outcome.ok and outcome.text == "Insurance for s0001 verified with Bupa"
    assert answers.portals == [("https://portal.riverside.example/insurance/bupa?ref=s0001", "ins-s0001")]
    assert completed == ["ins-s0001"]
    assert summary.text.startswith("s0001 [received] Ada Byrne:")
    assert "chief_complaint" in summary.text


async def test_consent_then_bulk_check_in_reports_running_total() -> None:
    answers = AnswerBook(
        {
            "flu-shot": [
                {"egg_allergy": False, "fever_today": False},
                {"egg_allergy": True, "fever_today": False},
            ],
            "ConsentAck": [{"agree": True, "initials": "tr"}, {"agree": False, "initials": "zz"}],
            "WithdrawReason": {"reason": "feeling better", "rebook": True},
        }
    )
    progress = ProgressLog()
    async with desk(answers) as kiosk:
        await kiosk.call("collect_form", {"form_id": "flu-shot"})
        await kiosk.call("collect_form", {"form_id": "flu-shot"})
        confirmed = await kiosk.call("confirm_visit", {"submission_id": "s0001"})
        refused = await kiosk.call("confirm_visit", {"submission_id": "s0002"})
        gone = await kiosk.call("withdraw", {"submission_id": "s0002"})
        checked = await kiosk.call(
            "bulk_check_in", {"submission_ids": ["s0001", "s0002", "s0003"]}, on_progress=progress
        )
        record = (await kiosk.read("intake://submissions/s0002")).json()

    assert confirmed.text == "s0001 confirmed (TR)"
    assert not refused.ok and "Consent not given" in refused.text
    assert gone.text == "s0002 withdrawn"
    assert record["status"] == "withdrawn"
    assert record["notes"] == ["withdrawn: feeling better", "call back to rebook"]
    assert checked.text == "checked in 1 of 3"
    assert [p for p, _, _ in progress.events] == [1, 2, 3]
    assert [t for _, t, _ in progress.events] == [3, 3, 3]


async def test_desk_status_reports_server_and_client_identity() -> None:
    async with desk() as kiosk:
        result = await kiosk.session.call_tool("desk_status", {}, meta={"client_id": "lobby-kiosk"})
        anonymous = await kiosk.call("desk_status")

    status = json.loads(result.content[0].text) if result.content[0].type == "text" else {}
    assert status["server"] == "clinic-intake"
    assert status["instructions"] is True
    assert status["clientId"] == "lobby-kiosk"
    assert status["forms"] == 3
    other = json.loads(anonymous.text)
    assert other["clientId"] is None
    assert other["kiosk"] == status["kiosk"]
