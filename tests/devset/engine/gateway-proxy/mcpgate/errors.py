"""Turning upstream failures into something a downstream model can read."""

from __future__ import annotations

from typing import Literal

import httpx

import mcp.types as types
from mcp.shared.exceptions import McpError

ErrorKind = Literal["timeout", "unavailable", "unsupported", "invalid-params", "session-expired", "upstream-error"]

# Streamable HTTP reports a 404 on an expired session with this (positive) code.
SESSION_EXPIRED = 32600


def classify(error: types.ErrorData) -> ErrorKind:
    if error.code == httpx.codes.REQUEST_TIMEOUT:
        return "timeout"
    if error.code == types.CONNECTION_CLOSED:
        return "unavailable"
    if error.code == types.METHOD_NOT_FOUND:
        return "unsupported"
    if error.code == types.INVALID_PARAMS:
        return "invalid-params"
    if error.code == SESSION_EXPIRED:
        return "session-expired"
    return "upstream-error"


def is_retryable(exc: McpError) -> bool:
    return classify(exc.error) in ("timeout", "unavailable", "session-expired")


def text_block(text: str) -> types.Content:
    return types.TextContent(type="text", text=text)


def error_result(upstream: str, tool: str, error: types.ErrorData) -> types.CallToolResult:
    kind = classify(error)
    payload = {"upstream": upstream, "tool": tool, "kind": kind, "code": error.code, "message": error.message}
    text = f"{upstream}/{tool} failed ({kind}): {error.message}"
    return types.CallToolResult(content=[text_block(text)], structuredContent=payload, isError=True)


def upstream_unavailable(upstream: str) -> McpError:
    return McpError(
        types.ErrorData(
            code=types.CONNECTION_CLOSED,
            message=f"upstream {upstream!r} is not connected",
            data={"upstream": upstream},
        )
    )


def unknown_route(kind: str, name: str) -> McpError:
    return McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"unknown {kind}: {name}", data={"name": name}))


def name_collision(kind: str, names: set[str], upstream: str) -> McpError:
    listed = ", ".join(sorted(names))
    return McpError(
        types.ErrorData(
            code=types.INVALID_PARAMS,
            message=f"{kind} from {upstream!r} collide with existing entries: {listed}",
        )
    )
