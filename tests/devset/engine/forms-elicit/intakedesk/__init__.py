"""Clinic front-desk intake over MCP."""

__version__ = "0.6.2"
