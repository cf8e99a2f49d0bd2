"""Ask the client's LLM to summarise form answers."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from mcp.server.fastmcp import Context
from mcp.server.session import ServerSession
from mcp.types import (
    CreateMessageResult,
    ModelHint,
    ModelPreferences,
    SamplingMessage,
    TextContent,
)

from formflow.state import FormflowState

SUMMARY_SYSTEM_PROMPT = "You summarise form submissions for a support agent. One short paragraph, no lists."


@dataclass(frozen=True)
class SampledText:
    text: str
    model: str
    stop_reason: str | None

    @property
    def truncated(self) -> bool:
        return self.stop_reason == "maxTokens"


def build_messages(title: str, answers: dict[str, Any]) -> list[SamplingMessage]:
    payload = json.dumps(answers, sort_keys=True, default=str)
    return [
        SamplingMessage(
            role="user",
            content=TextContent(type="text", text=f"Form: {title}\nAnswers: {payload}"),
        )
    ]


async def summarise(
    ctx: Context[ServerSession, FormflowState],
    title: str,
    answers: dict[str, Any],
    *,
    max_tokens: int = 200,
) -> SampledText:
    result: CreateMessageResult = await ctx.session.create_message(
        messages=build_messages(title, answers),
        max_tokens=max_tokens,
        system_prompt=SUMMARY_SYSTEM_PROMPT,
        temperature=0.2,
        stop_sequences=["\n\n"],
        model_preferences=ModelPreferences(
            hints=[ModelHint(name="claude-3-5-haiku")],
            speedPriority=0.8,
            intelligencePriority=0.3,
        ),
        related_request_id=ctx.request_id,
    )
    if isinstance(result.content, TextContent):
        text = result.content.text.strip()
    else:
        text = f"[{result.content.type} content]"
    if result.stopReason == "maxTokens":
        await ctx.warning(f"summary from {result.model} was truncated")
    return SampledText(text=text, model=result.model, stop_reason=result.stopReason)
