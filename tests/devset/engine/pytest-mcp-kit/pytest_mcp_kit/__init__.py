"""pytest-mcp-kit: helpers for testing MCP servers in memory."""

from pytest_mcp_kit import assertions, jsonrpc, snapshots
from pytest_mcp_kit.config import DEFAULT_CONFIG, KitConfig
from pytest_mcp_kit.fakes import FakeServerSession, bind_request_context, fake_request_context, invoke, invoke_tool
from pytest_mcp_kit.harness import (
    Connection,
    LogCapture,
    McpHarness,
    NotificationCollector,
    ScriptedElicitor,
    ScriptedSampler,
    connect,
)
from pytest_mcp_kit.recording import RecordingTransport, WireFrame, WireLog, recording_memory_streams

__version__ = "0.6.2"
