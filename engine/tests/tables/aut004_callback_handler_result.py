"""AUT004: OAuth `callback_handler` returns `AuthorizationCodeResult`

Rule: engine/mcp_migrate/rules/aut004_callback_handler_result.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

TODO_MARKER = (
    "# mcp-migrate: AUT004 `callback_handler` must return `AuthorizationCodeResult(code=..., state=..., "
    "iss=...)` (from `mcp.client.auth`) instead of a `(code, state)` tuple; forward the redirect's `iss` "
    "query parameter as `iss=` so RFC 9207 issuer validation can run "
    "https://py.sdk.modelcontextprotocol.io/v2/migration/#oauth-callback_handler-returns-authorizationcoderesult\n"
)

CASES = [
    case(
        " from urllib.parse import parse_qs, urlparse\n"
        " \n"
        " from mcp.client.auth import OAuthClientProvider\n"
        "+from mcp.client.auth import AuthorizationCodeResult\n"
        " \n"
        " \n"
        "-async def callback_handler() -> tuple[str, str | None]:\n"
        "+async def callback_handler() -> AuthorizationCodeResult:\n"
        "     params = parse_qs(urlparse(await wait_for_redirect()).query)\n"
        "-    return params['code'][0], params.get('state', [None])[0]\n"
        "+    return AuthorizationCodeResult(code=params['code'][0], state=params.get('state', [None])[0])\n"
        " \n"
        " \n"
        " provider = OAuthClientProvider(\n"
        "     server_url=URL,\n"
        "     client_metadata=METADATA,\n"
        "     storage=storage,\n"
        "     redirect_handler=open_browser,\n"
        "     callback_handler=callback_handler,\n"
        " )\n",
        findings=["AUT004:6 review", "AUT004:16 review"],
    ),
    case(
        " from mcp.client.auth import OAuthClientProvider\n"
        "+from mcp.client.auth import AuthorizationCodeResult\n"
        " \n"
        " class App:\n"
        "     async def on_callback(self):\n"
        "         code, state = await self.server.wait()\n"
        "         if code is None:\n"
        "             raise RuntimeError('no code')\n"
        "-        return code, state\n"
        "+        return AuthorizationCodeResult(code=code, state=state)\n"
        " \n"
        "     def provider(self):\n"
        "         return OAuthClientProvider(URL, META, self.storage, self.on_redirect, self.on_callback)\n",
        findings=["AUT004:4 review", "AUT004:11 review"],
    ),
    case(
        " from mcp.client.auth import OAuthClientProvider\n"
        " from handlers import wait_for_code\n"
        "+# mcp-migrate: AUT004 `callback_handler` must return `AuthorizationCodeResult(code=..., state=..., iss=...)` (from `mcp.client.auth`) instead of a `(code, state)` tuple; forward the redirect's `iss` query parameter as `iss=` so RFC 9207 issuer validation can run https://py.sdk.modelcontextprotocol.io/v2/migration/#oauth-callback_handler-returns-authorizationcoderesult\n"
        " p = OAuthClientProvider(URL, META, storage, callback_handler=wait_for_code)\n",
        findings=["AUT004:3 manual"],
    ),
    # the guide's fragment
    case(
        "+# mcp-migrate: AUT004 `callback_handler` must return `AuthorizationCodeResult(code=..., state=..., iss=...)` (from `mcp.client.auth`) instead of a `(code, state)` tuple; forward the redirect's `iss` query parameter as `iss=` so RFC 9207 issuer validation can run https://py.sdk.modelcontextprotocol.io/v2/migration/#oauth-callback_handler-returns-authorizationcoderesult\n"
        " async def callback_handler() -> tuple[str, str | None]:\n"
        "     params = parse_qs(urlparse(await wait_for_redirect()).query)\n"
        "     return params['code'][0], params.get('state', [None])[0]\n",
        findings=["AUT004:1 manual"],
    ),
    # a handler the rule cannot rewrite: marked on its def and where it is passed (the type error)
    case(
        " from mcp.client.auth import OAuthClientProvider\n"
        " \n"
        "+" + TODO_MARKER + " async def handle_callback() -> tuple[str, str | None]:\n"
        "     raise NotImplementedError\n"
        " \n"
        "+" + TODO_MARKER + " provider = OAuthClientProvider(\n"
        "     server_url=URL,\n"
        "     client_metadata=METADATA,\n"
        "     storage=storage,\n"
        "     redirect_handler=open_browser,\n"
        "     callback_handler=handle_callback,\n"
        " )\n",
        findings=["AUT004:3 manual", "AUT004:11 manual"],
    ),
]

NOOP = [
    "from mcp.client.auth import AuthorizationCodeResult, OAuthClientProvider\n"
    "\n"
    "async def cb() -> AuthorizationCodeResult:\n"
    "    return AuthorizationCodeResult(code='c', state=None, iss=None)\n"
    "\n"
    "p = OAuthClientProvider(URL, META, storage, callback_handler=cb)\n",
    "from fastmcp.client.auth import OAuthClientProvider\n"
    "async def cb():\n"
    "    return 'c', None\n"
    "p = OAuthClientProvider(URL, META, storage, callback_handler=cb)\n",
    "from mcp.client.auth import OAuthClientProvider\np = OAuthClientProvider(URL, META, storage)\n",
    "import asyncio\n\nasync def callback_handler() -> tuple[str, str]:\n    return 'a', 'b'\n",
]
