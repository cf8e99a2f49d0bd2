"""PKG004: WebSocket transport removed

Rule: engine/mcp_migrate/rules/pkg004_ws_extra.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

FILENAME = "requirements.txt"

CASES = [
    case(
        "+# mcp-migrate: PKG004 the `ws` extra was removed in v2 (WebSocket transport removed): move to streamable HTTP, then drop `ws` from the extras https://py.sdk.modelcontextprotocol.io/v2/migration/#websocket-transport-removed\n"
        " mcp[cli,ws]>=2,<3\n",
        findings=["PKG004:1 manual"],
    ),
    case(
        " [tool.poetry.dependencies]\n"
        "+# mcp-migrate: PKG004 the `ws` extra was removed in v2 (WebSocket transport removed): move to streamable HTTP, then drop `ws` from the extras https://py.sdk.modelcontextprotocol.io/v2/migration/#websocket-transport-removed\n"
        ' mcp = {extras = ["ws"], git = "https://x"}\n',
        findings=["PKG004:2 manual"],
        filename="pyproject.toml",
    ),
]

NOOP = [
    "mcp[cli]\n",
    "websockets>=15\n",
]
