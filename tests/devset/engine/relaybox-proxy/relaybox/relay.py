"""Upstream -> downstream forwarding of notifications and server requests.

An upstream ``ClientSession`` is created before the proxy ``Server`` exists,
so the relay is handed to the session as its ``message_handler`` (and request
callbacks) up front; the downstream ``ServerSession`` is bound later, the
first time a downstream request reaches the proxy.
"""

from __future__ import annotations

import logging
from typing import Any

import anyio
import mcp.types as types
from mcp import ClientSession
from mcp.server.session import ServerSession
from mcp.shared.context import RequestContext
from mcp.shared.exceptions import McpError
from mcp.shared.session import RequestResponder

logger = logging.getLogger(__name__)

UpstreamMessage = RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception


def unwrap(notification: types.ServerNotification) -> types.ServerNotificationType:
    """The concrete notification inside the ``ServerNotification`` envelope."""
    return notification.root


class NotificationRelay:
    """Forward what an upstream server pushes to whichever client is attached."""

    def __init__(self, upstream_name: str = "upstream") -> None:
        self.upstream_name = upstream_name
        self.downstream: ServerSession | None = None
        self.forwarded: list[str] = []
        self.dropped: int = 0
        self.errors: list[Exception] = []

    def bind(self, session: ServerSession) -> None:
        if self.downstream is not session:
            logger.debug("relay %s bound to a new downstream session", self.upstream_name)
            self.downstream = session

    async def __call__(self, message: UpstreamMessage) -> None:
        if isinstance(message, Exception):
            logger.warning("upstream %s transport error: %s", self.upstream_name, message)
            self.errors.append(message)
            return
        if isinstance(message, RequestResponder):
            # Requests are answered by the dedicated callbacks below.
            return
        await self.forward_notification(message)

    async def forward_notification(self, notification: types.ServerNotification) -> None:
        downstream = self.downstream
        if downstream is None:
            self.dropped += 1
            return

        inner = unwrap(notification)
        try:
            match inner:
                case types.ResourceUpdatedNotification(params=params):
                    await downstream.send_resource_updated(params.uri)
                case types.ResourceListChangedNotification():
                    await downstream.send_resource_list_changed()
                case types.ToolListChangedNotification():
                    await downstream.send_tool_list_changed()
                case types.PromptListChangedNotification():
                    await downstream.send_prompt_list_changed()
                case types.LoggingMessageNotification(params=params):
                    await downstream.send_log_message(
                        level=params.level,
                        data=params.data,
                        logger=f"{self.upstream_name}/{params.logger}" if params.logger else self.upstream_name,
                    )
                case types.ProgressNotification():
                    # Progress is routed per request via progress_callback.
                    return
                case types.CancelledNotification():
                    return
                case other:
                    await downstream.send_notification(types.ServerNotification(other))
        except (anyio.ClosedResourceError, anyio.BrokenResourceError):
            logger.info("downstream went away; detaching relay for %s", self.upstream_name)
            self.downstream = None
            self.dropped += 1
            return

        self.forwarded.append(inner.method)

    # -- server -> client requests -------------------------------------------------

    async def sampling(
        self,
        context: RequestContext[ClientSession, Any],
        params: types.CreateMessageRequestParams,
    ) -> types.CreateMessageResult | types.ErrorData:
        downstream = self.downstream
        if downstream is None:
            return types.ErrorData(code=types.INVALID_REQUEST, message="No downstream client attached")
        try:
            return await downstream.create_message(
                messages=params.messages,
                max_tokens=params.maxTokens,
                system_prompt=params.systemPrompt,
                temperature=params.temperature,
                stop_sequences=params.stopSequences,
                metadata=params.metadata,
            )
        except McpError as exc:
            return exc.error

    async def elicitation(
        self,
        context: RequestContext[ClientSession, Any],
        params: types.ElicitRequestParams,
    ) -> types.ElicitResult | types.ErrorData:
        downstream = self.downstream
        if downstream is None:
            return types.ErrorData(code=types.INVALID_REQUEST, message="No downstream client attached")
        try:
            if isinstance(params, types.ElicitRequestFormParams):
                return await downstream.elicit_form(message=params.message, requestedSchema=params.requestedSchema)
            return await downstream.elicit_url(
                message=params.message, url=params.url, elicitation_id=params.elicitationId
            )
        except McpError as exc:
            return exc.error

    async def list_roots(self, context: RequestContext[ClientSession, Any]) -> types.ListRootsResult | types.ErrorData:
        downstream = self.downstream
        if downstream is None:
            return types.ListRootsResult(roots=[])
        caps = downstream.client_params.capabilities if downstream.client_params else None
        if caps is None or caps.roots is None:
            return types.ListRootsResult(roots=[])
        try:
            return await downstream.list_roots()
        except McpError as exc:
            return exc.error
