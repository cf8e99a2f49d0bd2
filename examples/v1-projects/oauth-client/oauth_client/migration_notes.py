"""Notes for the team about the SDK migration.

Strings and comments that only mention SDK module names must not be touched by mcp-migrate.
"""

# In v1 the server class lives in mcp.server.fastmcp; keep this comment as is.
OLD_SERVER_MODULE = "mcp.server.fastmcp"
OLD_SERVER_CLASS = "mcp.server.fastmcp.FastMCP"
HINT = "from mcp.server.fastmcp import FastMCP  # v1 spelling"
TIMEOUT_HINT = "read_timeout_seconds=timedelta(seconds=30) and e.error.code == 408 in v1"


def describe() -> str:
    return f"{OLD_SERVER_CLASS} lives in {OLD_SERVER_MODULE}; see {HINT!r} and {TIMEOUT_HINT!r}"
