"""IssueDesk MCP server package."""

__version__ = "0.7.2"
