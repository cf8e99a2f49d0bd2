"""evalharness: run LLM tool-use evals against MCP servers and keep wire-level traces."""

__version__ = "0.9.2"
