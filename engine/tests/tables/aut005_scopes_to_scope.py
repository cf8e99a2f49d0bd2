"""AUT005: `scopes=` renamed to `scope=` on the client-credentials providers

Rule: engine/mcp_migrate/rules/aut005_scopes_to_scope.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.client.auth.extensions.client_credentials import ClientCredentialsOAuthProvider\n"
        " \n"
        " provider = ClientCredentialsOAuthProvider(\n"
        "     server_url='https://api.example.com',\n"
        "     storage=storage,\n"
        "     client_id='id',\n"
        "     client_secret='secret',\n"
        "-    scopes='read write',  # space-separated\n"
        "+    scope='read write',  # space-separated\n"
        " )\n",
        findings=["AUT005:3 safe"],
    ),
    case(
        " import mcp.client.auth.extensions.client_credentials as cc\n"
        "-p = cc.PrivateKeyJWTOAuthProvider(url, storage, 'id', assertion_provider=ap, scopes=SCOPES)\n"
        "+p = cc.PrivateKeyJWTOAuthProvider(url, storage, 'id', assertion_provider=ap, scope=SCOPES)\n",
        findings=["AUT005:2 safe"],
    ),
    case(
        " from mcp.client.auth.extensions.client_credentials import ClientCredentialsOAuthProvider as CC\n"
        " \n"
        " class MyProvider(CC):\n"
        "     def __init__(self, storage):\n"
        "-        super().__init__(URL, storage, 'id', 'secret', scopes='read')\n"
        "+        super().__init__(URL, storage, 'id', 'secret', scope='read')\n",
        findings=["AUT005:5 safe"],
    ),
    # the guide's fragment, no import line: marked, not rewritten
    case(
        "+# mcp-migrate: AUT005 rename `scopes=` to `scope=` https://py.sdk.modelcontextprotocol.io/v2/migration/#scopes-renamed-to-scope-on-the-client-credentials-providers\n"
        ' ClientCredentialsOAuthProvider(..., scopes="read write")\n',
        findings=["AUT005:1 manual"],
    ),
]

NOOP = [
    "from fastmcp.client.auth import ClientCredentialsOAuthProvider\np = ClientCredentialsOAuthProvider(scopes='a')\n",
    "class ClientCredentialsOAuthProvider:\n    pass\n\np = ClientCredentialsOAuthProvider(scopes='a')\n",
    "from mcp.client.auth.extensions.client_credentials import ClientCredentialsOAuthProvider\n"
    "p = ClientCredentialsOAuthProvider(url, storage, 'id', 'secret', scope='read')\n",
    "from mcp.client.auth import OAuthClientProvider\np = OAuthClientProvider(url, meta, storage, scopes='x')\n",
    "import scopes\nx = 'scopes=read'  # scopes=\n",
]
