"""SRV001: `FastMCP` renamed to `MCPServer`

Rule: engine/mcp_migrate/rules/srv001_fastmcp_rename.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    # a string annotation names it too: left as it was, it would name nothing once the import is renamed
    # (`get_type_hints()`, pydantic and type checkers evaluate it); an alias's own name stays
    case(
        "-from mcp.server.fastmcp import FastMCP\n"
        "+from mcp.server.mcpserver import MCPServer\n"
        "-from mcp.server.fastmcp import FastMCP as F\n"
        "+from mcp.server.mcpserver import MCPServer as F\n"
        " \n"
        " \n"
        "-def register(server: \"FastMCP\", others: list['FastMCP'], alias: 'F') -> \"FastMCP | None\":\n"
        "+def register(server: \"MCPServer\", others: list['MCPServer'], alias: 'F') -> \"MCPServer | None\":\n"
        "     return None\n",
        findings=["SRV001:1 safe", "SRV001:1 safe", "SRV001:2 safe", "SRV001:2 safe"] + ["SRV001:5 safe"] * 3,
    ),
    case(
        "-from mcp.server.fastmcp import FastMCP, Context\n"
        "+from mcp.server.mcpserver import MCPServer, Context\n"
        " \n"
        "-mcp = FastMCP('Demo')\n"
        "+mcp = MCPServer('Demo')\n",
        findings=["SRV001:1 safe", "SRV001:1 safe"],
    ),
    case(
        "-from mcp.server.fastmcp import FastMCP as F\n"
        "+from mcp.server.mcpserver import MCPServer as F\n"
        " app = F('x')\n",
        findings=["SRV001:1 safe", "SRV001:1 safe"],
    ),
    case(
        "-import mcp.server.fastmcp\n"
        "-server = mcp.server.fastmcp.FastMCP('x')\n"
        "+import mcp.server.mcpserver\n"
        "+server = mcp.server.mcpserver.MCPServer('x')\n",
        findings=["SRV001:1 safe", "SRV001:2 safe", "SRV001:2 safe"],
    ),
    case(
        " import mcp\n-server = mcp.server.fastmcp.FastMCP('x')\n+server = mcp.server.mcpserver.MCPServer('x')\n",
        findings=["SRV001:2 safe", "SRV001:2 safe"],
    ),
    case(
        "-from mcp.server import fastmcp\n"
        "-server = fastmcp.FastMCP('x')\n"
        "+from mcp.server import mcpserver\n"
        "+server = mcpserver.MCPServer('x')\n",
        findings=["SRV001:1 safe", "SRV001:2 safe"],
    ),
    case(
        "-import mcp.server.fastmcp as fm\n"
        "-server: fm.FastMCP = fm.FastMCP('x')\n"
        "+import mcp.server.mcpserver as fm\n"
        "+server: fm.MCPServer = fm.MCPServer('x')\n",
        findings=["SRV001:1 safe", "SRV001:2 safe", "SRV001:2 safe"],
    ),
    case(
        "-from mcp.server.fastmcp.prompts.base import UserMessage\n"
        "+from mcp.server.mcpserver.prompts.base import UserMessage\n",
        findings=["SRV001:1 safe"],
    ),
    case(
        "-from mcp.server.fastmcp.exceptions import FastMCPError, ToolError\n"
        "+from mcp.server.mcpserver.exceptions import MCPServerError, ToolError\n"
        " \n"
        " try:\n"
        "     pass\n"
        "-except FastMCPError:\n"
        "+except MCPServerError:\n"
        "     pass\n",
        findings=["SRV001:1 safe", "SRV001:1 safe"],
    ),
    case(
        "-from mcp.server import FastMCP\n+from mcp.server import MCPServer\n",
        findings=["SRV001:1 safe"],
    ),
    case(
        " from unittest import mock\n"
        " \n"
        "-@mock.patch('mcp.server.fastmcp.FastMCP.run')\n"
        "+@mock.patch('mcp.server.mcpserver.MCPServer.run')\n"
        " def test(m):\n"
        "     pass\n",
        findings=["SRV001:3 safe", "SRV001:3 safe"],
    ),
    case(
        " def f(mocker):\n"
        '-    mocker.patch("mcp.server.fastmcp.server.FastMCP.run")\n'
        '+    mocker.patch("mcp.server.mcpserver.server.MCPServer.run")\n',
        findings=["SRV001:2 safe", "SRV001:2 safe"],
    ),
    # a patch target kept in a constant the patches name
    case(
        " from unittest import mock\n"
        " \n"
        "-CALL_TOOL = 'mcp.server.fastmcp.FastMCP.call_tool'\n"
        "+CALL_TOOL = 'mcp.server.mcpserver.MCPServer.call_tool'\n"
        " LABEL = 'mcp.server.fastmcp.FastMCP'\n"
        " \n"
        " def patched(value):\n"
        "     return mock.patch(CALL_TOOL, value)\n"
        " \n"
        " def unbound(value):\n"
        "     return mock.patch(ELSEWHERE, value)\n",
        findings=["SRV001:3 safe", "SRV001:3 safe"],
    ),
    # CRLF, a comment, non-ASCII and an emoji all survive
    case(
        " # héllo 😀\r\n"
        "-from mcp.server.fastmcp import (  # keep\r\n"
        "-    FastMCP,\r\n"
        "+from mcp.server.mcpserver import (  # keep\r\n"
        "+    MCPServer,\r\n"
        " )\r\n"
        '-m = FastMCP("你好")\r\n'
        '+m = MCPServer("你好")\r\n',
        findings=["SRV001:2 safe", "SRV001:3 safe"],
    ),
]

# Half migrated by hand or by one quick fix: spellings that work in neither version are finished.
CASES += [
    case(
        "-from mcp.server.mcpserver import FastMCP\n"
        "+from mcp.server.mcpserver import MCPServer\n"
        "-mcp = FastMCP('x')\n"
        "+mcp = MCPServer('x')\n",
        findings=["SRV001:1 safe"],
    ),
    case(
        "-from mcp.server.fastmcp import MCPServer\n"
        "+from mcp.server.mcpserver import MCPServer\n"
        " mcp = MCPServer('x')\n",
        findings=["SRV001:1 safe"],
    ),
    case(
        " from mcp.server.mcpserver import MCPServer\n"
        "-from mcp.server.fastmcp.utilities.types import Image\n"
        "+from mcp.server.mcpserver.utilities.types import Image\n"
        " mcp = MCPServer('x')\n",
        findings=["SRV001:2 safe"],
    ),
]

NOOP = [
    "from fastmcp import FastMCP\nmcp = FastMCP('x')\n",
    "class FastMCP:\n    pass\n\nserver = FastMCP()\n",
    "s = 'from mcp.server.fastmcp import FastMCP'  # FastMCP in a comment\n",
    "from mcp.server.mcpserver import MCPServer\nmcp = MCPServer('x')\n",
    "import mcp.server.mcpserver as m\n"
    "from mcp.server.mcpserver.exceptions import MCPServerError\n"
    "mcp = m.MCPServer('x')\n",
    "from somewhere import mcp\nx = mcp.server.fastmcp.FastMCP\n",
]
