import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

PROVIDER = sdk.OAUTH_CLIENT_PROVIDER
CALLBACK_POSITION = 4
RESULT = "AuthorizationCodeResult"
FORWARD_ISS = "forward the redirect's `iss` query parameter as `iss=` so RFC 9207 issuer validation can run"
TODO = (
    "`callback_handler` must return `AuthorizationCodeResult(code=..., state=..., iss=...)` "
    "(from `mcp.client.auth`) instead of a `(code, state)` tuple; " + FORWARD_ISS
)


@rule(
    code="AUT004",
    title="OAuth `callback_handler` returns `AuthorizationCodeResult`",
    anchor="oauth-callback_handler-returns-authorizationcoderesult",
    fix_class="review",
    summary="""
        For the function passed as `callback_handler=` to `OAuthClientProvider` (or a subclass), rewrites
        `return code, state` to `return AuthorizationCodeResult(code=code, state=state)`, its
        `tuple[...]` return annotation to `AuthorizationCodeResult`, and adds the import. Marks
        handlers it cannot rewrite (lambdas, handlers defined elsewhere, non-literal returns).
    """,
    why="""
        v2 reads `.code`, `.state` and `.iss` from the result, so a v1 tuple fails with
        `AttributeError: 'tuple' object has no attribute 'code'`. The `iss` field is new: forward it
        from the redirect, or servers advertising `authorization_response_iss_parameter_supported`
        fail the flow with `OAuthFlowError`.
    """,
    example="""
         from urllib.parse import parse_qs, urlparse

         from mcp.client.auth import OAuthClientProvider
        +from mcp.client.auth import AuthorizationCodeResult


         async def wait_for_redirect() -> str:
             return input("Paste the redirect URL: ")


        -async def callback_handler() -> tuple[str, str | None]:
        +async def callback_handler() -> AuthorizationCodeResult:
             params = parse_qs(urlparse(await wait_for_redirect()).query)
        -    return params["code"][0], params.get("state", [None])[0]
        +    return AuthorizationCodeResult(code=params["code"][0], state=params.get("state", [None])[0])


         def make_provider(url, metadata, storage) -> OAuthClientProvider:
             return OAuthClientProvider(url, metadata, storage, callback_handler=callback_handler)
    """,
    v1_names=[PROVIDER, "mcp.client.auth.oauth2.OAuthClientProvider.__init__(callback_handler)"],
    v2_names=["mcp.client.auth.AuthorizationCodeResult"],
)
def check(ctx: PythonContext):
    plans = {}
    for call, resolved in ctx.constructor_calls(PROVIDER):
        handler = ctx.keyword(call, "callback_handler")
        value = (
            handler.value
            if handler is not None
            else (call.args[CALLBACK_POSITION] if len(call.args) > CALLBACK_POSITION else None)
        )
        if value is None or (isinstance(value, ast.Constant) and value.value is None):
            continue
        fn = ctx.types.local_def(value) if resolved else None
        if fn is None:
            ctx.manual(call, TODO)
            continue
        if id(fn) not in plans:
            plans[id(fn)] = _rewrite(ctx, fn)
        edits = plans[id(fn)]
        # The type error is where the handler is passed: say it there too. The same edits, so the
        # two findings are applied (or left as markers) together.
        if edits:
            ctx.fix(
                value, "the `callback_handler` passed here must return `AuthorizationCodeResult`; " + FORWARD_ISS, edits
            )
        elif edits is not None:
            ctx.manual(value, TODO)
    seen = set(plans)
    # The guide's fragment: a handler named like the parameter, annotated with v1's tuple type.
    for fn in ctx.walk(ast.FunctionDef, ast.AsyncFunctionDef):
        if (
            id(fn) not in seen
            and fn.name.endswith("callback_handler")
            and _is_v1_tuple(fn.returns)
            and _mentions_no_sdk(ctx)
        ):
            ctx.manual(fn, TODO)


def _is_v1_tuple(ann):
    if isinstance(ann, ast.Constant) and isinstance(ann.value, str):
        try:
            ann = ast.parse(ann.value, mode="eval").body
        except SyntaxError:
            return False
    return (
        isinstance(ann, ast.Subscript)
        and isinstance(ann.value, (ast.Name, ast.Attribute))
        and (ann.value.id if isinstance(ann.value, ast.Name) else ann.value.attr) in ("tuple", "Tuple")
    )


def _mentions_no_sdk(ctx):
    return not any(True for _ in ctx.imports()) or any(
        isinstance(n, ast.ImportFrom) and (n.module or "").startswith("mcp.client.auth") for n in ctx.imports()
    )


def _rewrite(ctx, fn):
    """Rewrites the handler (reporting on its def). Its edits, [] when it needs a hand, None when it
    already returns the v2 result."""
    returns = ctx.own_returns(fn)
    pairs = [
        r
        for r in returns
        if isinstance(r.value, ast.Tuple)
        and len(r.value.elts) == 2
        and not any(isinstance(e, ast.Starred) for e in r.value.elts)
    ]
    if not returns or len(pairs) != len(returns):
        if any(_builds_result(r) for r in returns):
            return None
        ctx.manual(fn, TODO)
        return []
    edits = []
    for r in pairs:
        code, state = r.value.elts
        edits.append(ctx.replace(r.value, "%s(code=%s, state=%s)" % (RESULT, ctx.source(code), ctx.source(state))))
    if fn.returns is not None:
        if not _is_v1_tuple(fn.returns):
            ctx.manual(fn, TODO)
            return []
        edits.append(ctx.replace(fn.returns, RESULT))
    imp = ctx.add_import("mcp.client.auth", RESULT)
    if imp is not None:
        edits.append(imp)
    ctx.fix(fn, "return `AuthorizationCodeResult` from `callback_handler`; " + FORWARD_ISS, edits)
    return edits


def _builds_result(r):
    v = r.value
    return (
        isinstance(v, ast.Call)
        and isinstance(v.func, (ast.Name, ast.Attribute))
        and (v.func.id if isinstance(v.func, ast.Name) else v.func.attr) == RESULT
    )
