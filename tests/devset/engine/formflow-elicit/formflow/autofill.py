"""Client-side autofill: answers elicitation and sampling requests from a script (CLI demos, tests)."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import mcp.types as types
from mcp.client.session import ClientSession
from mcp.shared.context import RequestContext
from mcp.shared.session import RequestResponder
from pydantic import FileUrl

logger = logging.getLogger("formflow.autofill")

Action = Literal["accept", "decline", "cancel"]
FieldValue = str | int | float | bool | list[str] | None


@dataclass
class ScriptedAnswer:
    action: Action = "accept"
    values: dict[str, FieldValue] = field(default_factory=dict)

    @classmethod
    def accept(cls, **values: FieldValue) -> ScriptedAnswer:
        return cls("accept", dict(values))


@dataclass
class SeenElicitation:
    message: str
    mode: str
    required: list[str]
    properties: list[str]
    related_request: str | None = None


def schema_defaults(schema: Mapping[str, Any]) -> dict[str, FieldValue]:
    return {name: p["default"] for name, p in schema.get("properties", {}).items() if p.get("default") is not None}


class ScriptedResponder:
    """Plays back scripted answers and records everything the server asked for."""

    def __init__(
        self,
        answers: Iterable[ScriptedAnswer] = (),
        *,
        replies: Iterable[str] = (),
        roots: Iterable[Path] = (),
        model: str = "formflow-fake-1",
    ) -> None:
        self.answers: deque[ScriptedAnswer] = deque(answers)
        self.replies: deque[str] = deque(replies)
        self.roots = list(roots)
        self.model = model
        self.seen: list[SeenElicitation] = []
        self.sampling_requests: list[types.CreateMessageRequestParams] = []
        self.visited_urls: list[tuple[str, str]] = []
        self.logs: list[tuple[str, str | None, Any]] = []
        self.progress: list[tuple[float, float | None, str | None]] = []
        self.notifications: list[str] = []

    async def on_elicit(
        self,
        context: RequestContext[ClientSession, Any],
        params: types.ElicitRequestParams,
    ) -> types.ElicitResult | types.ErrorData:
        if isinstance(params, types.ElicitRequestURLParams):
            self.visited_urls.append((params.elicitationId, params.url))
            self.seen.append(SeenElicitation(params.message, "url", [], [], str(context.request_id)))
            return types.ElicitResult(action="accept")

        schema = params.requestedSchema
        required = list(schema.get("required", []))
        self.seen.append(SeenElicitation(params.message, "form", required, sorted(schema.get("properties", {}))))
        if not self.answers:
            return types.ErrorData(code=types.INVALID_REQUEST, message=f"no scripted answer for {params.message!r}")
        answer = self.answers.popleft()
        if answer.action != "accept":
            return types.ElicitResult(action=answer.action)
        content = schema_defaults(schema)
        content.update(answer.values)
        if missing := [name for name in required if name not in content]:
            return types.ErrorData(code=types.INVALID_PARAMS, message=f"script is missing {', '.join(missing)}")
        return types.ElicitResult(action="accept", content=content)

    async def on_sample(
        self,
        context: RequestContext[ClientSession, Any],
        params: types.CreateMessageRequestParams,
    ) -> types.CreateMessageResult | types.ErrorData:
        self.sampling_requests.append(params)
        if params.maxTokens < 16:
            return types.ErrorData(code=types.INVALID_PARAMS, message="maxTokens too small")
        reply = self.replies.popleft() if self.replies else "Looks fine."
        words = reply.split()
        stop: types.StopReason = "endTurn"
        if len(words) > params.maxTokens // 4:
            reply = " ".join(words[: params.maxTokens // 4])
            stop = "maxTokens"
        elif params.stopSequences and any(s in reply for s in params.stopSequences):
            reply = reply.split(params.stopSequences[0])[0]
            stop = "stopSequence"
        return types.CreateMessageResult(
            role="assistant",
            content=types.TextContent(type="text", text=reply),
            model=self.model,
            stopReason=stop,
        )

    async def on_list_roots(self, context: RequestContext[ClientSession, Any]) -> types.ListRootsResult | types.ErrorData:
        roots = [types.Root(uri=FileUrl(path.resolve().as_uri()), name=path.name) for path in self.roots]
        return types.ListRootsResult(roots=roots)

    async def on_log(self, params: types.LoggingMessageNotificationParams) -> None:
        self.logs.append((params.level, params.logger, params.data))

    async def on_message(
        self,
        message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception,
    ) -> None:
        if isinstance(message, Exception):
            logger.warning("transport error: %s", message)
            return
        if isinstance(message, RequestResponder):
            return
        notification = message.root
        self.notifications.append(notification.method)
        match notification:
            case types.ProgressNotification(params=p):
                self.progress.append((p.progress, p.total, p.message))
            case types.ElicitCompleteNotification(params=p):
                logger.info("elicitation %s completed", p.elicitationId)
            case _:
                pass

    def log_messages(self, level: str | None = None) -> list[str]:
        return [str(data) for lvl, _, data in self.logs if level is None or lvl == level]
