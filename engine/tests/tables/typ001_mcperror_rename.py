"""TYP001: `McpError` renamed to `MCPError`

Rule: engine/mcp_migrate/rules/typ001_mcperror_rename.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        "-from mcp.shared.exceptions import McpError\n"
        "+from mcp.shared.exceptions import MCPError\n"
        " \n"
        " try:\n"
        "     pass\n"
        "-except McpError as e:\n"
        "+except MCPError as e:\n"
        "     print(e)\n",
        findings=["TYP001:1 safe"],
    ),
    case(
        "-from mcp import McpError, ClientSession\n+from mcp import MCPError, ClientSession\n",
        findings=["TYP001:1 safe"],
    ),
    case(
        " import mcp\n \n-raise mcp.McpError(err)\n+raise mcp.MCPError(err)\n",
        findings=["TYP001:3 safe"],
    ),
    case(
        "-from mcp import McpError as E\n+from mcp import MCPError as E\n raise E(x)\n",
        findings=["TYP001:1 safe"],
    ),
    case(
        " import mcp.shared.exceptions as exc\n \n-isinstance(e, exc.McpError)\n+isinstance(e, exc.MCPError)\n",
        findings=["TYP001:3 safe"],
    ),
]

NOOP = [
    "class McpError(Exception):\n    pass\n\nraise McpError('x')\n",
    "from myproject.errors import McpError\n",
    "msg = 'McpError'  # McpError\n",
    "from mcp import MCPError\n",
]
