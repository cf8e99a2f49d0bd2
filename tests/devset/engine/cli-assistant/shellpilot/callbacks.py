"""Client-side callbacks: notifications, server logs, sampling, roots, elicitation."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import FileUrl

import mcp.types as types
from mcp import ClientSession
from mcp.shared.context import RequestContext
from mcp.shared.session import RequestResponder

from .llm import RuleBasedModel

logger = logging.getLogger(__name__)

IncomingMessage = RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception
ChangeHook = Callable[[str], Awaitable[None]]

_LEVELS = {"debug": logging.DEBUG, "warning": logging.WARNING, "error": logging.ERROR, "critical": logging.CRITICAL}


@dataclass
class ServerEvents:
    """Collects everything a server pushes at us outside of request/response."""

    server: str
    log_lines: list[str] = field(default_factory=list)
    progress: dict[str | int, list[float]] = field(default_factory=dict)
    updated: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    on_change: ChangeHook | None = None

    async def handle_message(self, message: IncomingMessage) -> None:
        if isinstance(message, Exception):
            logger.warning("%s: transport error: %s", self.server, message)
            self.errors.append(f"{type(message).__name__}: {message}")
            return
        if isinstance(message, RequestResponder):
            logger.debug("%s: unanswered server request", self.server)
            return

        notification = message.root
        match notification:
            case types.ToolListChangedNotification():
                await self._changed("tools")
            case types.ResourceListChangedNotification() | types.PromptListChangedNotification():
                await self._changed(notification.method.split("/")[1])
            case types.ResourceUpdatedNotification(params=params):
                uri = params.uri
                self.updated.append(f"{uri.scheme}://{uri.host or ''}{uri.path or ''}")
            case types.ProgressNotification(params=params):
                self.progress.setdefault(params.progressToken, []).append(params.progress)
            case _:
                logger.debug("%s: ignoring %s", self.server, notification.method)

    async def _changed(self, what: str) -> None:
        self.changed.append(what)
        if self.on_change is not None:
            await self.on_change(what)

    async def handle_log(self, params: types.LoggingMessageNotificationParams) -> None:
        source = params.logger or self.server
        self.log_lines.append(f"[{params.level}] {source}: {params.data}")
        logger.log(_LEVELS.get(params.level, logging.INFO), "%s: %s", source, params.data)


class SamplingBridge:
    """Answers sampling/createMessage requests with the assistant's own model."""

    def __init__(self, model: RuleBasedModel, *, allow: bool = True) -> None:
        self.model = model
        self.allow = allow
        self.requests: list[types.CreateMessageRequestParams] = []

    async def __call__(
        self,
        context: RequestContext[ClientSession, Any],
        params: types.CreateMessageRequestParams,
    ) -> types.CreateMessageResult | types.ErrorData:
        self.requests.append(params)
        if not self.allow:
            return types.ErrorData(code=types.INVALID_REQUEST, message="sampling disabled by user")
        prompt_parts = [m.content.text for m in params.messages if isinstance(m.content, types.TextContent)]
        text, stop = self.model.sample(" ".join(prompt_parts), system=params.systemPrompt, max_tokens=params.maxTokens)
        for stop_seq in params.stopSequences or []:
            text = text.split(stop_seq, 1)[0]
        logger.info("sampled %d chars for request %s", len(text), context.request_id)
        return types.CreateMessageResult(
            role="assistant",
            content=types.TextContent(type="text", text=text),
            model=self.model.name,
            stopReason=stop,
        )


def roots_callback(root_dirs: list[Path]):
    async def list_roots(context: RequestContext[ClientSession, Any]) -> types.ListRootsResult | types.ErrorData:
        if not root_dirs:
            return types.ErrorData(code=types.INVALID_REQUEST, message="no roots configured")
        return types.ListRootsResult(
            roots=[types.Root(uri=FileUrl(path.as_uri()), name=path.name or str(path)) for path in root_dirs]
        )

    return list_roots


class ElicitationBridge:
    """Fills in elicitation forms from pre-seeded answers (or declines)."""

    def __init__(self, answers: dict[str, Any] | None = None) -> None:
        self.answers = answers or {}
        self.seen: list[str] = []

    async def __call__(
        self,
        context: RequestContext[ClientSession, Any],
        params: types.ElicitRequestParams,
    ) -> types.ElicitResult | types.ErrorData:
        self.seen.append(params.message)
        if isinstance(params, types.ElicitRequestURLParams):
            return types.ElicitResult(action="decline")
        schema = params.requestedSchema
        content = {k: self.answers[k] for k in schema.get("properties", {}) if k in self.answers}
        if any(key not in content for key in schema.get("required", [])):
            return types.ElicitResult(action="cancel")
        return types.ElicitResult(action="accept", content=content)
