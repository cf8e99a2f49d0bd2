"""TRN001: `streamablehttp_client` removed

Rule: engine/mcp_migrate/rules/trn001_streamablehttp_client.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        "-from mcp.client.streamable_http import streamablehttp_client\n"
        "+from mcp.client.streamable_http import streamable_http_client\n"
        " \n"
        "-async with streamablehttp_client('http://x/mcp') as (r, w, _):\n"
        "+async with streamable_http_client('http://x/mcp') as (r, w, _):\n"
        "     pass\n",
        findings=["TRN001:1 safe"],
    ),
    case(
        "-from mcp.client.streamable_http import streamablehttp_client\n"
        "+from mcp.client.streamable_http import streamable_http_client\n"
        " \n"
        "-async with streamablehttp_client(\n"
        "+# mcp-migrate: TRN001 `streamable_http_client()` takes only `url`, `http_client=`, `terminate_on_close=`: for `headers=`, `timeout=` build an `httpx2.AsyncClient(headers=..., timeout=httpx2.Timeout(30, read=300), auth=..., follow_redirects=True)`, pass it as `http_client=` and close it (`async with http_client:`) https://py.sdk.modelcontextprotocol.io/v2/migration/#streamablehttp_client-removed\n"
        "+async with streamable_http_client(\n"
        "     url=u,\n"
        "     headers={'A': 'b'},\n"
        "     timeout=30,\n"
        " ) as (r, w, g):\n"
        "     pass\n",
        findings=["TRN001:1 safe", "TRN001:3 manual"],
    ),
    case(
        " import mcp.client.streamable_http as sh\n"
        "-cm = sh.streamablehttp_client(u)\n"
        "+cm = sh.streamable_http_client(u)\n",
        findings=["TRN001:2 safe"],
    ),
]

NOOP = [
    "from mcp.client.streamable_http import streamable_http_client\n"
    "cm = streamable_http_client(u)\n",
    "def streamablehttp_client(u):\n"
    "    pass\n"
    "\n"
    "streamablehttp_client(u, headers={})\n",
]
