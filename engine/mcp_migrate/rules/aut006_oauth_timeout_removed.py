import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

PROVIDER = sdk.OAUTH_CLIENT_PROVIDER
TIMEOUT_POSITION = 5  # server_url, client_metadata, storage, redirect_handler, callback_handler, timeout
MSG = "`OAuthClientProvider` no longer takes `timeout` (it was never read)"
BOUND = (
    "bound the wait inside your `redirect_handler`/`callback_handler` (`with anyio.fail_after(...)`) if you need one"
)


@rule(
    code="AUT006",
    title="`timeout` parameter removed from `OAuthClientProvider`",
    anchor="timeout-parameter-removed-from-oauthclientprovider",
    fix_class="safe",
    summary="""
        Removes the `timeout=` keyword from `OAuthClientProvider(...)` (and `super().__init__(...)` in
        its subclasses), and marks a positional timeout, whose slot v2 gives to `client_metadata_url`.
    """,
    why="""
        v2 raises `TypeError: OAuthClientProvider.__init__() got an unexpected keyword argument 'timeout'`.
        The value was stored but never read, so dropping it changes nothing at runtime. A timeout
        passed positionally would silently become `client_metadata_url` in v2.
    """,
    example="""
         from mcp.client.auth import OAuthClientProvider


         def make_provider(server_url, client_metadata, storage) -> OAuthClientProvider:
        -    return OAuthClientProvider(server_url, client_metadata, storage, timeout=120.0)
        +    return OAuthClientProvider(server_url, client_metadata, storage)
    """,
    v1_names=[PROVIDER, "mcp.client.auth.oauth2.OAuthClientProvider.__init__(timeout)"],
    v2_names=["mcp.client.auth.oauth2.OAuthClientProvider.__init__(client_metadata_url)"],
)
def check(ctx: PythonContext):
    for call, resolved in ctx.constructor_calls(PROVIDER):
        is_super = isinstance(call.func, ast.Attribute) and call.func.attr == "__init__"
        positional = [a for a in call.args]
        if (
            not is_super
            and len(positional) > TIMEOUT_POSITION
            and not any(isinstance(a, ast.Starred) for a in positional[: TIMEOUT_POSITION + 1])
        ):
            ctx.manual(
                call,
                "the 6th positional argument was `timeout` and is `client_metadata_url` in v2: remove it; " + BOUND,
            )
            continue
        kw = ctx.keyword(call, "timeout")
        if kw is None:
            continue
        edit = ctx.remove_kwarg(call, "timeout") if resolved else None
        if edit is None:
            ctx.manual(call, "remove `timeout=`; " + BOUND)
        elif _pure(kw.value):
            ctx.fix(kw, MSG, [edit])
        else:  # the value expression might have side effects
            ctx.fix(kw, MSG + "; its value expression is dropped too", [edit], fix_class="review")


def _pure(expr):
    return all(
        isinstance(
            n, (ast.Constant, ast.Name, ast.Attribute, ast.Load, ast.UnaryOp, ast.USub, ast.BinOp, ast.Mult, ast.Add)
        )
        for n in ast.walk(expr)
    )
