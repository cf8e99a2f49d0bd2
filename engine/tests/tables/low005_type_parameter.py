"""LOW005: Lowlevel `Server`: type parameter reduced from 2 to 1

Rule: engine/mcp_migrate/rules/low005_type_parameter.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from typing import Any\n"
        " from mcp.server import Server\n"
        " \n"
        "-server: Server[dict[str, Any], Any] = Server('s')\n"
        "+server: Server[dict[str, Any]] = Server('s')\n",
        findings=["LOW005:4 safe"],
    ),
    case(
        " import mcp.server.lowlevel.server as s\n"
        " \n"
        "-def f(x: s.Server[State, Request]) -> None:\n"
        "+def f(x: s.Server[State]) -> None:\n"
        "     pass\n",
        findings=["LOW005:3 safe"],
    ),
]

NOOP = [
    "from mcp.server import Server\nserver: Server[dict] = Server('s')\n",
    "from other import Server\nserver: Server[int, str] = Server('s')\n",
    "x: 'Server[int, str]' = None\n",
]
