"""wiretest - test helpers for MCP servers and clients."""

from wiretest.assertions import assert_structured, assert_tool_failed, raises_mcp_error, result_text
from wiretest.config import ToolkitSettings
from wiretest.fakes import FakeServerSession, active_request, make_request_context
from wiretest.harness import ClientCallbacks, Connection, connect, open_connection
from wiretest.mocks import NotificationCollector, ScriptedElicitor, ScriptedSampler, mock_client_session
from wiretest.recording import Cassette, Frame, Recorder, diff_responses, parse_wire_line, replay
from wiretest.snapshots import SnapshotMismatch, SnapshotStore

__version__ = "0.6.2"
