from __future__ import annotations

from pathlib import Path
from typing import Any

from copilot.callbacks import WorkspaceCallbacks


class FakeBackend:
    def __init__(self, reply: str = "Fix typo in README", model: str = "local-llm") -> None:
        self.reply = reply
        self.model = model
        self.calls: list[tuple[str | None, list[tuple[str, str]], int]] = []

    async def complete(self, system: str | None, turns: list[tuple[str, str]], max_tokens: int) -> tuple[str, str]:
        self.calls.append((system, turns, max_tokens))
        return self.reply, self.model


class ScriptedPrompter:
    def __init__(self, answers: list[dict[str, Any] | None] | None = None, open_urls: bool = True) -> None:
        self.answers = list(answers or [])
        self.open_urls = open_urls
        self.forms: list[tuple[str, str, dict[str, Any]]] = []

    async def ask_form(self, server: str, message: str, schema: dict[str, Any]) -> dict[str, Any] | None:
        self.forms.append((server, message, schema))
        return self.answers.pop(0) if self.answers else None

    async def open_url(self, server: str, message: str, url: str) -> bool:
        return self.open_urls


def make_callbacks(**kwargs: Any) -> WorkspaceCallbacks:
    return WorkspaceCallbacks(
        workspace=Path("/home/dev/acme-web"),
        backend=kwargs.pop("backend", FakeBackend()),
        prompter=kwargs.pop("prompter", ScriptedPrompter()),
        **kwargs,
    )
