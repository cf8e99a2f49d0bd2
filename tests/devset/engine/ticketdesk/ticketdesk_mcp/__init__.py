"""MCP server exposing the TicketDesk helpdesk API."""

__version__ = "2.3.0"
