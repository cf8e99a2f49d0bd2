"""Use MCP server tools from synchronous agent frameworks."""

from sync_agent_adapter.adapter import MCPServerAdapter, ToolError, ToolTimeoutError, list_all_tools
from sync_agent_adapter.tools import AgentTool, ToolOutput, convert_result, tool_to_agent_tool

__all__ = ["AgentTool", "MCPServerAdapter", "ToolError", "ToolOutput", "ToolTimeoutError", "convert_result"]
