"""agentkit-mcp: expose Model Context Protocol servers as agentkit tools."""

from agentkit_mcp.adapter import MCPToolAdapter, load_mcp_tools
from agentkit_mcp.config import MCPServerConfig, TransportKind
from agentkit_mcp.connection import MCPConnectionManager
from agentkit_mcp.messages import ToolError, ToolMessage, ToolTimeout

__all__ = [
    "MCPConnectionManager", "MCPServerConfig", "MCPToolAdapter", "ToolError", "ToolMessage", "ToolTimeout",
    "TransportKind", "load_mcp_tools",
]  # fmt: skip
