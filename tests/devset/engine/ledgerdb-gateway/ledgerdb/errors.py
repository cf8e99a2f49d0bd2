"""Protocol errors raised by the gateway's handlers."""

from __future__ import annotations

from typing import Any

from pydantic import AnyUrl

from mcp.shared.exceptions import McpError
from mcp.types import INTERNAL_ERROR, INVALID_PARAMS, ErrorData

# Not in the JSON-RPC reserved range used by the SDK; the spec suggests -32002 for this.
RESOURCE_NOT_FOUND = -32002


class GatewayError(McpError):
    """An McpError that also carries the ledger's own error kind."""

    def __init__(self, code: int, message: str, kind: str, **data: Any) -> None:
        super().__init__(ErrorData(code=code, message=message, data={"kind": kind, **data}))
        self.kind = kind


def resource_not_found(uri: AnyUrl) -> McpError:
    return McpError(ErrorData(code=RESOURCE_NOT_FOUND, message=f"Resource not found: {uri}", data={"uri": str(uri)}))


def invalid_params(message: str, **data: Any) -> GatewayError:
    return GatewayError(INVALID_PARAMS, message, "invalid_params", **data)


def internal(message: str) -> McpError:
    return McpError(ErrorData(code=INTERNAL_ERROR, message=message))


def describe(exc: McpError) -> str:
    """Human readable form used in logs and CLI output."""
    detail = f" ({exc.error.data})" if exc.error.data else ""
    return f"[{exc.error.code}] {exc.error.message}{detail}"
