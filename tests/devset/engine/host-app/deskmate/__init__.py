"""Deskmate: the core of a desktop MCP host."""

__version__ = "0.6.2"

from deskmate.config import HostConfig, load_config, parse_config  # noqa: E402
from deskmate.host import HostApp, ToolOutcome  # noqa: E402

__all__ = ["HostApp", "HostConfig", "ToolOutcome", "__version__", "load_config", "parse_config"]
