"""Turning protocol errors from upstream servers into relay decisions."""

from __future__ import annotations

import enum
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import anyio
import httpx
from mcp import McpError
from mcp.shared.exceptions import UrlElicitationRequiredError
from mcp.types import (
    CONNECTION_CLOSED,
    INTERNAL_ERROR,
    METHOD_NOT_FOUND,
    URL_ELICITATION_REQUIRED,
    ElicitRequestURLParams,
    ErrorData,
)

logger = logging.getLogger(__name__)
T = TypeVar("T")

# The streamable HTTP transport reports a terminated session with this literal code.
SESSION_TERMINATED = 32600


class Disposition(enum.Enum):
    RETRY = "retry"
    RECONNECT = "reconnect"
    NEEDS_USER = "needs-user"
    UNSUPPORTED = "unsupported"
    FATAL = "fatal"


@dataclass
class UpstreamFailure(Exception):
    server: str
    operation: str
    code: int
    message: str
    disposition: Disposition
    data: Any = None


def classify(exc: McpError) -> Disposition:
    code = exc.error.code
    if code == httpx.codes.REQUEST_TIMEOUT:
        return Disposition.RETRY
    if code in (CONNECTION_CLOSED, SESSION_TERMINATED):
        return Disposition.RECONNECT
    if code == URL_ELICITATION_REQUIRED:
        return Disposition.NEEDS_USER
    if code == METHOD_NOT_FOUND:
        return Disposition.UNSUPPORTED
    return Disposition.FATAL


def pending_elicitations(exc: McpError) -> list[ElicitRequestURLParams]:
    """URL elicitations a server asked for, whether or not it raised the SDK subclass."""
    if isinstance(exc, UrlElicitationRequiredError):
        return exc.elicitations
    if exc.error.code != URL_ELICITATION_REQUIRED or not isinstance(exc.error.data, dict):
        return []
    raw: list[dict[str, Any]] = exc.error.data.get("elicitations", [])
    return [ElicitRequestURLParams.model_validate(item) for item in raw]


def relay_error(message: str, *, code: int = INTERNAL_ERROR, data: Any = None) -> McpError:
    return McpError(ErrorData(code=code, message=message, data=data))


async def with_retries(
    server: str, operation: str, call: Callable[[], Awaitable[T]], *, attempts: int = 3, backoff: float = 0.05
) -> T:
    """Run ``call``; retry timeouts with linear backoff, wrap everything else."""
    attempt = 0
    while True:
        attempt += 1
        try:
            return await call()
        except McpError as exc:
            disposition = classify(exc)
            if disposition is not Disposition.RETRY or attempt >= attempts:
                err = exc.error
                raise UpstreamFailure(server, operation, err.code, err.message, disposition, err.data) from exc
            logger.info("%s: %s timed out (attempt %d/%d)", server, operation, attempt, attempts)
            await anyio.sleep(backoff * attempt)
