"""SRV006: `mount_path` parameter removed from MCPServer

Rule: engine/mcp_migrate/rules/srv006_mount_path_removed.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        '-mcp = FastMCP("Demo", mount_path="/github")\n'
        '+mcp = FastMCP("Demo")\n'
        ' app = Starlette(routes=[Mount("/github", app=mcp.sse_app())])\n',
        findings=["SRV006:3 review"],
    ),
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        ' mcp = FastMCP("Demo")\n'
        '-app = Starlette(routes=[Mount("/github", app=mcp.sse_app("/github"))])\n'
        '-mcp.run(transport="sse", mount_path="/github")\n'
        '+app = Starlette(routes=[Mount("/github", app=mcp.sse_app())])\n'
        '+mcp.run(transport="sse")\n',
        findings=["SRV006:4 review", "SRV006:5 review"],
    ),
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        ' mcp = FastMCP("Demo")\n'
        '-mcp.run("sse", "/x")\n'
        '+mcp.run("sse")\n'
        "+# mcp-migrate: SRV006 `settings.mount_path` was removed; mount the app with Starlette's `Mount()` instead https://py.sdk.modelcontextprotocol.io/v2/migration/#mount_path-parameter-removed-from-mcpserver\n"
        " print(mcp.settings.mount_path)\n",
        findings=["SRV006:4 review", "SRV006:5 manual"],
    ),
    # writing it raises `ValueError` in v2: as a review fix the marker takes the statement's place
    # (`pass` when it was the block's only statement)
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        " def configure(mcp: FastMCP, path: str) -> None:\n"
        "-    mcp.settings.mount_path = path\n"
        "+    # mcp-migrate: SRV006 `settings.mount_path` was removed; mount the app with Starlette's `Mount()` instead (the fix took out `mcp.settings.mount_path = path`) https://py.sdk.modelcontextprotocol.io/v2/migration/#mount_path-parameter-removed-from-mcpserver\n"
        "+    pass\n",
        findings=["SRV006:4 review"],
    ),
]

NOOP = [
    "from fastmcp import FastMCP\nmcp = FastMCP(\"Demo\", mount_path=\"/x\")\nmcp.sse_app(\"/x\")\n",
    "from mcp.server.fastmcp import FastMCP\nmcp = FastMCP(\"Demo\")\nmcp.run(\"sse\")\napp = mcp.sse_app()\n",
    "def sse_app(mount_path=None):\n    pass\n\nsse_app(mount_path=\"/x\")\n",
]
