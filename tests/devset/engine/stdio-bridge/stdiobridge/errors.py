"""Translate upstream failures into something the local client can act on.

The upstream is reached over HTTP, so failures come in three flavours:
protocol errors (``McpError`` carrying ``ErrorData``), transport errors from
httpx, and our own per-request timeouts.  Tool calls surface all of them as
``isError`` results so the model can see what happened; every other request
type gets a JSON-RPC error with a stable code.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import anyio
import httpx
from mcp.shared.exceptions import McpError
from mcp.types import (
    CONNECTION_CLOSED,
    INTERNAL_ERROR,
    INVALID_PARAMS,
    INVALID_REQUEST,
    METHOD_NOT_FOUND,
    CallToolResult,
    Content,
    ErrorData,
    TextContent,
)

logger = logging.getLogger(__name__)

# streamable HTTP reports an expired upstream session with this (positive) code
SESSION_TERMINATED = 32600
UPSTREAM_UNAVAILABLE = -32050


@dataclass(frozen=True)
class Failure:
    """A classified upstream failure."""

    error: ErrorData
    retryable: bool
    reconnect: bool = False

    @property
    def code(self) -> int:
        return self.error.code


def is_timeout(exc: BaseException) -> bool:
    return isinstance(exc, McpError) and exc.error.code == httpx.codes.REQUEST_TIMEOUT


def is_session_expired(exc: BaseException) -> bool:
    return isinstance(exc, McpError) and exc.error.code == SESSION_TERMINATED


def classify(exc: BaseException, *, method: str = "request") -> Failure:
    if isinstance(exc, McpError):
        err = exc.error
        if err.code == httpx.codes.REQUEST_TIMEOUT:
            return Failure(
                ErrorData(code=err.code, message=f"upstream did not answer {method} in time", data=err.message),
                retryable=True,
            )
        if err.code == SESSION_TERMINATED:
            return Failure(
                ErrorData(code=INVALID_REQUEST, message="upstream session expired", data={"reconnect": True}),
                retryable=True,
                reconnect=True,
            )
        if err.code == CONNECTION_CLOSED:
            return Failure(err, retryable=False, reconnect=True)
        # METHOD_NOT_FOUND, INVALID_PARAMS, ... pass straight through
        return Failure(err, retryable=False)
    if isinstance(exc, httpx.HTTPStatusError):
        status = exc.response.status_code
        return Failure(
            ErrorData(
                code=INTERNAL_ERROR,
                message=f"upstream returned HTTP {status}",
                data={"status": status, "url": str(exc.request.url)},
            ),
            retryable=status >= 500,
            reconnect=status in (404, 410),
        )
    if isinstance(exc, httpx.ConnectError | httpx.ReadTimeout | httpx.RemoteProtocolError):
        return Failure(
            ErrorData(code=UPSTREAM_UNAVAILABLE, message=f"upstream unreachable: {exc}"),
            retryable=True,
            reconnect=True,
        )
    if isinstance(exc, anyio.ClosedResourceError | anyio.BrokenResourceError):
        return Failure(ErrorData(code=CONNECTION_CLOSED, message="upstream connection closed"), False, True)
    if isinstance(exc, TimeoutError):
        return Failure(ErrorData(code=httpx.codes.REQUEST_TIMEOUT, message=f"{method} timed out"), retryable=True)
    logger.exception("unexpected upstream failure during %s", method, exc_info=exc)
    return Failure(ErrorData(code=INTERNAL_ERROR, message=str(exc) or type(exc).__name__), retryable=False)


def to_mcp_error(exc: BaseException, *, method: str = "request") -> McpError:
    """Wrap anything raised while talking upstream so the lowlevel server replies with an error."""
    if isinstance(exc, McpError) and not is_timeout(exc) and not is_session_expired(exc):
        return exc
    return McpError(classify(exc, method=method).error)


def tool_error_result(exc: BaseException, *, tool_name: str) -> CallToolResult:
    failure = classify(exc, method=f"tools/call {tool_name}")
    hint = " (retry later)" if failure.retryable else ""
    content: list[Content] = [TextContent(type="text", text=f"{tool_name}: {failure.error.message}{hint}")]
    return CallToolResult(
        content=content,
        isError=True,
        _meta={"bridge/errorCode": failure.code},
    )


def unknown_tool(name: str) -> McpError:
    return McpError(ErrorData(code=METHOD_NOT_FOUND, message=f"Unknown tool: {name}"))


def blocked_resource(uri: str, reason: str) -> McpError:
    return McpError(ErrorData(code=INVALID_PARAMS, message=f"Resource not available: {reason}", data={"uri": uri}))
