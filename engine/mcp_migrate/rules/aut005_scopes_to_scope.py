from .. import sdk
from ..context import PythonContext
from ..framework import rule

PROVIDERS = (sdk.CLIENT_CREDENTIALS_PROVIDER, sdk.PRIVATE_KEY_JWT_PROVIDER)
MSG = "`scopes=` is now `scope=`"


@rule(
    code="AUT005",
    title="`scopes=` renamed to `scope=` on the client-credentials providers",
    anchor="scopes-renamed-to-scope-on-the-client-credentials-providers",
    fix_class="safe",
    summary="""
        Renames the `scopes=` keyword to `scope=` on `ClientCredentialsOAuthProvider(...)` and
        `PrivateKeyJWTOAuthProvider(...)`, including `super().__init__(...)` in their subclasses.
    """,
    why="""
        v2 renamed the keyword (the value was always one space-separated string):
        `TypeError: ClientCredentialsOAuthProvider.__init__() got an unexpected keyword argument 'scopes'`.
        Positional calls are unaffected (the parameter kept its position).
    """,
    before="""
        ClientCredentialsOAuthProvider(server_url=url, storage=storage, client_id=cid,
                                       client_secret=secret, scopes="read write")
    """,
    after="""
        ClientCredentialsOAuthProvider(server_url=url, storage=storage, client_id=cid,
                                       client_secret=secret, scope="read write")
    """,
    v1_names=[p + ".__init__(scopes)" for p in PROVIDERS],
    v2_names=[p + ".__init__(scope)" for p in PROVIDERS],
)
def check(ctx: PythonContext):
    for p in PROVIDERS:
        for call, resolved in ctx.constructor_calls(p):
            if ctx.keyword(call, "scopes") is None:
                continue
            edit = ctx.rename_kwarg(call, "scopes", "scope") if resolved else None
            if edit is not None and ctx.keyword(call, "scope") is None:
                ctx.fix(call, MSG, [edit])
            else:
                ctx.manual(call, "rename `scopes=` to `scope=`")


CASES = [
    (
        "from mcp.client.auth.extensions.client_credentials import ClientCredentialsOAuthProvider\n"
        "\n"
        "provider = ClientCredentialsOAuthProvider(\n"
        "    server_url='https://api.example.com',\n"
        "    storage=storage,\n"
        "    client_id='id',\n"
        "    client_secret='secret',\n"
        "    scopes='read write',  # space-separated\n"
        ")\n",
        "from mcp.client.auth.extensions.client_credentials import ClientCredentialsOAuthProvider\n"
        "\n"
        "provider = ClientCredentialsOAuthProvider(\n"
        "    server_url='https://api.example.com',\n"
        "    storage=storage,\n"
        "    client_id='id',\n"
        "    client_secret='secret',\n"
        "    scope='read write',  # space-separated\n"
        ")\n",
    ),
    (
        "import mcp.client.auth.extensions.client_credentials as cc\n"
        "p = cc.PrivateKeyJWTOAuthProvider(url, storage, 'id', assertion_provider=ap, scopes=SCOPES)\n",
        "import mcp.client.auth.extensions.client_credentials as cc\n"
        "p = cc.PrivateKeyJWTOAuthProvider(url, storage, 'id', assertion_provider=ap, scope=SCOPES)\n",
    ),
    (
        "from mcp.client.auth.extensions.client_credentials import ClientCredentialsOAuthProvider as CC\n"
        "\n"
        "class MyProvider(CC):\n"
        "    def __init__(self, storage):\n"
        "        super().__init__(URL, storage, 'id', 'secret', scopes='read')\n",
        "from mcp.client.auth.extensions.client_credentials import ClientCredentialsOAuthProvider as CC\n"
        "\n"
        "class MyProvider(CC):\n"
        "    def __init__(self, storage):\n"
        "        super().__init__(URL, storage, 'id', 'secret', scope='read')\n",
    ),
    (  # the guide's fragment, no import line: marked, not rewritten
        'ClientCredentialsOAuthProvider(..., scopes="read write")\n',
        "# mcp-migrate: AUT005 rename `scopes=` to `scope=` "
        "https://mcp-migrate.dev/guide/#scopes-renamed-to-scope-on-the-client-credentials-providers\n"
        'ClientCredentialsOAuthProvider(..., scopes="read write")\n',
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
