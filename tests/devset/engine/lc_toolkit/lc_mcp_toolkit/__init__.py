"""LangChain-style toolkit that turns MCP tools and prompts into framework specs."""

from .specs import ArgSpec, PromptTemplateSpec, ToolOutput, ToolSpec
from .toolkit import MCPToolkit, ServerConfig

__all__ = ["ArgSpec", "MCPToolkit", "PromptTemplateSpec", "ServerConfig", "ToolOutput", "ToolSpec"]
