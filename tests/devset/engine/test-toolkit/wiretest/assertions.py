"""Assertion helpers for protocol errors and tool results."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx

from mcp.shared.exceptions import McpError, UrlElicitationRequiredError
from mcp.types import (
    CONNECTION_CLOSED,
    INTERNAL_ERROR,
    INVALID_PARAMS,
    INVALID_REQUEST,
    METHOD_NOT_FOUND,
    PARSE_ERROR,
    URL_ELICITATION_REQUIRED,
    CallToolResult,
    ErrorData,
    TextContent,
)

ERROR_NAMES: dict[int, str] = {
    PARSE_ERROR: "PARSE_ERROR",
    INVALID_REQUEST: "INVALID_REQUEST",
    METHOD_NOT_FOUND: "METHOD_NOT_FOUND",
    INVALID_PARAMS: "INVALID_PARAMS",
    INTERNAL_ERROR: "INTERNAL_ERROR",
    CONNECTION_CLOSED: "CONNECTION_CLOSED",
    URL_ELICITATION_REQUIRED: "URL_ELICITATION_REQUIRED",
    httpx.codes.REQUEST_TIMEOUT: "REQUEST_TIMEOUT",
    0: "HANDLER_ERROR",
}


def error_name(code: int) -> str:
    return ERROR_NAMES.get(code, str(code))


def describe(exc: McpError) -> str:
    return f"{error_name(exc.error.code)}: {exc.error.message}"


def make_error(code: int, message: str, data: Any = None) -> McpError:
    return McpError(ErrorData(code=code, message=message, data=data))


def is_timeout(exc: BaseException) -> bool:
    return isinstance(exc, McpError) and exc.error.code == httpx.codes.REQUEST_TIMEOUT


@dataclass
class ErrorExpectation:
    code: int | None
    match: str | None
    error: ErrorData | None = None

    def check(self, error: ErrorData) -> None:
        self.error = error
        if self.code is not None and error.code != self.code:
            raise AssertionError(
                f"expected {error_name(self.code)}, got {error_name(error.code)} ({error.message!r})"
            )
        if self.match is not None and not re.search(self.match, error.message):
            raise AssertionError(f"error message {error.message!r} does not match {self.match!r}")

    @property
    def data(self) -> Any:
        return self.error.data if self.error is not None else None


@contextmanager
def raises_mcp_error(code: int | None = None, *, match: str | None = None) -> Iterator[ErrorExpectation]:
    """``with raises_mcp_error(METHOD_NOT_FOUND): await session.complete(...)``"""
    expectation = ErrorExpectation(code=code, match=match)
    try:
        yield expectation
    except McpError as exc:
        expectation.check(exc.error)
        return
    raise AssertionError(f"expected McpError {error_name(code) if code is not None else ''}, nothing was raised")


@contextmanager
def raises_timeout() -> Iterator[ErrorExpectation]:
    with raises_mcp_error(httpx.codes.REQUEST_TIMEOUT, match="Timed out") as expectation:
        yield expectation


def required_url_elicitations(exc: McpError) -> list[str]:
    if exc.error.code != URL_ELICITATION_REQUIRED:
        return []
    rebuilt = UrlElicitationRequiredError.from_error(exc.error)
    return [e.elicitationId for e in rebuilt.elicitations]


def result_text(result: CallToolResult) -> str:
    return "\n".join(block.text for block in result.content if isinstance(block, TextContent))


def assert_tool_failed(result: CallToolResult, contains: str | None = None) -> str:
    if not result.isError:
        raise AssertionError(f"expected the tool to fail, it returned {result.content!r}")
    text = result_text(result)
    if contains is not None and contains not in text:
        raise AssertionError(f"tool error {text!r} does not mention {contains!r}")
    return text


def assert_structured(result: CallToolResult, **expected: Any) -> dict[str, Any]:
    if result.isError:
        raise AssertionError(f"tool failed: {result_text(result)}")
    structured = result.structuredContent
    if structured is None:
        raise AssertionError("tool returned no structuredContent")
    for key, value in expected.items():
        if structured.get(key) != value:
            raise AssertionError(f"structuredContent[{key!r}] == {structured.get(key)!r}, expected {value!r}")
    return structured
