"""Single place where toolguard touches the MCP SDK's import paths.

The rest of the package imports SDK names from here, so an SDK upgrade only has
to be dealt with in one module.
"""

from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.exceptions import ToolError
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError
from mcp.types import (
    INTERNAL_ERROR,
    INVALID_PARAMS,
    INVALID_REQUEST,
    CallToolResult,
    ContentBlock,
    ErrorData,
    TextContent,
    ToolAnnotations,
)

GuardContext = Context[ServerSession, object]

# Application-level error codes (JSON-RPC reserves -32768..-32000).
PERMISSION_DENIED = -31001
RATE_LIMITED = -31002

__all__ = [
    "INTERNAL_ERROR",
    "INVALID_PARAMS",
    "INVALID_REQUEST",
    "PERMISSION_DENIED",
    "RATE_LIMITED",
    "CallToolResult",
    "ContentBlock",
    "Context",
    "ErrorData",
    "FastMCP",
    "GuardContext",
    "McpError",
    "ServerSession",
    "TextContent",
    "ToolAnnotations",
    "ToolError",
]
