"""Client-side handlers for server-initiated requests and notifications.

One :class:`ClientCallbacks` instance is shared by every session in a hub, so the
handlers record which server asked for what.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import FileUrl

import mcp.types as types
from mcp import ClientSession
from mcp.client.session import MessageHandlerFnT
from mcp.shared.context import RequestContext
from mcp.shared.session import RequestResponder

log = logging.getLogger("switchboard.callbacks")

Sampler = Callable[[str, str | None, int], str]
ServerMessage = RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception


def echo_sampler(prompt: str, system_prompt: str | None, max_tokens: int) -> str:
    """Offline stand-in for a model: echoes the prompt, truncated to `max_tokens` words."""
    text = " ".join(prompt.split()[:max_tokens])
    return f"[{system_prompt}] {text}" if system_prompt else text


@dataclass
class ClientCallbacks:
    sampler: Sampler = echo_sampler
    model_name: str = "switchboard-echo"
    answers: dict[str, Any] = field(default_factory=dict)
    allow_url_elicitation: bool = False
    roots: Sequence[Path] = ()
    events: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    stale: set[str] = field(default_factory=set)

    def _record(self, kind: str, **detail: Any) -> None:
        self.events.append((kind, detail))

    def of_kind(self, kind: str) -> list[dict[str, Any]]:
        return [detail for k, detail in self.events if k == kind]

    # -- server-initiated requests -------------------------------------------------

    async def sampling_callback(
        self,
        context: RequestContext[ClientSession, Any],
        params: types.CreateMessageRequestParams,
    ) -> types.CreateMessageResult | types.ErrorData:
        if params.maxTokens <= 0:
            return types.ErrorData(code=types.INVALID_PARAMS, message="maxTokens must be positive")
        prompt_parts: list[str] = []
        for message in params.messages:
            for block in message.content_as_list:
                if isinstance(block, types.TextContent):
                    prompt_parts.append(block.text)
                elif isinstance(block, types.ImageContent):
                    prompt_parts.append(f"<image {block.mimeType}>")
        text = self.sampler("\n".join(prompt_parts), params.systemPrompt, params.maxTokens)
        stop_reason: types.StopReason = "endTurn"
        for stop in params.stopSequences or []:
            if stop in text:
                text = text.split(stop, 1)[0]
                stop_reason = "stopSequence"
        hints = [h.name for h in (params.modelPreferences.hints or [])] if params.modelPreferences else []
        self._record(
            "sampling",
            request_id=context.request_id,
            progress_token=context.meta.progressToken if context.meta else None,
            max_tokens=params.maxTokens,
            system_prompt=params.systemPrompt,
            include_context=params.includeContext,
            hints=hints,
        )
        return types.CreateMessageResult(
            role="assistant",
            content=types.TextContent(type="text", text=text),
            model=hints[0] if hints and hints[0] else self.model_name,
            stopReason=stop_reason,
        )

    async def elicitation_callback(
        self,
        context: RequestContext[ClientSession, Any],
        params: types.ElicitRequestParams,
    ) -> types.ElicitResult | types.ErrorData:
        if isinstance(params, types.ElicitRequestURLParams):
            self._record("elicit-url", url=params.url, elicitation_id=params.elicitationId)
            return types.ElicitResult(action="accept" if self.allow_url_elicitation else "decline")

        properties: dict[str, Any] = params.requestedSchema.get("properties", {})
        required = set(params.requestedSchema.get("required", []))
        content: dict[str, str | int | float | bool | list[str] | None] = {}
        for name, spec in properties.items():
            if name in self.answers:
                content[name] = self.answers[name]
            elif "default" in spec:
                content[name] = spec["default"]
            elif name in required:
                self._record("elicit-cancel", message=params.message, missing=name)
                return types.ElicitResult(action="cancel")
        self._record("elicit-form", message=params.message, content=dict(content))
        return types.ElicitResult(action="accept", content=content)

    async def list_roots_callback(
        self,
        context: RequestContext[ClientSession, Any],
    ) -> types.ListRootsResult | types.ErrorData:
        self._record("roots", request_id=context.request_id)
        return types.ListRootsResult(
            roots=[types.Root(uri=FileUrl(path.resolve().as_uri()), name=path.name) for path in self.roots]
        )

    # -- notifications ------------------------------------------------------------

    async def logging_callback(self, params: types.LoggingMessageNotificationParams) -> None:
        self._record("log", level=params.level, logger=params.logger, data=params.data)
        log.debug("%s: %s", params.level, params.data)

    def message_handler_for(self, server: str) -> MessageHandlerFnT:
        async def handler(message: ServerMessage) -> None:
            if not isinstance(message, types.ServerNotification):
                if isinstance(message, Exception):
                    self._record("transport-error", server=server, error=repr(message))
                else:
                    self._record("request", server=server, method=message.request.root.method)
                return
            match message.root:
                case types.ToolListChangedNotification():
                    self.stale.add(f"{server}:tools")
                case types.ResourceListChangedNotification():
                    self.stale.add(f"{server}:resources")
                case types.PromptListChangedNotification():
                    self.stale.add(f"{server}:prompts")
                case types.ResourceUpdatedNotification(params=params):
                    self._record("resource-updated", server=server, uri=str(params.uri), host=params.uri.host)
                case types.ProgressNotification(params=params):
                    self._record("progress", server=server, token=params.progressToken, value=params.progress)
                case _:
                    pass

        return handler
