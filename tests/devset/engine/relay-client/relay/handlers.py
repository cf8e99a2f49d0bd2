"""Callbacks the relay installs on every upstream ClientSession: sampling,
elicitation, roots, logging, progress and server notifications."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import mcp.types as types
from mcp import ClientSession
from mcp.shared.context import RequestContext
from mcp.shared.session import ProgressFnT, RequestResponder
from pydantic import AnyUrl, FileUrl

logger = logging.getLogger(__name__)

SessionContext = RequestContext[ClientSession, Any]
ResourceListener = Callable[[AnyUrl], Awaitable[None]]
Prompter = Callable[[str, dict[str, Any]], Awaitable[dict[str, Any] | None]]


class CompletionModel(Protocol):
    async def complete(self, system: str | None, prompt: str, max_tokens: int) -> str: ...


class EchoModel:
    """Stand-in model for dry runs: echoes the prompt back."""

    async def complete(self, system: str | None, prompt: str, max_tokens: int) -> str:
        return (f"[{system}] " if system else "") + prompt


@dataclass
class SamplingBridge:
    model: CompletionModel
    model_name: str = "relay-echo-1"
    max_tokens_cap: int = 4096
    history: list[types.CreateMessageRequestParams] = field(default_factory=list)

    async def __call__(
        self, context: SessionContext, params: types.CreateMessageRequestParams
    ) -> types.CreateMessageResult | types.ErrorData:
        self.history.append(params)
        max_tokens = params.maxTokens
        if max_tokens > self.max_tokens_cap:
            return types.ErrorData(code=types.INVALID_PARAMS, message=f"maxTokens above {self.max_tokens_cap}")
        chosen = self.model_name
        hints = params.modelPreferences.hints if params.modelPreferences else None
        if hints and hints[0].name:
            chosen = hints[0].name

        parts: list[str] = []
        for message in params.messages:
            for block in message.content_as_list:
                if isinstance(block, types.TextContent):
                    parts.append(block.text)
                elif isinstance(block, types.ImageContent):
                    parts.append(f"<image {block.mimeType}>")
        text = await self.model.complete(params.systemPrompt, "\n".join(parts), max_tokens)

        stop_reason = "endTurn"
        for stop in params.stopSequences or []:
            if stop in text:
                text, stop_reason = text.split(stop, 1)[0], "stopSequence"
                break
        logger.debug("sampling for request %s answered by %s", context.request_id, chosen)
        content = types.TextContent(type="text", text=text)
        return types.CreateMessageResult(role="assistant", content=content, model=chosen, stopReason=stop_reason)


@dataclass
class ElicitationPolicy:
    """Form elicitations go to ``prompter``; URL elicitations are queued for the UI."""

    prompter: Prompter | None = None
    open_urls: bool = False
    pending_urls: dict[str, str] = field(default_factory=dict)

    async def __call__(
        self, context: SessionContext, params: types.ElicitRequestParams
    ) -> types.ElicitResult | types.ErrorData:
        if isinstance(params, types.ElicitRequestURLParams):
            self.pending_urls[params.elicitationId] = params.url
            return types.ElicitResult(action="accept" if self.open_urls else "decline")
        schema = params.requestedSchema
        answer = await self.prompter(params.message, schema) if self.prompter else None
        if answer is None:
            return types.ElicitResult(action="decline" if self.prompter else "cancel")
        if any(name not in answer for name in schema.get("required", [])):
            return types.ErrorData(code=types.INVALID_PARAMS, message="required fields missing")
        props: dict[str, Any] = schema.get("properties", {})
        return types.ElicitResult(action="accept", content={k: v for k, v in answer.items() if k in props})


@dataclass
class RootsProvider:
    directories: list[Path] = field(default_factory=list)

    async def __call__(self, context: SessionContext) -> types.ListRootsResult | types.ErrorData:
        return types.ListRootsResult(
            roots=[types.Root(uri=FileUrl(p.resolve().as_uri()), name=p.name) for p in self.directories]
        )


@dataclass
class LogSink:
    server_name: str
    records: list[types.LoggingMessageNotificationParams] = field(default_factory=list)

    async def __call__(self, params: types.LoggingMessageNotificationParams) -> None:
        self.records.append(params)
        level = logging.getLevelName(params.level.upper())
        upstream_logger = logging.getLogger(f"relay.upstream.{params.logger or self.server_name}")
        upstream_logger.log(level if isinstance(level, int) else logging.INFO, "%s", params.data)

    def messages(self, level: str | None = None) -> list[Any]:
        return [r.data for r in self.records if level is None or r.level == level]


class ProgressTracker:
    def __init__(self) -> None:
        self.updates: dict[str, list[tuple[float, float | None, str | None]]] = defaultdict(list)

    def callback(self, label: str) -> ProgressFnT:
        async def on_progress(progress: float, total: float | None, message: str | None) -> None:
            self.updates[label].append((progress, total, message))

        return on_progress


IncomingMessage = RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception


class NotificationRouter:
    """``message_handler`` that fans server notifications out to listeners."""

    def __init__(self, server_name: str) -> None:
        self.server_name = server_name
        self.stale: set[str] = set()
        self.errors: list[Exception] = []
        self.progress_tokens: dict[str | int, list[float]] = defaultdict(list)
        self._resource_listeners: list[ResourceListener] = []

    def on_resource_updated(self, listener: ResourceListener) -> None:
        self._resource_listeners.append(listener)

    async def __call__(self, message: IncomingMessage) -> None:
        if isinstance(message, Exception):
            logger.warning("%s: transport error %r", self.server_name, message)
            self.errors.append(message)
            return
        if isinstance(message, RequestResponder):
            return  # sampling/elicitation/roots already have dedicated callbacks

        match message.root:
            case types.ResourceUpdatedNotification(params=params):
                for listener in list(self._resource_listeners):
                    await listener(params.uri)
            case types.ResourceListChangedNotification():
                self.stale.add("resources")
            case types.ToolListChangedNotification():
                self.stale.add("tools")
            case types.PromptListChangedNotification():
                self.stale.add("prompts")
            case types.ProgressNotification(params=params):
                self.progress_tokens[params.progressToken].append(params.progress)
            case _:
                pass
