"""toolbridge: use MCP server tools from Plumb agents."""

from .adapter import BridgedTool, BridgeError, Catalog, MCPToolAdapter
from .convert import convert_block, convert_result, parameters_for, tool_summary
from .group import GroupBridge
from .pagination import PaginationError, collect_prompts, collect_resources, collect_tools
from .plumb import Part, PlumbTool, ToolOutput, Toolbox
from .transports import ServerSpec, open_http_session

__version__ = "0.4.2"

__all__ = [
    "BridgeError",
    "BridgedTool",
    "Catalog",
    "GroupBridge",
    "MCPToolAdapter",
    "PaginationError",
    "Part",
    "PlumbTool",
    "ServerSpec",
    "ToolOutput",
    "Toolbox",
    "collect_prompts",
    "collect_resources",
    "collect_tools",
    "convert_block",
    "convert_result",
    "open_http_session",
    "parameters_for",
    "tool_summary",
]
