import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

MOD = sdk.CLIENT_CREDENTIALS
PROVIDER = sdk.RFC7523_PROVIDER
PARAMS = sdk.JWT_PARAMETERS
ADVICE = {
    PROVIDER: "`RFC7523OAuthClientProvider` was removed: use `ClientCredentialsOAuthProvider` (client secret), "
    "`PrivateKeyJWTOAuthProvider` (JWT client auth on `client_credentials`) or "
    "`IdentityAssertionOAuthProvider` (ID-JAG `jwt-bearer`), whichever flow you run",
    PARAMS: "`JWTParameters` was removed: build the assertion with "
    "`SignedJWTParameters(issuer=..., subject=..., signing_key=...).create_assertion_provider()` "
    "or wrap a prebuilt JWT with `static_assertion_provider(token)`",
}


@rule(
    code="AUT001",
    title="`RFC7523OAuthClientProvider` and `JWTParameters` removed",
    anchor="rfc7523oauthclientprovider-and-jwtparameters-removed",
    fix_class="manual",
    summary="""
        Marks every import and use of `RFC7523OAuthClientProvider` and `JWTParameters` with the
        purpose-built v2 replacement for each flow.
    """,
    why="""
        Both were removed from `mcp.client.auth.extensions.client_credentials`; the import fails with
        `ImportError: cannot import name 'RFC7523OAuthClientProvider'`. The replacement depends on the
        flow (client secret, `private_key_jwt`, or ID-JAG), and the authorization-code mode has none,
        so the engine cannot pick one.
    """,
    example="""
        +# mcp-migrate: AUT001 `JWTParameters` was removed: build the assertion with `SignedJWTParameters(issuer=..., subject=..., signing_key=...).create_assertion_provider()` or wrap a prebuilt JWT with `static_assertion_provider(token)`; `RFC7523OAuthClientProvider` was removed: use `ClientCredentialsOAuthProvider` (client secret), `PrivateKeyJWTOAuthProvider` (JWT client auth on `client_credentials`) or `IdentityAssertionOAuthProvider` (ID-JAG `jwt-bearer`), whichever flow you run https://py.sdk.modelcontextprotocol.io/v2/migration/#rfc7523oauthclientprovider-and-jwtparameters-removed
         from mcp.client.auth.extensions.client_credentials import JWTParameters, RFC7523OAuthClientProvider
    """,
    v1_names=[PROVIDER, PARAMS],
    v2_names=[
        MOD + ".ClientCredentialsOAuthProvider",
        MOD + ".PrivateKeyJWTOAuthProvider",
        MOD + ".SignedJWTParameters",
        MOD + ".static_assertion_provider",
        "mcp.client.auth.extensions.identity_assertion.IdentityAssertionOAuthProvider",
    ],
)
def check(ctx: PythonContext):
    for node in ctx.walk(ast.ImportFrom):
        if node.level or not node.module:
            continue
        for a in node.names:
            for q in (PROVIDER, PARAMS):
                if ctx.canonical(node.module + "." + a.name) == ctx.canonical(q):
                    ctx.manual(a, ADVICE[q])
    for q in (PROVIDER, PARAMS):
        for ref in ctx.references(q):
            if not isinstance(ctx.parent(ref), ast.Attribute):
                ctx.manual(ref, ADVICE[q])
        for call, resolved in ctx.sdk_calls(q):
            if not resolved:
                ctx.manual(call, ADVICE[q])
