"""toolbridge: use MCP server tools, prompts and resources from an agent framework."""

from .callbacks import elicitation_callback_from_filler, roots_callback_from_paths, sampling_callback_from_model
from .config import (
    Connection,
    InMemoryConnection,
    StdioConnection,
    StreamableHttpConnection,
    load_config_file,
    parse_config,
    to_server_parameters,
)
from .framework import ChatMessage, ContentPart, FrameworkTool, ToolOutput, ToolSpec
from .prompts import load_mcp_prompt
from .resources import get_mcp_resource, load_mcp_resources
from .sessions import MultiServerMCPClient, ServerHandle
from .sync import SyncMCPAdapter
from .tools import load_mcp_tools, load_tools_from_client

__version__ = "0.6.2"
