"""syncdesk: a small helpdesk exposed over MCP."""

__version__ = "0.6.2"
