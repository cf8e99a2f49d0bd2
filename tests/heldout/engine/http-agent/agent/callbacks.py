"""Client-side handlers for server-initiated requests (sampling, elicitation, roots)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mcp import ClientSession, types
from mcp.shared.context import RequestContext
from pydantic import FileUrl

from .llm import ChatMessage, LLMClient

logger = logging.getLogger(__name__)


class ClientHandlers:
    def __init__(self, llm: LLMClient, workspace: Path, auto_approve: bool = False) -> None:
        self.llm = llm
        self.workspace = workspace
        self.auto_approve = auto_approve

    async def sampling(
        self,
        context: RequestContext[ClientSession, Any],
        params: types.CreateMessageRequestParams,
    ) -> types.CreateMessageResult | types.ErrorData:
        logger.info("server %s requested sampling (request %s)", id(context.session), context.request_id)
        history: list[ChatMessage] = []
        for message in params.messages:
            content = message.content
            if isinstance(content, types.TextContent):
                history.append(ChatMessage(role=message.role, content=content.text))
            else:
                return types.ErrorData(code=types.INVALID_PARAMS, message="only text sampling is supported")
        reply = await self.llm.chat(history, max_tokens=params.maxTokens, system=params.systemPrompt)
        return types.CreateMessageResult(
            role="assistant",
            content=types.TextContent(type="text", text=reply.content or ""),
            model=self.llm.model,
            stopReason="endTurn",
        )

    async def elicitation(
        self,
        context: RequestContext[ClientSession, Any],
        params: types.ElicitRequestParams,
    ) -> types.ElicitResult | types.ErrorData:
        if isinstance(params, types.ElicitRequestURLParams):
            print(f"\nThe server asks you to open: {params.url}\n  ({params.message})")
            return types.ElicitResult(action="accept" if self.auto_approve else "decline")
        print(f"\n{params.message}")
        answers: dict[str, str | int | float | bool | list[str] | None] = {}
        for field_name, spec in params.requestedSchema.get("properties", {}).items():
            raw = input(f"  {field_name} ({spec.get('type', 'string')}): ").strip()
            if not raw:
                return types.ElicitResult(action="cancel")
            if spec.get("type") == "integer":
                answers[field_name] = int(raw)
            elif spec.get("type") == "boolean":
                answers[field_name] = raw.lower() in ("y", "yes", "true", "1")
            else:
                answers[field_name] = raw
        return types.ElicitResult(action="accept", content=answers)

    async def list_roots(self, context: RequestContext[ClientSession, Any]) -> types.ListRootsResult:
        return types.ListRootsResult(
            roots=[types.Root(uri=FileUrl(self.workspace.resolve().as_uri()), name=self.workspace.name)]
        )

    async def logging(self, params: types.LoggingMessageNotificationParams) -> None:
        level = getattr(logging, params.level.upper(), logging.INFO)
        logger.log(level, "[%s] %s", params.logger or "server", params.data)
