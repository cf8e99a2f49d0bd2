"""agentwire: use MCP servers as tools, prompts and context providers for agents."""

from agentwire.cache import ToolListCache
from agentwire.callbacks import AgentCallbacks, ProgressLog, SamplingPolicy
from agentwire.config import ServerConfig, parse_servers
from agentwire.messages import ChatMessage, EchoModel, ToolSpec, Transcript
from agentwire.toolkit import MCPToolkit, ServerIdentity, SessionExpiredError
from agentwire.transports import BearerAuth, connect, make_client_factory, open_streams, run_with_reconnect

__version__ = "0.6.0"

__all__ = [
    "AgentCallbacks",
    "BearerAuth",
    "ChatMessage",
    "EchoModel",
    "MCPToolkit",
    "ProgressLog",
    "SamplingPolicy",
    "ServerConfig",
    "ServerIdentity",
    "SessionExpiredError",
    "ToolListCache",
    "ToolSpec",
    "Transcript",
    "connect",
    "make_client_factory",
    "open_streams",
    "parse_servers",
    "run_with_reconnect",
]
