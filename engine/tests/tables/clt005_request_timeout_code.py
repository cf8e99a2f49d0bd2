"""CLT005: Client request timeouts now raise `-32001` (`REQUEST_TIMEOUT`) instead of `408`

Rule: engine/mcp_migrate/rules/clt005_request_timeout_code.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    # an error built to stand for a client timeout (a test's mock)
    case(
        " from unittest.mock import AsyncMock\n"
        " from mcp.shared.exceptions import McpError\n"
        " from mcp.types import ErrorData\n"
        "+from mcp.types import REQUEST_TIMEOUT\n"
        " \n"
        "-slow = AsyncMock(side_effect=McpError(ErrorData(code=408, message='Timed out')))\n"
        "+slow = AsyncMock(side_effect=McpError(ErrorData(code=REQUEST_TIMEOUT, message='Timed out')))\n",
        findings=["CLT005:5 review"],
    ),
    case(
        " import httpx\n"
        " from mcp.shared.exceptions import McpError\n"
        "+from mcp.types import REQUEST_TIMEOUT\n"
        " \n"
        " async def f(session):\n"
        "     try:\n"
        "         await session.call_tool('slow_tool', {})\n"
        "     except McpError as e:\n"
        "-        if e.error.code == httpx.codes.REQUEST_TIMEOUT:  # 408\n"
        "+        if e.error.code == REQUEST_TIMEOUT:  # 408\n"
        "             return None\n"
        "         raise\n",
        findings=["CLT005:8 safe"],
    ),
    case(
        " from mcp import McpError\n"
        "+from mcp.types import REQUEST_TIMEOUT\n"
        " \n"
        " try:\n"
        "     pass\n"
        " except McpError as exc:\n"
        "-    retry = 408 == exc.error.code\n"
        "+    retry = REQUEST_TIMEOUT == exc.error.code\n",
        findings=["CLT005:6 safe"],
    ),
    case(
        " from mcp import McpError\n"
        " \n"
        " try:\n"
        "     pass\n"
        " except McpError as e:\n"
        "+    # mcp-migrate: CLT005 v2's timeout message is `Request '<method>' timed out`; compare `e.error.code == REQUEST_TIMEOUT` instead of the text https://py.sdk.modelcontextprotocol.io/v2/migration/#client-request-timeouts-now-raise-32001-request_timeout-instead-of-408\n"
        "     if 'Timed out while waiting' in str(e):\n"
        "         pass\n",
        findings=["CLT005:6 manual"],
    ),
    # the code held in a name first
    case(
        " import httpx\n"
        " from mcp.shared.exceptions import McpError\n"
        "+from mcp.types import REQUEST_TIMEOUT\n"
        " \n"
        " def status(exc):\n"
        "     if isinstance(exc, McpError):\n"
        "         code = exc.error.code\n"
        "-        return 504 if code == httpx.codes.REQUEST_TIMEOUT else 502\n"
        "+        return 504 if code == REQUEST_TIMEOUT else 502\n"
        "     code = 408\n"
        "     return 500 if code == 408 else 0\n",
        findings=["CLT005:7 safe"],
    ),
]

NOOP = [
    "import httpx\n\nr = httpx.get('u')\nif r.status_code == 408:\n    pass\n",
    "from mcp import MCPError\n"
    "from mcp.types import REQUEST_TIMEOUT\n"
    "\n"
    "try:\n"
    "    pass\n"
    "except MCPError as e:\n"
    "    ok = e.code == REQUEST_TIMEOUT\n",
    "from myproj import ApiError\n\ntry:\n    pass\nexcept ApiError as e:\n    ok = e.error.code == 408\n",
]
