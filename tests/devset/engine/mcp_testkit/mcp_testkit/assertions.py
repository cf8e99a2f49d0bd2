"""Assertion helpers producing readable failures."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from typing import Any

from mcp.shared.exceptions import McpError
from mcp.types import CallToolResult, ErrorData, JSONRPCMessage, TextContent
from pydantic import BaseModel


class ErrorCapture:
    error: ErrorData | None = None


@contextlib.contextmanager
def raises_mcp_error(code: int, match: str | None = None) -> Iterator[ErrorCapture]:
    capture = ErrorCapture()
    try:
        yield capture
    except McpError as exc:
        capture.error = exc.error
        if exc.error.code != code:
            raise AssertionError(f"expected error code {code}, got {exc.error.code}: {exc.error.message}") from exc
        if match is not None and match not in exc.error.message:
            raise AssertionError(f"{match!r} not in {exc.error.message!r}") from exc
    else:
        raise AssertionError(f"expected McpError({code})")


def text_of(result: CallToolResult) -> str:
    return "".join(block.text for block in result.content if isinstance(block, TextContent))


def assert_tool_ok(result: CallToolResult) -> CallToolResult:
    if result.isError:
        raise AssertionError(f"tool failed: {text_of(result)}")
    return result


def assert_tool_error(result: CallToolResult, contains: str = "") -> str:
    if not result.isError:
        raise AssertionError("expected the tool to report an error")
    message = text_of(result)
    if contains not in message:
        raise AssertionError(f"{contains!r} not in {message!r}")
    return message


def snapshot(model: BaseModel, *, drop: tuple[str, ...] = ("_meta",)) -> dict[str, Any]:
    """A stable, JSON-compatible dict for comparing protocol objects."""
    data = model.model_dump(mode="json", exclude_none=True)
    for key in drop:
        data.pop(key, None)
    return data


def assert_snapshot(model: BaseModel, expected: dict[str, Any]) -> None:
    actual = snapshot(model)
    if actual != expected:
        raise AssertionError(
            "snapshot mismatch:\n"
            f"expected: {json.dumps(expected, sort_keys=True)}\n"
            f"actual:   {json.dumps(actual, sort_keys=True)}"
        )


def parse_wire(raw: str):
    """Parse one raw JSON-RPC line into its concrete message class."""
    return JSONRPCMessage.model_validate_json(raw).root
