"""SRV003: Default server name changed from `FastMCP` to `mcp-server`

Rule: engine/mcp_migrate/rules/srv003_default_server_name.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        "-mcp = FastMCP()  # serverInfo.name == 'FastMCP'\n"
        '+mcp = FastMCP("FastMCP")  # serverInfo.name == \'FastMCP\'\n',
        findings=["SRV003:3 safe"],
    ),
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        " mcp = FastMCP(\n"
        "-    instructions='Weather',\n"
        '+    "FastMCP", instructions=\'Weather\',\n'
        "     debug=True,\n"
        " )\n",
        findings=["SRV003:3 safe"],
    ),
    case(
        " from mcp.server import FastMCP\n"
        " \n"
        " class App:\n"
        "     def __init__(self):\n"
        "-        self.server = FastMCP(lifespan=None)\n"
        '+        self.server = FastMCP("FastMCP", lifespan=None)\n',
        findings=["SRV003:5 safe"],
    ),
]

NOOP = [
    "from fastmcp import FastMCP\nmcp = FastMCP()\n",
    "from mcp.server.fastmcp import FastMCP\nmcp = FastMCP('weather')\n",
    "from mcp.server.fastmcp import FastMCP\nmcp = FastMCP(name='weather')\n",
    "from mcp.server.fastmcp import FastMCP\nmcp = FastMCP(**config)\n",
    "from mcp.server.mcpserver import MCPServer\nmcp = MCPServer()\n",
    "class FastMCP:\n    pass\n\nmcp = FastMCP()\n",
]
