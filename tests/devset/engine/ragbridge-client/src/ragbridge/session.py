"""A ClientSession subclass with tracing plus the client-side callbacks."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import mcp.types as types
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream
from mcp import ClientSession
from mcp.shared.context import RequestContext
from mcp.shared.message import MessageMetadata, SessionMessage
from mcp.shared.session import ProgressFnT, ReceiveResultT, RequestResponder

log = logging.getLogger("ragbridge.session")

LlmFn = Callable[[str, int], Awaitable[str]]


class TracingClientSession(ClientSession):
    """Counts outbound requests per method and records server notifications."""

    def __init__(
        self,
        read_stream: MemoryObjectReceiveStream[SessionMessage | Exception],
        write_stream: MemoryObjectSendStream[SessionMessage],
        *,
        llm: LlmFn | None = None,
        roots: list[Path] | None = None,
        auto_elicit: dict[str, Any] | None = None,
        default_timeout: timedelta = timedelta(seconds=30),
    ) -> None:
        self.method_counts: Counter[str] = Counter()
        self.server_logs: list[str] = []
        self.notifications: list[str] = []
        self._llm = llm
        self._roots = roots or []
        self._auto_elicit = auto_elicit
        super().__init__(
            read_stream,
            write_stream,
            read_timeout_seconds=default_timeout,
            sampling_callback=self._on_sampling,
            elicitation_callback=self._on_elicit,
            list_roots_callback=self._on_list_roots,
            logging_callback=self._on_log,
            message_handler=self._on_message,
            client_info=types.Implementation(name="ragbridge", version="0.4.0"),
        )

    async def send_request(
        self,
        request: types.ClientRequest,
        result_type: type[ReceiveResultT],
        request_read_timeout_seconds: timedelta | None = None,
        metadata: MessageMetadata = None,
        progress_callback: ProgressFnT | None = None,
    ) -> ReceiveResultT:
        self.method_counts[request.root.method] += 1
        log.debug("-> %s", request.root.method)
        return await super().send_request(
            request, result_type, request_read_timeout_seconds, metadata, progress_callback
        )

    async def _on_sampling(
        self, context: RequestContext[ClientSession, Any], params: types.CreateMessageRequestParams
    ) -> types.CreateMessageResult | types.ErrorData:
        if self._llm is None:
            return types.ErrorData(code=types.INVALID_REQUEST, message="sampling not configured")
        prompt = "\n".join(
            m.content.text for m in params.messages if isinstance(m.content, types.TextContent)
        )
        text = await self._llm(prompt, params.maxTokens)
        return types.CreateMessageResult(
            role="assistant",
            content=types.TextContent(type="text", text=text),
            model="ragbridge-local",
            stopReason="endTurn",
        )

    async def _on_elicit(
        self, context: RequestContext[ClientSession, Any], params: types.ElicitRequestParams
    ) -> types.ElicitResult | types.ErrorData:
        if self._auto_elicit is None:
            return types.ElicitResult(action="decline")
        return types.ElicitResult(action="accept", content=self._auto_elicit)

    async def _on_list_roots(self, context: RequestContext[ClientSession, Any]) -> types.ListRootsResult:
        return types.ListRootsResult(
            roots=[types.Root(uri=types.FileUrl(p.resolve().as_uri()), name=p.name) for p in self._roots]
        )

    async def _on_log(self, params: types.LoggingMessageNotificationParams) -> None:
        self.server_logs.append(f"{params.level}:{params.logger or '-'}:{params.data}")

    async def _on_message(
        self,
        message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception,
    ) -> None:
        if isinstance(message, Exception):
            log.warning("transport error: %s", message)
            return
        if isinstance(message, types.ServerNotification):
            inner = message.root
            self.notifications.append(inner.method)
            if isinstance(inner, types.ResourceUpdatedNotification):
                log.info("resource changed: %s (host=%s)", inner.params.uri, inner.params.uri.host)
