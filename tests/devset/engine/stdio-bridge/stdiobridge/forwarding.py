"""Relaying upstream-initiated traffic to the local (stdio) client.

The upstream server can talk to us at any time: notifications (logging,
progress, list_changed, resource updates) and requests (sampling, elicitation,
roots).  All of them are re-issued on the downstream ``ServerSession``.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from typing import Any, TypeAlias

import mcp.types as types
from mcp.client.session import ClientSession
from mcp.server.session import ServerSession
from mcp.shared.context import RequestContext
from mcp.shared.exceptions import McpError
from mcp.shared.session import RequestResponder

logger = logging.getLogger(__name__)

Notice: TypeAlias = types.ServerNotificationType
UpstreamMessage = RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception


class NotificationRelay:
    """Copies upstream notifications onto the downstream session.

    The downstream ``ServerSession`` only becomes known once the local client
    sends its first request, so anything that arrives earlier is buffered.
    """

    def __init__(self, *, buffer_size: int = 64, logger_prefix: str = "upstream") -> None:
        self.downstream: ServerSession | None = None
        self.logger_prefix = logger_prefix
        self._pending: deque[Notice] = deque(maxlen=buffer_size)
        self.forwarded: list[str] = []
        self.on_tools_changed: list[Callable[[], None]] = []
        self.transport_errors: list[Exception] = []

    async def bind(self, session: ServerSession) -> None:
        if self.downstream is session:
            return
        self.downstream = session
        while self._pending:
            await self._deliver(self._pending.popleft())

    async def message_handler(self, message: UpstreamMessage) -> None:
        match message:
            case Exception():
                logger.warning("upstream transport error: %s", message)
                self.transport_errors.append(message)
            case types.ServerNotification(root=types.LoggingMessageNotification()):
                # already relayed through logging_callback
                return
            case types.ServerNotification(root=notification):
                if isinstance(notification, types.ToolListChangedNotification):
                    for callback in self.on_tools_changed:
                        callback()
                await self._enqueue(notification)
            case _:
                # sampling / elicitation / roots requests are answered by the typed callbacks
                return

    async def logging_callback(self, params: types.LoggingMessageNotificationParams) -> None:
        name = f"{self.logger_prefix}.{params.logger}" if params.logger else self.logger_prefix
        await self._enqueue(
            types.LoggingMessageNotification(
                method="notifications/message",
                params=types.LoggingMessageNotificationParams(level=params.level, logger=name, data=params.data),
            )
        )

    async def _enqueue(self, notification: Notice) -> None:
        if self.downstream is None:
            self._pending.append(notification)
            return
        await self._deliver(notification)

    async def _deliver(self, notification: Notice) -> None:
        session = self.downstream
        assert session is not None
        match notification:
            case types.ToolListChangedNotification():
                await session.send_tool_list_changed()
            case types.ResourceListChangedNotification():
                await session.send_resource_list_changed()
            case types.PromptListChangedNotification():
                await session.send_prompt_list_changed()
            case types.ResourceUpdatedNotification(params=params):
                await session.send_resource_updated(params.uri)
            case types.LoggingMessageNotification(params=params):
                await session.send_log_message(level=params.level, data=params.data, logger=params.logger)
            case types.ProgressNotification() | types.CancelledNotification():
                # progress is routed per request by the call_tool progress relay
                return
            case _:
                await session.send_notification(types.ServerNotification(notification))
        self.forwarded.append(notification.method)


class CallbackRelay:
    """Answers upstream server->client requests by asking the downstream client."""

    def __init__(self, relay: NotificationRelay, *, default_max_tokens: int = 1024) -> None:
        self.relay = relay
        self.default_max_tokens = default_max_tokens
        self.requests: list[str] = []

    def _downstream(self, capability: types.ClientCapabilities) -> ServerSession | None:
        session = self.relay.downstream
        if session is None or not session.check_client_capability(capability):
            return None
        return session

    async def sampling(
        self,
        context: RequestContext[ClientSession, Any],
        params: types.CreateMessageRequestParams,
    ) -> types.CreateMessageResult | types.ErrorData:
        self.requests.append("sampling/createMessage")
        session = self._downstream(types.ClientCapabilities(sampling=types.SamplingCapability()))
        if session is None:
            return types.ErrorData(code=types.INVALID_REQUEST, message="local client does not support sampling")
        try:
            return await session.create_message(
                params.messages,
                max_tokens=params.maxTokens or self.default_max_tokens,
                system_prompt=params.systemPrompt,
                include_context=params.includeContext,
                temperature=params.temperature,
                stop_sequences=params.stopSequences,
                metadata=params.metadata,
                model_preferences=params.modelPreferences,
            )
        except McpError as exc:
            return exc.error

    async def elicitation(
        self,
        context: RequestContext[ClientSession, Any],
        params: types.ElicitRequestParams,
    ) -> types.ElicitResult | types.ErrorData:
        self.requests.append("elicitation/create")
        session = self._downstream(types.ClientCapabilities(elicitation=types.ElicitationCapability()))
        if session is None:
            return types.ElicitResult(action="decline")
        try:
            if isinstance(params, types.ElicitRequestFormParams):
                return await session.elicit_form(message=params.message, requestedSchema=params.requestedSchema)
            return await session.elicit_url(
                message=params.message, url=params.url, elicitation_id=params.elicitationId
            )
        except McpError as exc:
            return exc.error

    async def list_roots(self, context: RequestContext[ClientSession, Any]) -> types.ListRootsResult | types.ErrorData:
        self.requests.append("roots/list")
        session = self._downstream(types.ClientCapabilities(roots=types.RootsCapability()))
        if session is None:
            return types.ListRootsResult(roots=[])
        try:
            return await session.list_roots()
        except McpError as exc:
            return exc.error
