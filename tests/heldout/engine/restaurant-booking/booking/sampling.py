"""Helpers that ask the *client's* LLM to do small text jobs for us."""

from __future__ import annotations

from mcp.server.session import ServerSession
from mcp.types import (
    ModelHint,
    ModelPreferences,
    SamplingMessage,
    TextContent,
)

FAST_MODEL = ModelPreferences(hints=[ModelHint(name="claude-3-haiku")], speedPriority=0.9, costPriority=0.8)


async def ask_llm(session: ServerSession, prompt: str, *, max_tokens: int = 200, system: str | None = None) -> str:
    result = await session.create_message(
        messages=[SamplingMessage(role="user", content=TextContent(type="text", text=prompt))],
        max_tokens=max_tokens,
        system_prompt=system,
        model_preferences=FAST_MODEL,
        include_context="none",
    )
    if result.content.type == "text":
        return result.content.text
    return ""


async def polish_note(session: ServerSession, raw_note: str) -> str:
    if not raw_note.strip():
        return raw_note
    text = await ask_llm(
        session,
        f"Rewrite this note for a restaurant host, keep it under 20 words:\n{raw_note}",
        system="You write short, polite notes.",
    )
    return text.strip() or raw_note


async def suggest_cuisine(session: ServerSession, mood: str, cuisines: list[str]) -> str | None:
    answer = await ask_llm(
        session,
        f"Pick exactly one of {', '.join(cuisines)} for someone who feels '{mood}'. Answer with one word.",
        max_tokens=5,
    )
    answer = answer.strip().lower()
    return answer if answer in cuisines else None
