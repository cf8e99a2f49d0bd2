"""Wrappers for the client side of an MCP connection."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from opentelemetry import propagate  # type: ignore[import-not-found]
from opentelemetry.trace import SpanKind, Status, StatusCode  # type: ignore[import-not-found]

from mcp import ClientSession, McpError, types
from mcp.shared.session import BaseSession, ProgressFnT

from otel_mcp_instrumentor import attributes as attrs


def inject_trace_context(meta: types.RequestParams.Meta | None) -> types.RequestParams.Meta:
    """Write the active trace context into a request's `_meta` object."""
    carrier: dict[str, str] = {}
    propagate.inject(carrier)
    if meta is None:
        return types.RequestParams.Meta(**carrier)
    for key, value in carrier.items():
        setattr(meta, key, value)
    return meta


def _ensure_params(root: Any) -> types.RequestParams | None:
    params = getattr(root, "params", None)
    if params is None and isinstance(root, types.ListToolsRequest | types.ListResourcesRequest | types.ListPromptsRequest):
        params = root.params = types.PaginatedRequestParams()
    return params if isinstance(params, types.RequestParams) else None


def wrap_send_request(tracer: Any, original: Callable[..., Awaitable[Any]]) -> Any:
    """Trace every request sent through `BaseSession.send_request`.

    Arguments are forwarded untouched (wrapt style) so the wrapper survives new SDK parameters.
    """

    @functools.wraps(original)
    async def send_request(self: BaseSession[Any, Any, Any, Any, Any], request, *args: Any, **kwargs: Any) -> Any:
        root = request.root
        kind = SpanKind.CLIENT if isinstance(self, ClientSession) else SpanKind.SERVER
        with tracer.start_as_current_span(root.method, kind=kind, attributes=attrs.request_attributes(root)) as span:
            params = _ensure_params(root)
            if params is not None:
                params.meta = inject_trace_context(params.meta)
            timeout: timedelta | None = kwargs.get("request_read_timeout_seconds")
            if timeout is not None:
                span.set_attribute("mcp.request.timeout", timeout.total_seconds())
            try:
                result = await original(self, request, *args, **kwargs)
            except McpError as exc:
                span.set_attribute(attrs.RPC_ERROR_CODE, exc.error.code)
                span.set_status(Status(StatusCode.ERROR, exc.error.message))
                raise
            for key, value in attrs.result_attributes(result).items():
                span.set_attribute(key, value)
            if isinstance(result, types.CallToolResult) and result.isError:
                span.set_status(Status(StatusCode.ERROR, "tool returned isError"))
            return result

    return send_request


def wrap_call_tool(tracer: Any, original: Callable[..., Awaitable[types.CallToolResult]]) -> Any:
    """`execute_tool` span around `ClientSession.call_tool`; trace context goes into `meta`."""

    @functools.wraps(original)
    async def call_tool(
        self: ClientSession,
        name: str,
        arguments: dict[str, Any] | None = None,
        read_timeout_seconds: timedelta | None = None,
        progress_callback: ProgressFnT | None = None,
        *,
        meta: dict[str, Any] | None = None,
    ) -> types.CallToolResult:
        with tracer.start_as_current_span(f"execute_tool {name}", kind=SpanKind.INTERNAL) as span:
            span.set_attribute(attrs.MCP_TOOL_NAME, name)
            carrier: dict[str, str] = {}
            propagate.inject(carrier)
            result = await original(
                self, name, arguments, read_timeout_seconds, progress_callback, meta={**(meta or {}), **carrier}
            )
            span.set_attribute(attrs.MCP_TOOL_IS_ERROR, result.isError)
            return result

    return call_tool


def wrap_received_notification(tracer: Any, original: Callable[..., Awaitable[None]]) -> Any:
    """Record server notifications (logs, progress, resource updates) as CONSUMER spans."""

    @functools.wraps(original)
    async def _received_notification(self: ClientSession, notification: types.ServerNotification) -> None:
        root = notification.root
        with tracer.start_as_current_span(root.method, kind=SpanKind.CONSUMER) as span:
            match root:
                case types.LoggingMessageNotification(params=params):
                    span.set_attribute("mcp.log.level", params.level)
                case types.ProgressNotification(params=params):
                    span.set_attribute(attrs.MCP_PROGRESS_TOKEN, str(params.progressToken))
                    span.set_attribute("mcp.progress", params.progress)
                case types.ResourceUpdatedNotification(params=params):
                    span.set_attribute(attrs.MCP_RESOURCE_URI, str(params.uri))
                case _:
                    pass
            await original(self, notification)

    return _received_notification
