"""SRV020: `MCP_*` environment variables and `.env` files are no longer read

Rule: engine/mcp_migrate/rules/srv020_settings_env.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.server.fastmcp.server import Settings\n"
        " \n"
        "+# mcp-migrate: SRV020 v2 `Settings` is a plain pydantic model: it no longer reads environment variables or a `.env` file; read `os.environ` yourself and pass the values to the constructor https://py.sdk.modelcontextprotocol.io/v2/migration/#mcp_-environment-variables-and-env-files-are-no-longer-read\n"
        " settings = Settings()\n"
        " print(settings.debug)\n",
        findings=["SRV020:3 manual"],
    ),
]

NOOP = [
    "from pydantic_settings import BaseSettings\n"
    "\n"
    "class Settings(BaseSettings):\n"
    "    debug: bool = False\n"
    "\n"
    "s = Settings()\n",
    "import os\n"
    "from mcp.server.fastmcp import FastMCP\n"
    "mcp = FastMCP('Demo', debug=os.environ.get('MCP_DEBUG') == 'true')\n",
]
