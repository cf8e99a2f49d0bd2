"""Relays sampling, elicitation, roots, logs and progress from an upstream to
whichever downstream client is waiting on the call that triggered them."""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Literal

import mcp.types as types
from mcp.client.session import ClientSession
from mcp.server.fastmcp import Context
from mcp.server.session import ServerSession
from mcp.shared.context import RequestContext
from mcp.shared.exceptions import McpError
from mcp.shared.session import ProgressFnT

logger = logging.getLogger(__name__)

_CTX_LEVELS: dict[str, Literal["debug", "info", "warning", "error"]] = {
    "debug": "debug",
    "info": "info",
    "notice": "info",
    "warning": "warning",
}


class DownstreamBridge:
    def __init__(self, upstream: str) -> None:
        self.upstream = upstream
        self.current: Context[ServerSession, Any] | None = None
        self.relayed: Counter[str] = Counter()

    @contextmanager
    def bind(self, ctx: Context[ServerSession, Any] | None) -> Iterator[None]:
        previous, self.current = self.current, ctx
        try:
            yield
        finally:
            self.current = previous

    def _caller(self, what: str, capability: types.ClientCapabilities) -> Context[ServerSession, Any] | types.ErrorData:
        if self.current is None:
            return types.ErrorData(code=types.INVALID_REQUEST, message=f"{self.upstream} requested {what} outside a call")
        if not self.current.session.check_client_capability(capability):
            return types.ErrorData(code=types.INVALID_REQUEST, message=f"{what} not supported by the calling client")
        self.relayed[what] += 1
        return self.current

    async def sampling(
        self, context: RequestContext[ClientSession, Any], params: types.CreateMessageRequestParams
    ) -> types.CreateMessageResult | types.ErrorData:
        ctx = self._caller("sampling", types.ClientCapabilities(sampling=types.SamplingCapability()))
        if isinstance(ctx, types.ErrorData):
            return ctx
        if params.tools or params.toolChoice:
            return types.ErrorData(code=types.INVALID_PARAMS, message="Tool-enabled sampling is not relayed by the hub")
        logger.debug("relaying sampling request %s from %s", context.request_id, self.upstream)
        try:
            return await ctx.session.create_message(
                messages=params.messages,
                max_tokens=params.maxTokens,
                system_prompt=params.systemPrompt,
                include_context=params.includeContext,
                temperature=params.temperature,
                stop_sequences=params.stopSequences,
                metadata={**(params.metadata or {}), "hubUpstream": self.upstream},
                model_preferences=params.modelPreferences,
                related_request_id=ctx.request_id,
            )
        except McpError as exc:
            return exc.error

    async def elicitation(
        self, context: RequestContext[ClientSession, Any], params: types.ElicitRequestParams
    ) -> types.ElicitResult | types.ErrorData:
        ctx = self._caller("elicitation", types.ClientCapabilities(elicitation=types.ElicitationCapability()))
        if isinstance(ctx, types.ErrorData):
            return ctx
        try:
            if isinstance(params, types.ElicitRequestURLParams):
                return await ctx.session.elicit_url(
                    params.message, params.url, elicitation_id=params.elicitationId, related_request_id=ctx.request_id
                )
            return await ctx.session.elicit_form(
                message=f"[{self.upstream}] {params.message}",
                requestedSchema=params.requestedSchema,
                related_request_id=ctx.request_id,
            )
        except McpError as exc:
            return exc.error

    async def list_roots(self, context: RequestContext[ClientSession, Any]) -> types.ListRootsResult | types.ErrorData:
        ctx = self._caller("roots", types.ClientCapabilities(roots=types.RootsCapability()))
        if isinstance(ctx, types.ErrorData):
            return ctx
        return await ctx.session.list_roots()

    async def log(self, params: types.LoggingMessageNotificationParams) -> None:
        text = params.data if isinstance(params.data, str) else json.dumps(params.data, default=str)
        logger_name = f"{self.upstream}.{params.logger}" if params.logger else self.upstream
        if self.current is None:
            logger.info("[%s] %s: %s", logger_name, params.level, text)
            return
        self.relayed["log"] += 1
        await self.current.log(_CTX_LEVELS.get(params.level, "error"), text, logger_name=logger_name)

    def progress_forwarder(self, ctx: Context[ServerSession, Any]) -> ProgressFnT:
        async def forward(progress: float, total: float | None, message: str | None) -> None:
            self.relayed["progress"] += 1
            await ctx.report_progress(progress, total, message)

        return forward
