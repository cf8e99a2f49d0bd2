"""PKG003: `httpx` and `httpx-sse` replaced by `httpx2`

Rule: engine/mcp_migrate/rules/pkg003_httpx_pins.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

FILENAME = "requirements.txt"

CASES = [
    case(
        " mcp\n"
        "+# mcp-migrate: PKG003 mcp v2 dropped `httpx-sse`: use `httpx2.EventSource` / `AsyncClient.sse()` and remove this dependency https://py.sdk.modelcontextprotocol.io/v2/migration/#httpx-and-httpx-sse-replaced-by-httpx2\n"
        " httpx-sse>=0.4\n",
        findings=["PKG003:2 manual"],
    ),
]

NOOP = [
    "httpx>=0.27\n",
    "mcp\nhttpx2>=2.5\n",
]
