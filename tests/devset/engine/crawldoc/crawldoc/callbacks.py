"""Answers to server-initiated requests (sampling, elicitation, roots) and notifications."""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

from pydantic import FileUrl

import mcp.types as types
from mcp.client.session import ClientSession
from mcp.shared.context import RequestContext
from mcp.shared.session import RequestResponder

log = logging.getLogger(__name__)

Summarizer = Callable[[str, int], Awaitable[str]]

_SENTENCE = re.compile(r"(?<=[.!?])\s+")


async def extractive_summary(text: str, max_tokens: int) -> str:
    """Offline stand-in for an LLM: keep leading sentences within a rough token budget."""
    body = "\n".join(line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))
    budget = max(1, max_tokens) * 4  # ~4 characters per token
    picked: list[str] = []
    used = 0
    for sentence in _SENTENCE.split(body.strip()):
        if used + len(sentence) > budget and picked:
            break
        picked.append(sentence)
        used += len(sentence) + 1
    return " ".join(picked)[:budget]


class ClientCallbacks:
    """Bundle of callbacks handed to ``ClientSession``."""

    def __init__(
        self,
        *,
        summarizer: Summarizer = extractive_summary,
        answers: dict[str, Any] | None = None,
        roots: Sequence[Path] = (),
        model_name: str = "crawldoc-extractive",
    ) -> None:
        self.summarizer = summarizer
        self.answers = dict(answers or {})
        self.roots = list(roots)
        self.model_name = model_name
        self.sampling_requests = 0
        self.resources_dirty = False
        self.updated_uris: set[str] = set()
        self.server_logs: list[types.LoggingMessageNotificationParams] = []

    async def sampling(
        self,
        context: RequestContext[ClientSession, Any],
        params: types.CreateMessageRequestParams,
    ) -> types.CreateMessageResult | types.ErrorData:
        self.sampling_requests += 1
        texts: list[str] = []
        for message in params.messages:
            for block in message.content_as_list:
                if isinstance(block, types.TextContent):
                    texts.append(block.text)
        if not texts:
            return types.ErrorData(code=types.INVALID_PARAMS, message="crawldoc only samples text content")
        if params.systemPrompt:
            log.debug("ignoring system prompt: %s", params.systemPrompt)
        summary = await self.summarizer("\n\n".join(texts), params.maxTokens)
        return types.CreateMessageResult(
            role="assistant",
            content=types.TextContent(type="text", text=summary),
            model=self.model_name,
            stopReason="endTurn",
        )

    async def elicitation(
        self,
        context: RequestContext[ClientSession, Any],
        params: types.ElicitRequestParams,
    ) -> types.ElicitResult | types.ErrorData:
        if isinstance(params, types.ElicitRequestURLParams):
            # an unattended crawler never opens browsers
            log.info("declining URL elicitation %s: %s", params.elicitationId, params.url)
            return types.ElicitResult(action="decline")
        schema = params.requestedSchema
        content: dict[str, str | int | float | bool | list[str] | None] = {}
        for key, spec in schema.get("properties", {}).items():
            if key in self.answers:
                content[key] = self.answers[key]
            elif "default" in spec:
                content[key] = spec["default"]
        missing = [key for key in schema.get("required", []) if key not in content]
        if missing:
            log.warning("cannot answer elicitation %r, missing %s", params.message, missing)
            return types.ElicitResult(action="decline")
        return types.ElicitResult(action="accept", content=content)

    async def list_roots(self, context: RequestContext[ClientSession, Any]) -> types.ListRootsResult | types.ErrorData:
        return types.ListRootsResult(
            roots=[types.Root(uri=FileUrl(path.resolve().as_uri()), name=path.name) for path in self.roots]
        )

    async def on_log(self, params: types.LoggingMessageNotificationParams) -> None:
        self.server_logs.append(params)
        log.log(logging.WARNING if params.level in ("warning", "error", "critical") else logging.DEBUG, "%s", params.data)

    async def on_message(
        self,
        message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception,
    ) -> None:
        if isinstance(message, Exception):
            log.warning("transport error: %s", message)
            return
        if not isinstance(message, types.ServerNotification):
            return
        notification = message.root
        if isinstance(notification, types.ResourceListChangedNotification):
            self.resources_dirty = True
        elif isinstance(notification, types.ResourceUpdatedNotification):
            self.updated_uris.add(str(notification.params.uri))
