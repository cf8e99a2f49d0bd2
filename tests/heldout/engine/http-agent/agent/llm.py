"""Minimal OpenAI-compatible chat client. Knows nothing about MCP."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

import httpx


@dataclass
class ChatMessage:
    role: str
    content: str | None = None
    tool_calls: list[dict[str, Any]] = field(default_factory=list)
    tool_call_id: str | None = None


class LLMClient:
    def __init__(self, model: str | None = None) -> None:
        self.model = model or os.environ.get("LLM_MODEL", "gpt-4o-mini")
        self._http = httpx.AsyncClient(
            base_url=os.environ.get("LLM_BASE_URL", "https://api.openai.com/v1"),
            headers={"Authorization": f"Bearer {os.environ.get('LLM_API_KEY', '')}"},
            timeout=httpx.Timeout(60.0),
        )

    async def aclose(self) -> None:
        await self._http.aclose()

    async def chat(
        self, messages: list[ChatMessage], tools: list[dict[str, Any]] | None = None,
        max_tokens: int = 1024, system: str | None = None,
    ) -> ChatMessage:
        wire = [{k: v for k, v in vars(m).items() if v} for m in messages]
        if system:
            wire.insert(0, {"role": "system", "content": system})
        payload: dict[str, Any] = {"model": self.model, "messages": wire, "max_tokens": max_tokens}
        if tools:
            payload["tools"] = tools
        resp = await self._http.post("/chat/completions", json=payload)
        resp.raise_for_status()
        choice = resp.json()["choices"][0]["message"]
        return ChatMessage(role=choice["role"], content=choice.get("content"), tool_calls=choice.get("tool_calls") or [])
