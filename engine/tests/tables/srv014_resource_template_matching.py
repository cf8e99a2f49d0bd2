"""SRV014: Resource templates: matching behavior changes

Rule: engine/mcp_migrate/rules/srv014_resource_template_matching.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.server.fastmcp import FastMCP, Context\n"
        " \n"
        " mcp = FastMCP('d')\n"
        " \n"
        " \n"
        "+# mcp-migrate: SRV014 a static URI with a Context-only function raises `ValueError` in v2 (it was never readable in v1): add a query variable (`notes://recent{?limit}`) with a defaulted parameter, or drop the `Context` and read state from a module-level object https://py.sdk.modelcontextprotocol.io/v2/migration/#resource-templates-matching-behavior-changes\n"
        " @mcp.resource('notes://recent')\n"
        " async def recent_notes(ctx: Context) -> str:\n"
        "     return ''\n",
        findings=["SRV014:6 manual"],
    ),
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        " mcp = FastMCP('d')\n"
        " \n"
        "+# mcp-migrate: SRV014 v2 rejects two template variables with no literal between them (`InvalidUriTemplate`); put a delimiter between them (`{name}/{path}`) https://py.sdk.modelcontextprotocol.io/v2/migration/#resource-templates-matching-behavior-changes\n"
        " @mcp.resource('repo://{owner}{name}')\n"
        " def repo(owner: str, name: str) -> str:\n"
        "     return owner + name\n",
        findings=["SRV014:5 manual"],
    ),
]

NOOP = [
    "from mcp.server.fastmcp import FastMCP, Context\n"
    "mcp = FastMCP('d')\n"
    "\n"
    "@mcp.resource('notes://{id}')\n"
    "async def note(id: str, ctx: Context) -> str:\n"
    "    return ''\n",
    "from mcp.server.fastmcp import FastMCP\n"
    "mcp = FastMCP('d')\n"
    "\n"
    "@mcp.resource('config://app')\n"
    "def config() -> str:\n"
    "    return ''\n",
    "from fastmcp import FastMCP, Context\n"
    "mcp = FastMCP('d')\n"
    "\n"
    "@mcp.resource('notes://recent')\n"
    "async def recent(ctx: Context) -> str:\n"
    "    return ''\n",
]
