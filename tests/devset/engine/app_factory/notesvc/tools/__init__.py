from mcp.server.fastmcp import FastMCP

from notesvc.tools import admin, notes


def register_all(mcp: FastMCP) -> None:
    notes.register(mcp)
    admin.register(mcp)
