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
    example="""
         from mcp.client.auth.extensions.client_credentials import ClientCredentialsOAuthProvider


         def make_provider(url, storage, client_id, secret):
             return ClientCredentialsOAuthProvider(
        -        server_url=url, storage=storage, client_id=client_id, client_secret=secret, scopes="read write"
        +        server_url=url, storage=storage, client_id=client_id, client_secret=secret, scope="read write"
             )
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
