"""MCP integration layer for the agentmesh agent framework."""

__version__ = "0.9.2"

__all__ = ["__version__"]
