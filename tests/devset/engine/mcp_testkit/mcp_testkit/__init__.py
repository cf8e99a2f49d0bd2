"""mcp-testkit: helpers for testing MCP servers without a network."""

from .assertions import (
    assert_snapshot,
    assert_tool_error,
    assert_tool_ok,
    parse_wire,
    raises_mcp_error,
    snapshot,
    text_of,
)
from .fixtures import DEFAULT_TIMEOUT, RawHarness, connected_session
from .patching import CALL_TOOL, SEND_REQUEST, patch_call_tool, patch_request_failure, tool_result
from .recorder import LogCollector, MessageRecorder

__all__ = [
    "CALL_TOOL",
    "DEFAULT_TIMEOUT",
    "SEND_REQUEST",
    "LogCollector",
    "MessageRecorder",
    "RawHarness",
    "assert_snapshot",
    "assert_tool_error",
    "assert_tool_ok",
    "connected_session",
    "parse_wire",
    "patch_call_tool",
    "patch_request_failure",
    "raises_mcp_error",
    "snapshot",
    "text_of",
    "tool_result",
]
