"""Multiplayer text adventure over MCP."""

__version__ = "0.4.0"
