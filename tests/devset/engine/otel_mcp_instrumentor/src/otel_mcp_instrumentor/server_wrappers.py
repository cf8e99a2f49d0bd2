"""Wrappers for lowlevel `Server` and FastMCP request handling."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any

from opentelemetry import context as otel_context  # type: ignore[import-not-found]
from opentelemetry import propagate  # type: ignore[import-not-found]
from opentelemetry.trace import SpanKind, Status, StatusCode  # type: ignore[import-not-found]
from pydantic import AnyUrl

from mcp import types
from mcp.server.fastmcp import Context
from mcp.server.lowlevel.server import Server, request_ctx
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError
from mcp.shared.session import RequestResponder

from otel_mcp_instrumentor import attributes as attrs

HandlerFn = Callable[..., Awaitable[Any]]


def _current_request_attributes() -> dict[str, Any]:
    try:
        ctx = request_ctx.get()
    except LookupError:
        return {}
    result: dict[str, Any] = {attrs.MCP_REQUEST_ID: str(ctx.request_id)}
    headers = getattr(ctx.request, "headers", None)
    if headers is not None and headers.get("mcp-session-id"):
        result[attrs.MCP_SESSION_ID] = headers["mcp-session-id"]
    if ctx.meta is not None and ctx.meta.progressToken is not None:
        result[attrs.MCP_PROGRESS_TOKEN] = str(ctx.meta.progressToken)
    if ctx.session.client_params is not None:
        result["mcp.client.name"] = ctx.session.client_params.clientInfo.name
    return result


def wrap_handle_request(tracer: Any, original: HandlerFn) -> HandlerFn:
    """SERVER span per dispatched request, parented on the trace context found in `_meta`."""

    @functools.wraps(original)
    async def _handle_request(
        self: Server[Any, Any],
        message: RequestResponder[types.ClientRequest, types.ServerResult],
        req: Any,
        session: ServerSession,
        lifespan_context: Any,
        raise_exceptions: bool,
    ) -> Any:
        token = otel_context.attach(propagate.extract(attrs.meta_carrier(message.request_meta)))
        try:
            span_attributes = attrs.request_attributes(message.request.root)
            span_attributes[attrs.MCP_REQUEST_ID] = str(message.request_id)
            span_attributes[attrs.MCP_SERVER_NAME] = self.name
            with tracer.start_as_current_span(req.method, kind=SpanKind.SERVER, attributes=span_attributes) as span:
                span.set_attribute("mcp.request.cancellable", not message.cancelled)
                return await original(self, message, req, session, lifespan_context, raise_exceptions)
        finally:
            otel_context.detach(token)

    return _handle_request


def _traced_handler(tracer: Any, span_name: str, func: HandlerFn, describe: Callable[..., dict[str, Any]]) -> HandlerFn:
    @functools.wraps(func)
    async def handler(*args: Any) -> Any:
        with tracer.start_as_current_span(span_name, kind=SpanKind.INTERNAL) as span:
            for key, value in {**_current_request_attributes(), **describe(*args)}.items():
                span.set_attribute(key, value)
            try:
                return await func(*args)
            except McpError as exc:
                span.set_attribute(attrs.RPC_ERROR_CODE, exc.error.code)
                span.set_status(Status(StatusCode.ERROR, exc.error.message))
                raise

    return handler


def _describe_tool(name: str, arguments: dict[str, Any] | None = None) -> dict[str, Any]:
    return {attrs.MCP_TOOL_NAME: name, "mcp.tool.argument_count": len(arguments or {})}


def _describe_resource(uri: AnyUrl) -> dict[str, Any]:
    return {attrs.MCP_RESOURCE_URI: str(uri), "mcp.resource.scheme": uri.scheme, "mcp.resource.host": uri.host or ""}


def patch_server_decorators(tracer: Any) -> dict[str, Any]:
    """Replacements for `Server.call_tool()` / `Server.read_resource()` that wrap every
    handler registered afterwards (FastMCP registers its handlers the same way)."""
    original_call_tool = Server.call_tool
    original_read_resource = Server.read_resource

    def call_tool(self: Server[Any, Any], *, validate_input: bool = True) -> Callable[[HandlerFn], HandlerFn]:
        register = original_call_tool(self, validate_input=validate_input)

        def decorator(func: HandlerFn) -> HandlerFn:
            register(_traced_handler(tracer, "tools/call", func, _describe_tool))
            return func

        return decorator

    def read_resource(self: Server[Any, Any]) -> Callable[[HandlerFn], HandlerFn]:
        register = original_read_resource(self)

        def decorator(func: HandlerFn) -> HandlerFn:
            register(_traced_handler(tracer, "resources/read", func, _describe_resource))
            return func

        return decorator

    return {"call_tool": call_tool, "read_resource": read_resource}


def wrap_tool_manager_call(tracer: Any, original: HandlerFn) -> HandlerFn:
    """Annotate FastMCP tool execution with server and client details."""

    @functools.wraps(original)
    async def call_tool(
        self: Any,
        name: str,
        arguments: dict[str, Any],
        context: Context[ServerSession, Any, Any] | None = None,
        convert_result: bool = False,
    ) -> Any:
        with tracer.start_as_current_span(f"fastmcp.tool {name}", kind=SpanKind.INTERNAL) as span:
            if context is not None:
                span.set_attribute(attrs.MCP_SERVER_NAME, context.fastmcp.name)
                span.set_attribute(attrs.MCP_REQUEST_ID, context.request_id)
                if context.client_id:
                    span.set_attribute("mcp.client.id", context.client_id)
            return await original(self, name, arguments, context=context, convert_result=convert_result)

    return call_tool
