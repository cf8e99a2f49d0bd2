"""notes-mcp: keep notes and let your assistant search them."""

__version__ = "0.3.1"
