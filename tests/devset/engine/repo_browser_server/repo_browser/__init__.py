"""repo-browser: browse a git repository over MCP."""

__version__ = "0.3.0"
