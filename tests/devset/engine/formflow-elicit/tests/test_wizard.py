"""Multi-step elicitation wizards."""

from __future__ import annotations

from formflow.autofill import ScriptedAnswer, ScriptedResponder
from formflow.client import text_of
from tests.harness import ProgressLog, connect


async def test_signup_wizard_completes() -> None:
    responder = ScriptedResponder(
        [
            ScriptedAnswer.accept(full_name="Ada Lovelace", email="ada@example.com"),
            ScriptedAnswer.accept(plan="team", seats=5),
            ScriptedAnswer.accept(confirm=True, note="call after 10"),
        ]
    )
    progress = ProgressLog()
    async with connect(responder) as client:
        summary = await client.call_structured("start_signup", on_progress=progress)

    assert summary["status"] == "completed"
    assert summary["steps_completed"] == 3
    assert summary["email"] == "ada@example.com"
    assert (summary["plan"], summary["seats"]) == ("team", 5)
    assert [s.message for s in responder.seen] == [
        "How can we reach you?",
        "Which plan would you like?",
        "Ready to submit?",
    ]
    assert responder.seen[0].required == ["full_name", "email"]
    assert responder.seen[1].properties == ["newsletter", "plan", "seats"]
    assert [(p, t) for p, t, _ in progress.events] == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert progress.events[-1][2] == "signup: done"
    assert any("starting sign-up wizard wiz-0001" in m for m in responder.log_messages("info"))
    assert any(m.startswith("stored sub-") for m in responder.log_messages())


async def test_signup_declined_midway_is_visible_in_status() -> None:
    responder = ScriptedResponder(
        [ScriptedAnswer.accept(full_name="Grace Hopper", email="grace@example.com"), ScriptedAnswer("decline")]
    )
    async with connect(responder) as client:
        summary = await client.call_structured("start_signup")
        status = await client.call_structured("wizard_status", {"wizard_id": summary["wizard_id"]})
        missing = await client.call("wizard_status", {"wizard_id": "wiz-9999"})

    assert summary["status"] == "declined"
    assert summary["steps_completed"] == 1
    assert summary["plan"] is None
    assert status["status"] == "declined"
    assert status["answered_steps"] == ["contact"]
    assert status["current_step"] is None
    assert status["requested_by"].startswith("anonymous#")
    assert missing.isError
    assert "no wizard run" in text_of(missing.content)


async def test_signup_cancelled_or_unconfirmed() -> None:
    responder = ScriptedResponder(
        [
            ScriptedAnswer("cancel"),
            ScriptedAnswer.accept(full_name="Alan Turing", email="alan@example.com"),
            ScriptedAnswer.accept(),
            ScriptedAnswer.accept(confirm=False),
        ]
    )
    async with connect(responder) as client:
        first = await client.call_structured("start_signup")
        second = await client.call_structured("start_signup")

    assert (first["status"], first["steps_completed"]) == ("cancelled", 0)
    assert second["status"] == "declined"
    assert second["plan"] == "starter" and second["seats"] == 1
    assert second["wizard_id"] == "wiz-0002"


async def test_quick_poll_reasks_on_invalid_choice() -> None:
    responder = ScriptedResponder([ScriptedAnswer.accept(choice="purple"), ScriptedAnswer.accept(choice="red")])
    async with connect(responder) as client:
        outcome = await client.call_structured("quick_poll", {"question": "Favourite colour?", "options": ["red", "blue"]})
        too_few = await client.call("quick_poll", {"question": "Only one?", "options": ["x"]})
        schema = await client.output_schema("quick_poll")

    assert outcome == {"question": "Favourite colour?", "answered": True, "choice": "red", "attempts": 2}
    assert responder.seen[1].message == "Please pick one of: red, blue"
    assert too_few.isError and "at least two options" in text_of(too_few.content)
    assert schema is not None and set(schema["required"]) == {"question", "answered", "choice", "attempts"}


async def test_rename_form_then_load_template() -> None:
    responder = ScriptedResponder([ScriptedAnswer.accept(new_title="Create your account"), ScriptedAnswer("decline")])
    async with connect(responder) as client:
        renamed = await client.call("rename_form", {"form_id": "signup"})
        kept = await client.call("rename_form", {"form_id": "feedback"})
        template = await client.call_structured("load_template", {"template_id": "signup"})

    assert text_of(renamed.content) == "Create your account"
    assert text_of(kept.content) == "Product feedback"
    assert template["title"] == "Create your account"
    assert template["fields"]["plan"] == ["plan", "seats", "newsletter"]
