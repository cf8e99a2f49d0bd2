"""Elicitation followed by sampling through the client's model."""

from __future__ import annotations

from formflow.autofill import ScriptedAnswer, ScriptedResponder
from formflow.sampling import SUMMARY_SYSTEM_PROMPT
from tests.harness import connect


async def test_collect_feedback_samples_a_summary() -> None:
    responder = ScriptedResponder(
        [ScriptedAnswer.accept(score=5)],
        replies=["Very happy customer, would recommend.\n\nSecond paragraph that should be cut."],
    )
    async with connect(responder) as client:
        result = await client.call_structured("collect_feedback")

    assert result["score"] == 5 and result["would_recommend"] is True
    assert result["summary"] == "Very happy customer, would recommend."
    assert result["model"] == "formflow-fake-1"
    assert result["stop_reason"] == "stopSequence"

    [request] = responder.sampling_requests
    assert request.maxTokens == 120
    assert request.stopSequences == ["\n\n"]
    assert request.modelPreferences is not None
    assert request.modelPreferences.speedPriority == 0.8
    assert [h.name for h in request.modelPreferences.hints or []] == ["claude-3-5-haiku"]
    assert [p.systemPrompt for p in responder.sampling_requests] == [SUMMARY_SYSTEM_PROMPT]
    first = request.messages[0].content
    assert not isinstance(first, list) and first.type == "text"


async def test_truncated_summary_is_flagged() -> None:
    long_reply = " ".join(f"word{i}" for i in range(100))
    responder = ScriptedResponder([ScriptedAnswer.accept(score=2, would_recommend=False)], replies=[long_reply])
    async with connect(responder) as client:
        result = await client.call_structured("collect_feedback")

    assert result["stop_reason"] == "maxTokens"
    assert len(result["summary"].split()) == 30
    assert any("was truncated" in m for m in responder.log_messages("warning"))


async def test_declined_feedback_skips_sampling() -> None:
    responder = ScriptedResponder([ScriptedAnswer("decline")])
    async with connect(responder) as client:
        result = await client.call_structured("collect_feedback")

    assert result == {
        "score": None,
        "would_recommend": None,
        "summary": "no feedback (decline)",
        "model": None,
        "stop_reason": None,
    }
    assert responder.sampling_requests == []
