"""IssueDesk MCP server: expose an IssueDesk workspace to MCP clients."""

__version__ = "0.6.2"

__all__ = ["__version__"]
