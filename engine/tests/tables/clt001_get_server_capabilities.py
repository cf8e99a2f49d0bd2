"""CLT001: `ClientSession.get_server_capabilities()` replaced by era-neutral accessors

Rule: engine/mcp_migrate/rules/clt001_get_server_capabilities.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp import ClientSession\n"
        " \n"
        " async def f(session: ClientSession):\n"
        "-    caps = session.get_server_capabilities()\n"
        "+    caps = session.server_capabilities\n"
        "     return caps and caps.tools\n",
        findings=["CLT001:4 safe"],
    ),
    case(
        "-capabilities = session.get_server_capabilities()\n+capabilities = session.server_capabilities\n",
        findings=["CLT001:1 review"],
    ),
]

NOOP = [
    "from fastmcp import Client\n\nasync def f(c: Client):\n    return c.get_server_capabilities()\n",
    "class S:\n    def get_server_capabilities(self):\n        return 1\n\nS().get_server_capabilities()\n",
    "from mcp import ClientSession\n\ndef f(s: ClientSession):\n    return s.server_capabilities\n",
]
