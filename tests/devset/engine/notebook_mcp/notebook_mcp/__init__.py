"""Notebook integration: an MCP server over live kernels and the IDE panel that talks to it."""
