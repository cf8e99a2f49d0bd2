"""LOW004: Lowlevel `Server`: constructor parameters are now keyword-only

Rule: engine/mcp_migrate/rules/low004_keyword_only.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    # a version that may be None: v2 takes a `str` and reports `""` for an unversioned server
    case(
        " from mcp.server.lowlevel import Server\n"
        " \n"
        " class ProxyServer(Server):\n"
        "     def __init__(self, name: str, version: str | None, instructions: str | None = None) -> None:\n"
        "-        super().__init__(name, version, instructions)\n"
        '+        super().__init__(name, version=version or "", instructions=instructions)\n',
        findings=["LOW004:5 safe"],
    ),
    case(
        " from mcp.server import Server\n"
        '-server = Server("my-server", "1.0")\n'
        '+server = Server("my-server", version="1.0")\n',
        findings=["LOW004:2 safe"],
    ),
    case(
        " import mcp.server\n"
        " s = mcp.server.Server(\n"
        "     'n',\n"
        "-    '2',\n"
        "-    'Be nice',\n"
        "+    version='2',\n"
        "+    instructions='Be nice',\n"
        " )\n",
        findings=["LOW004:2 safe"],
    ),
    case(
        " from mcp.server.lowlevel import Server\n"
        "+# mcp-migrate: LOW004 pass `Server(...)`'s arguments after `name` by keyword (`version=`, `instructions=`, `website_url=`, `icons=`, `lifespan=`) https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-constructor-parameters-are-now-keyword-only\n"
        " s = Server(*args)\n",
        findings=["LOW004:2 manual"],
    ),
    # a subclass hands its arguments on to `Server(...)`
    case(
        " from typing import Any\n"
        " from mcp.server.lowlevel import Server\n"
        " \n"
        " class Metered(Server):\n"
        "     def __init__(self, name: str, version: str, **kwargs: Any) -> None:\n"
        "-        super().__init__(name, version, **kwargs)\n"
        "+        super().__init__(name, version=version, **kwargs)\n",
        findings=["LOW004:6 safe"],
    ),
]

NOOP = [
    "from mcp.server import Server\nserver = Server(\"my-server\", version=\"1.0\")\n",
    "class Server:\n    def __init__(self, a, b):\n        pass\n\nServer('a', 'b')\n",
    "from mcp.server.fastmcp import FastMCP\nFastMCP('a', 'b')\n",
]
