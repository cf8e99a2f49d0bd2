"""View models for the log panel, the progress tray and the activity feed."""

from __future__ import annotations

import json
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from mcp import types

LEVELS: list[types.LoggingLevel] = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"]


@dataclass
class LogLine:
    server: str
    level: types.LoggingLevel
    logger: str | None
    text: str


class LogPanel:
    def __init__(self, max_lines: int = 500, min_level: types.LoggingLevel = "debug") -> None:
        self.lines: deque[LogLine] = deque(maxlen=max_lines)
        self.min_level: types.LoggingLevel = min_level

    def add(self, server: str, params: types.LoggingMessageNotificationParams) -> None:
        if LEVELS.index(params.level) < LEVELS.index(self.min_level):
            return
        data = params.data
        text = data if isinstance(data, str) else json.dumps(data, sort_keys=True, default=str)
        self.lines.append(LogLine(server=server, level=params.level, logger=params.logger, text=text))

    def for_server(self, server: str) -> list[LogLine]:
        return [line for line in self.lines if line.server == server]

    def render(self) -> list[str]:
        return [
            f"{line.level.upper():<9} {line.server}{'/' + line.logger if line.logger else ''}: {line.text}"
            for line in self.lines
        ]


@dataclass
class ProgressItem:
    server: str
    token: str | int
    progress: float = 0.0
    total: float | None = None
    message: str | None = None
    done: bool = False
    history: list[float] = field(default_factory=list)

    @property
    def fraction(self) -> float | None:
        return min(1.0, self.progress / self.total) if self.total else None


class ProgressBoard:
    """In-flight operations shown in the progress tray, keyed by server and progress token."""

    def __init__(self) -> None:
        self.items: dict[tuple[str, str | int], ProgressItem] = {}

    def update(self, server: str, token: str | int, progress: float, total: float | None, message: str | None) -> None:
        item = self.items.setdefault((server, token), ProgressItem(server, token))
        item.progress, item.total, item.message = progress, total, message
        item.history.append(progress)
        item.done = total is not None and progress >= total


class ActivityFeed:
    def __init__(self) -> None:
        self.events: list[tuple[str, str, dict[str, Any]]] = []

    def push(self, server: str, kind: str, **detail: Any) -> None:
        self.events.append((server, kind, detail))

    def kinds(self, server: str | None = None) -> list[str]:
        return [kind for origin, kind, _ in self.events if server in (None, origin)]
