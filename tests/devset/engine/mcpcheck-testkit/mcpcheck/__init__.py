"""mcpcheck: in-memory harnesses, assertions and snapshots for MCP server tests."""

from mcpcheck.assertions import (
    AssertionFailed,
    assert_annotations,
    assert_input_schema,
    assert_mcp_error,
    assert_output_schema,
    assert_tool_error,
    assert_tool_ok,
    collect_prompts,
    collect_resources,
    collect_templates,
    collect_tools,
    first_text,
    read_blob,
    read_text,
)
from mcpcheck.harness import ConnectedServer, open_fastmcp, open_lowlevel, open_server
from mcpcheck.recorder import MessageRecorder, WireTap
from mcpcheck.snapshot import SnapshotStore, capture_listing

__all__ = [
    "AssertionFailed",
    "ConnectedServer",
    "MessageRecorder",
    "SnapshotStore",
    "WireTap",
    "assert_annotations",
    "assert_input_schema",
    "assert_mcp_error",
    "assert_output_schema",
    "assert_tool_error",
    "assert_tool_ok",
    "capture_listing",
    "collect_prompts",
    "collect_resources",
    "collect_templates",
    "collect_tools",
    "first_text",
    "open_fastmcp",
    "open_lowlevel",
    "open_server",
    "read_blob",
    "read_text",
]

__version__ = "0.5.0"
