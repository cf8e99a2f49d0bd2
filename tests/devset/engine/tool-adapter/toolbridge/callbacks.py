"""Client-side callbacks: answering server sampling, elicitation and roots requests.

The agent's own chat model answers ``sampling/createMessage``; a form filler
answers elicitation; roots come from the workspace directories.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

from pydantic import FileUrl

import mcp.types as types
from mcp import ClientSession
from mcp.client.session import ElicitationFnT, ListRootsFnT, LoggingFnT, SamplingFnT
from mcp.shared.context import RequestContext

from .framework import ChatMessage, ContentPart

logger = logging.getLogger(__name__)

ChatModel = Callable[[list[ChatMessage], int], Awaitable[str]]
FormFiller = Callable[[str, dict[str, Any]], Awaitable[dict[str, Any] | None]]


def sampling_message_to_chat(message: types.SamplingMessage) -> ChatMessage:
    parts: list[ContentPart] = []
    for block in message.content_as_list:
        if isinstance(block, types.TextContent):
            parts.append(ContentPart.of_text(block.text))
        elif isinstance(block, (types.ImageContent, types.AudioContent)):
            kind = "image" if isinstance(block, types.ImageContent) else "audio"
            parts.append(ContentPart(type=kind, data=block.data, mimeType=block.mimeType))
        else:
            parts.append(ContentPart.of_json(block.model_dump(mode="json")))
    return ChatMessage(role=message.role, parts=parts)


def sampling_callback_from_model(model: ChatModel, *, model_name: str = "toolbridge-agent") -> SamplingFnT:
    async def sampling_callback(
        context: RequestContext[ClientSession, Any],
        params: types.CreateMessageRequestParams,
    ) -> types.CreateMessageResult | types.CreateMessageResultWithTools | types.ErrorData:
        history = [sampling_message_to_chat(m) for m in params.messages]
        system_prompt, budget = params.systemPrompt, params.maxTokens
        if system_prompt:
            history.insert(0, ChatMessage(role="system", parts=[ContentPart.of_text(system_prompt)]))
        logger.debug("sampling request %s with %d messages", context.request_id, len(history))
        try:
            text = await model(history, budget)
        except Exception as exc:
            return types.ErrorData(code=types.INTERNAL_ERROR, message=f"model failed: {exc}")
        stop_reason = "maxTokens" if len(text.split()) >= budget else "endTurn"
        for stop in params.stopSequences or []:
            if stop in text:
                text = text.split(stop, 1)[0]
                stop_reason = "stopSequence"
                break
        return types.CreateMessageResult(
            role="assistant",
            content=types.TextContent(type="text", text=text),
            model=model_name,
            stopReason=stop_reason,
        )

    return sampling_callback


def elicitation_callback_from_filler(filler: FormFiller) -> ElicitationFnT:
    async def elicitation_callback(
        context: RequestContext[ClientSession, Any],
        params: types.ElicitRequestParams,
    ) -> types.ElicitResult | types.ErrorData:
        if isinstance(params, types.ElicitRequestURLParams):
            logger.info("server asked the user to open %s", params.url)
            return types.ElicitResult(action="decline")
        schema = params.requestedSchema
        answer = await filler(params.message, schema)
        if answer is None:
            return types.ElicitResult(action="cancel")
        properties: dict[str, Any] = schema.get("properties", {})
        unknown = set(answer) - set(properties)
        if unknown:
            return types.ErrorData(code=types.INVALID_PARAMS, message=f"unexpected fields {sorted(unknown)}")
        return types.ElicitResult(action="accept", content=answer)

    return elicitation_callback


def roots_callback_from_paths(paths: Sequence[str | Path]) -> ListRootsFnT:
    roots = [types.Root(uri=FileUrl(Path(p).resolve().as_uri()), name=Path(p).name or str(p)) for p in paths]

    async def list_roots_callback(context: RequestContext[ClientSession, Any]) -> types.ListRootsResult | types.ErrorData:
        return types.ListRootsResult(roots=list(roots))

    return list_roots_callback


class LogCollector:
    """Collects ``notifications/message`` entries per server and mirrors them to logging."""

    _LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "notice": logging.INFO, "warning": logging.WARNING}

    def __init__(self) -> None:
        self.records: list[tuple[str, str, Any]] = []

    def for_server(self, server_name: str) -> LoggingFnT:
        async def logging_callback(params: types.LoggingMessageNotificationParams) -> None:
            self.records.append((server_name, params.level, params.data))
            level = self._LEVELS.get(params.level, logging.ERROR)
            logging.getLogger(f"toolbridge.remote.{params.logger or server_name}").log(level, "%s", params.data)

        return logging_callback

    def messages(self, server_name: str | None = None) -> list[Any]:
        return [data for name, _, data in self.records if server_name is None or name == server_name]
