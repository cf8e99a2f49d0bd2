"""``unittest.mock`` helpers with the SDK's import paths spelled out once."""

from __future__ import annotations

from typing import Any
from unittest.mock import AsyncMock, patch

from mcp.shared.exceptions import McpError
from mcp.types import CallToolResult, ContentBlock, ErrorData, TextContent

CALL_TOOL = "mcp.client.session.ClientSession.call_tool"
READ_RESOURCE = "mcp.client.session.ClientSession.read_resource"
SEND_REQUEST = "mcp.shared.session.BaseSession.send_request"
FASTMCP_CALL_TOOL = "mcp.server.fastmcp.FastMCP.call_tool"


def tool_result(text: str = "", *, structured: dict[str, Any] | None = None, error: bool = False) -> CallToolResult:
    content: list[ContentBlock] = [TextContent(type="text", text=text)] if text else []
    return CallToolResult(content=content, structuredContent=structured, isError=error)


def patch_call_tool(first: CallToolResult, *rest: CallToolResult):
    """Patch ``ClientSession.call_tool`` to return the given results in order."""
    mock = AsyncMock(side_effect=[first, *rest]) if rest else AsyncMock(return_value=first)
    return patch(CALL_TOOL, new=mock)


def patch_request_failure(code: int, message: str):
    """Make every outgoing request on any session fail with an MCP error."""
    return patch(SEND_REQUEST, new=AsyncMock(side_effect=McpError(ErrorData(code=code, message=message))))
