"""Client-side handlers for server-initiated requests and notifications."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import FileUrl

from mcp import ClientSession
from mcp.shared.context import RequestContext
from mcp.shared.session import RequestResponder
from mcp.types import (
    INVALID_REQUEST,
    ClientResult,
    CreateMessageRequestParams,
    CreateMessageResult,
    ElicitRequestFormParams,
    ElicitRequestParams,
    ElicitResult,
    ErrorData,
    ListRootsResult,
    LoggingMessageNotificationParams,
    Root,
    ServerNotification,
    ServerRequest,
    TextContent,
)


def _err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


class InspectorCallbacks:
    def __init__(self, roots: list[str], auto_approve: bool = False, verbose: bool = False) -> None:
        self.roots = roots
        self.auto_approve = auto_approve
        self.verbose = verbose

    async def sampling(
        self, context: RequestContext[ClientSession, Any], params: CreateMessageRequestParams
    ) -> CreateMessageResult | ErrorData:
        _err(f"<< sampling request (maxTokens={params.maxTokens}, system={params.systemPrompt!r})")
        for message in params.messages:
            if isinstance(message.content, TextContent):
                _err(f"   {message.role}: {message.content.text}")
        if not self.auto_approve:
            return ErrorData(code=INVALID_REQUEST, message="sampling not approved by inspector user")
        return CreateMessageResult(
            role="assistant",
            content=TextContent(type="text", text="[inspector] canned completion"),
            model="mcp-inspect",
            stopReason="endTurn",
        )

    async def elicitation(
        self, context: RequestContext[ClientSession, Any], params: ElicitRequestParams
    ) -> ElicitResult | ErrorData:
        _err(f"<< elicitation request #{context.request_id}: {params.message}")
        if not isinstance(params, ElicitRequestFormParams):
            _err(f"   url: {params.url}")
            return ElicitResult(action="decline")
        if not self.auto_approve:
            return ElicitResult(action="cancel")
        properties: dict[str, Any] = params.requestedSchema.get("properties", {})
        defaults = {k: v.get("default") for k, v in properties.items() if "default" in v}
        return ElicitResult(action="accept", content=defaults)

    async def list_roots(self, context: RequestContext[ClientSession, Any]) -> ListRootsResult:
        return ListRootsResult(
            roots=[Root(uri=FileUrl(Path(r).resolve().as_uri()), name=Path(r).name) for r in self.roots]
        )

    async def logging(self, params: LoggingMessageNotificationParams) -> None:
        data = params.data if isinstance(params.data, str) else json.dumps(params.data)
        _err(f"[{params.level}] {params.logger or 'server'}: {data}")

    async def message_handler(
        self,
        message: RequestResponder[ServerRequest, ClientResult] | ServerNotification | Exception,
    ) -> None:
        if isinstance(message, Exception):
            _err(f"!! {type(message).__name__}: {message}")
        elif isinstance(message, ServerNotification) and self.verbose:
            notification = message.root
            _err(f"<< {notification.method} {notification.model_dump_json(exclude_none=True)}")
