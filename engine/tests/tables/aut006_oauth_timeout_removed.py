"""AUT006: `timeout` parameter removed from `OAuthClientProvider`

Rule: engine/mcp_migrate/rules/aut006_oauth_timeout_removed.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.client.auth import OAuthClientProvider\n"
        "-provider = OAuthClientProvider(server_url, client_metadata, storage, timeout=120.0)\n"
        "+provider = OAuthClientProvider(server_url, client_metadata, storage)\n",
        findings=["AUT006:2 safe"],
    ),
    case(
        " from mcp.client.auth import OAuthClientProvider\n"
        " \n"
        " oauth_auth = OAuthClientProvider(\n"
        "     server_url='http://localhost:8001',\n"
        "     client_metadata=OAuthClientMetadata(client_name='demo', redirect_uris=[CALLBACK]),\n"
        "     storage=InMemoryTokenStorage(),\n"
        "-    timeout=300.0,\n"
        "     redirect_handler=handle_redirect,\n"
        "     callback_handler=handle_callback,\n"
        " )\n",
        findings=["AUT006:7 safe"],
    ),
    case(
        " from mcp.client.auth.oauth2 import OAuthClientProvider\n"
        "-p = OAuthClientProvider(url, meta, storage, timeout=settings.timeout())\n"
        "+p = OAuthClientProvider(url, meta, storage)\n",
        findings=["AUT006:2 review"],
    ),
    case(
        " from mcp.client.auth import OAuthClientProvider\n"
        " \n"
        " class Provider(OAuthClientProvider):\n"
        "     def __init__(self, storage):\n"
        "-        super().__init__(URL, META, storage, timeout=60)\n"
        "+        super().__init__(URL, META, storage)\n",
        findings=["AUT006:5 safe"],
    ),
    case(
        " from mcp.client.auth import OAuthClientProvider\n"
        "+# mcp-migrate: AUT006 the 6th positional argument was `timeout` and is `client_metadata_url` in v2: remove it; bound the wait inside your `redirect_handler`/`callback_handler` (`with anyio.fail_after(...)`) if you need one https://py.sdk.modelcontextprotocol.io/v2/migration/#timeout-parameter-removed-from-oauthclientprovider\n"
        " p = OAuthClientProvider(url, meta, storage, on_redirect, on_callback, 300.0)\n",
        findings=["AUT006:2 manual"],
    ),
    case(
        "+# mcp-migrate: AUT006 remove `timeout=`; bound the wait inside your `redirect_handler`/`callback_handler` (`with anyio.fail_after(...)`) if you need one https://py.sdk.modelcontextprotocol.io/v2/migration/#timeout-parameter-removed-from-oauthclientprovider\n"
        " provider = OAuthClientProvider(server_url, client_metadata, storage, timeout=120.0)\n",
        findings=["AUT006:1 manual"],
    ),
]

NOOP = [
    "from mcp.client.auth import OAuthClientProvider\np = OAuthClientProvider(url, meta, storage)\n",
    "from httpx import Client\nc = Client(timeout=120.0)\n",
    "class OAuthClientProvider:\n    pass\n\np = OAuthClientProvider(timeout=3)\n",
    "from mcp.client.auth import OAuthClientProvider\n"
    "p = OAuthClientProvider(url, meta, storage, client_metadata_url=u)\n",
]
