"""A deterministic offline model used when no provider key is configured (demos and tests)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

StopReason = Literal["end_turn", "max_tokens", "stop_sequence"]


@dataclass(frozen=True)
class ModelCard:
    name: str
    family: str
    cost: float
    speed: float
    intelligence: float


DEFAULT_CATALOG = (
    ModelCard("stub-haiku-1", "haiku", cost=0.1, speed=0.9, intelligence=0.4),
    ModelCard("stub-sonnet-1", "sonnet", cost=0.4, speed=0.6, intelligence=0.75),
    ModelCard("stub-opus-1", "opus", cost=0.9, speed=0.2, intelligence=0.95),
)


@dataclass
class ChatTurn:
    role: Literal["system", "user", "assistant"]
    text: str
    attachments: list[str] = field(default_factory=list)


@dataclass
class Completion:
    text: str
    model: str
    stop_reason: StopReason


class StubLLM:
    def __init__(self, catalog: tuple[ModelCard, ...] = DEFAULT_CATALOG, default_model: str = "stub-sonnet-1") -> None:
        self.catalog = catalog
        self.default_model = default_model
        self.calls: list[dict[str, object]] = []

    def choose_model(
        self, hints: list[str], *, cost: float | None = None, speed: float | None = None, smarts: float | None = None
    ) -> ModelCard:
        for hint in hints:
            for card in self.catalog:
                if hint.lower() in card.name or hint.lower() == card.family:
                    return card
        if cost is None and speed is None and smarts is None:
            return next(card for card in self.catalog if card.name == self.default_model)
        return max(
            self.catalog,
            key=lambda c: (cost or 0) * (1 - c.cost) + (speed or 0) * c.speed + (smarts or 0) * c.intelligence,
        )

    def complete(
        self,
        turns: list[ChatTurn],
        *,
        model: ModelCard,
        max_tokens: int,
        system: str | None = None,
        stop_sequences: list[str] | None = None,
    ) -> Completion:
        self.calls.append({"model": model.name, "max_tokens": max_tokens, "system": system, "turns": len(turns)})
        last_user = next((turn.text for turn in reversed(turns) if turn.role == "user"), "")
        words = [f"[{model.name}]", *last_user.split()]
        stop_reason: StopReason = "end_turn"
        for stop in stop_sequences or []:
            if stop in words:
                words, stop_reason = words[: words.index(stop)], "stop_sequence"
        if len(words) > max_tokens:
            words, stop_reason = words[:max_tokens], "max_tokens"
        return Completion(" ".join(words), model.name, stop_reason)
