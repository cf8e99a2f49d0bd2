"""Knowledge-base portal: an ASGI app with an MCP endpoint mounted under /kb/mcp."""

default_app_config = "kb_portal.settings"
