import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

FULL = sdk.OAUTH_CLIENT_INFORMATION_FULL
SECRET_METHODS = ("client_secret_post", "client_secret_basic")
NO_SECRET = (
    "v2's `/token` and `/revoke` reject a `%s` client with no stored secret (401 `invalid_client`): "
    "set `token_endpoint_auth_method=\"none\"` for a public client, or store a `client_secret`"
)
ERROR_CODE = (
    "v2's `/token` answers failed client authentication with `invalid_client`, not "
    "`unauthorized_client` (now only for a permitted-grant failure): match the new code or accept both"
)


@rule(
    code="AUT008",
    title="Stricter client authentication at `/token` and `/revoke`",
    anchor="stricter-client-authentication-at-token-and-revoke",
    fix_class="manual",
    summary="""
        Marks hand-provisioned `OAuthClientInformationFull(...)` records with a secret-based
        `token_endpoint_auth_method` and no secret, and, in files using the SDK's authorization
        server, comparisons against the old `"unauthorized_client"` error code.
    """,
    why="""
        The SDK-hosted authorization server now rejects secret-based clients without a stored secret
        ("Client is registered for secret-based authentication but has no stored secret") and reports
        client-authentication failures as `invalid_client`. Both change at runtime only.
    """,
    example="""
         from mcp.shared.auth import OAuthClientInformationFull

        +# mcp-migrate: AUT008 v2's `/token` and `/revoke` reject a `client_secret_post` client with no stored secret (401 `invalid_client`): set `token_endpoint_auth_method="none"` for a public client, or store a `client_secret` https://py.sdk.modelcontextprotocol.io/v2/migration/#stricter-client-authentication-at-token-and-revoke
         LEGACY_CLIENT = OAuthClientInformationFull(
             client_id="legacy-client",
             client_secret=None,
             token_endpoint_auth_method="client_secret_post",
             redirect_uris=["http://localhost:1234/cb"],
         )
    """,
    v1_names=[FULL, "mcp.server.auth"],
    v2_names=[FULL],
)
def check(ctx: PythonContext):
    for call, _ in ctx.sdk_calls(FULL):
        method = ctx.const_str(ctx.keyword_value(call, "token_endpoint_auth_method"))
        if method not in SECRET_METHODS or ctx.has_star(call):
            continue
        secret = ctx.keyword_value(call, "client_secret")
        if secret is None or (isinstance(secret, ast.Constant) and secret.value in (None, "")):
            ctx.manual(call, NO_SECRET % method)
    if not ctx.imports_from(sdk.SERVER_AUTH):
        return
    for cmp in ctx.walk(ast.Compare):
        if (
            len(cmp.ops) == 1
            and isinstance(cmp.ops[0], (ast.Eq, ast.NotEq))
            and "unauthorized_client" in (ctx.const_str(cmp.left), ctx.const_str(cmp.comparators[0]))
        ):
            ctx.manual(cmp, ERROR_CODE)
