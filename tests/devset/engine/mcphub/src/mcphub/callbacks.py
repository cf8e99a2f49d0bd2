"""Client-side callbacks shared by every hub connection."""

from __future__ import annotations

import logging
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from mcp import ClientSession
from mcp import types
from mcp.shared.context import RequestContext
from mcp.shared.session import RequestResponder
from pydantic import FileUrl

log = logging.getLogger("mcphub.server")

_LEVELS = {"notice": logging.INFO, "alert": logging.CRITICAL, "emergency": logging.CRITICAL}

# A completer takes (system prompt, transcript, max tokens) and returns (text, model name).
Completer = Callable[[str | None, list[tuple[str, str]], int], Awaitable[tuple[str, str]]]


class HubCallbacks:
    def __init__(self, completer: Completer | None = None, roots: list[Path] | None = None) -> None:
        self.completer = completer
        self.roots = roots or [Path.cwd()]
        self.stale_servers: set[str] = set()
        self.updated_uris: list[str] = []

    async def on_log(self, params: types.LoggingMessageNotificationParams) -> None:
        level = _LEVELS.get(params.level) or logging.getLevelName(params.level.upper())
        log.log(level, "[%s] %s", params.logger or "server", params.data)

    async def on_message(
        self,
        message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception,
    ) -> None:
        if isinstance(message, Exception):
            log.warning("transport error: %s", message)
            return
        if isinstance(message, RequestResponder):
            return
        match message.root:
            case types.ToolListChangedNotification() | types.PromptListChangedNotification():
                self.stale_servers.add("*")
            case types.ResourceUpdatedNotification(params=params):
                self.updated_uris.append(str(params.uri))
            case types.ResourceListChangedNotification():
                self.stale_servers.add("resources")
            case _:
                pass

    async def on_sample(
        self,
        context: RequestContext[ClientSession, Any],
        params: types.CreateMessageRequestParams,
    ) -> types.CreateMessageResult | types.ErrorData:
        if self.completer is None:
            return types.ErrorData(code=types.INVALID_REQUEST, message="mcphub has no LLM configured")
        transcript: list[tuple[str, str]] = []
        for msg in params.messages:
            for block in msg.content_as_list:
                if isinstance(block, types.TextContent):
                    transcript.append((msg.role, block.text))
        hints = params.modelPreferences.hints if params.modelPreferences and params.modelPreferences.hints else []
        log.debug("sampling request %s, model hints %s", context.request_id, [h.name for h in hints])
        text, model = await self.completer(params.systemPrompt, transcript, params.maxTokens)
        return types.CreateMessageResult(
            role="assistant",
            content=types.TextContent(type="text", text=text),
            model=model,
            stopReason="endTurn",
        )

    async def on_list_roots(self, context: RequestContext[ClientSession, Any]) -> types.ListRootsResult:
        return types.ListRootsResult(
            roots=[types.Root(uri=FileUrl(p.resolve().as_uri()), name=p.name or str(p)) for p in self.roots]
        )


class ProgressPrinter:
    def __init__(self, label: str) -> None:
        self.label = label

    async def __call__(self, progress: float, total: float | None, message: str | None) -> None:
        pct = f"{100 * progress / total:5.1f}%" if total else f"{progress:g}"
        sys.stderr.write(f"\r{self.label}: {pct} {message or ''}")
        sys.stderr.flush()
