import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

STREAMABLE = sdk.STREAMABLE_HTTP_CLIENT
LEGACY_STREAMABLE = sdk.STREAMABLEHTTP_CLIENT
SSE = sdk.SSE_CLIENT
PROVIDERS = (sdk.OAUTH_CLIENT_PROVIDER, sdk.CLIENT_CREDENTIALS_PROVIDER, sdk.PRIVATE_KEY_JWT_PROVIDER)
HTTPX_UTILS = ("mcp.shared._httpx_utils.create_mcp_http_client", "mcp.shared._httpx_utils.McpHttpClientFactory")
HANDED = {
    # (`auth=` / `httpx_client_factory=` on the new name: TRN001 renamed a v1 call it left marked)
    STREAMABLE: ("http_client", "auth", "httpx_client_factory"),
    LEGACY_STREAMABLE: ("auth", "httpx_client_factory"),
    SSE: ("auth", "httpx_client_factory"),
}
MSG = (
    "the SDK now takes `httpx2` objects (`http_client=`, `auth=`, `httpx_client_factory`): switch this file "
    "from `httpx` to the API-compatible `httpx2`, including `except httpx.*` clauses and test transports"
)


@rule(
    code="PKG101",
    title="`httpx` and `httpx-sse` replaced by `httpx2`",
    anchor="httpx-and-httpx-sse-replaced-by-httpx2",
    fix_class="review",
    summary="""
        In a file that hands `httpx` objects to the SDK (an `httpx.AsyncClient` as
        `streamable_http_client(http_client=...)`, directly or through a variable, a `self.`
        attribute or a factory method; an `httpx.Auth` (an annotated parameter, a subclass) or
        client factory for `sse_client`; an SDK OAuth provider as `httpx.AsyncClient(auth=...)`;
        `httpx` arguments to the SDK's `create_mcp_http_client` or to any other SDK function, such as
        the OAuth helpers of `mcp.client.auth.utils`; a subclass of an SDK OAuth provider whose
        overrides are typed with `httpx`), moves the file's `httpx` imports
        and references to `httpx2`, reported where each object meets the SDK.
    """,
    why="""
        The SDK's transports and auth providers are `httpx2` types now. `httpx.AsyncClient(auth=provider)`
        raises `TypeError: Invalid "auth" argument`; an `httpx.AsyncClient` passed as `http_client`
        degrades silently (server-initiated messages stop arriving), and `except httpx.ConnectError`
        never matches the SDK's `httpx2` exceptions. Files that use `httpx` only for their own requests
        are left alone (keep `httpx` in your dependencies for them).
    """,
    example="""
        -import httpx
        +import httpx2

         from mcp.client.streamable_http import streamable_http_client


        -async def main(url: str, oauth: httpx.Auth) -> None:
        -    async with httpx.AsyncClient(auth=oauth) as http:
        +async def main(url: str, oauth: httpx2.Auth) -> None:
        +    async with httpx2.AsyncClient(auth=oauth) as http:
                 async with streamable_http_client(url, http_client=http) as (read, write, _):
                     print(read, write)
    """,
    v1_names=[
        STREAMABLE + "(http_client)",
        LEGACY_STREAMABLE + "(httpx_client_factory)",
        SSE + "(auth)",
        SSE + "(httpx_client_factory)",
    ]
    + list(PROVIDERS)
    + list(HTTPX_UTILS),
    v2_names=[STREAMABLE + "(http_client)", SSE + "(auth)", SSE + "(httpx_client_factory)"],
)
def check(ctx: PythonContext):
    if "httpx" not in ctx.text:  # (the spelling every trigger below needs)
        return
    anchor = _handed_to_sdk(ctx)
    if anchor is None:
        return
    start = len(ctx.findings)
    ctx.rename_module("httpx", "httpx2", MSG)
    found = ctx.findings[start:]
    del ctx.findings[start:]
    edits = [e for f in found for e in f.edits] + _local_names(ctx)
    if not found:
        return
    # One finding where each handed object meets the SDK (where a type checker reports it), all
    # carrying the same whole-file edits, so they are applied or left as markers together.
    for target in _sites(ctx, anchor):
        if edits and all(f.edits for f in found):
            ctx.fix(target, MSG, edits)
        else:
            ctx.manual(target, MSG)


def _sites(ctx, anchor):
    """The anchor, plus every argument the SDK's transports take as httpx objects, plus httpx
    objects passed to calls (the SDK's client factory) in files that use it; one per statement."""
    out = [anchor]
    for qual, kwargs in HANDED.items():
        for call in ctx.calls(qual):
            out += [k for k in call.keywords if k.arg in kwargs and not _httpx2_built(ctx, k.value)]
    if ctx.import_aliases(*HTTPX_UTILS):
        for call in ctx.walk(ast.Call):
            if not _is_httpx(ctx, call.func):
                out += [k for k in call.keywords if isinstance(k.value, ast.Call) and _is_httpx(ctx, k.value.func)]
        for call in ctx.calls(HTTPX_UTILS[0]):
            out += [k for k in call.keywords if _httpx_value(ctx, k.value)]
    out += _sdk_call_arguments(ctx) + _provider_overrides(ctx) + _provider_auths(ctx)
    seen, sites = set(), []
    for node in out:
        stmt = id(ctx.statement_of(node))
        if stmt not in seen:
            seen.add(stmt)
            sites.append(node)
    return sites


def _provider_auths(ctx):
    """`httpx.AsyncClient(auth=provider)` with an SDK OAuth provider (an `httpx2.Auth` in v2)."""
    out = []
    for call in ctx.walk(ast.Call):
        auth = ctx.keyword(call, "auth") if _is_httpx(ctx, call.func) else None
        if auth is not None and ctx.is_instance(auth.value, *PROVIDERS):
            out.append(auth)
    return out


def _sdk_call_arguments(ctx):
    """httpx values passed to the SDK's functions other than the transports (those are HANDED)."""
    out = []
    for call in ctx.walk(ast.Call):
        q = ctx.qualname(call.func) if isinstance(call.func, (ast.Name, ast.Attribute)) else None
        if q is None or not q.startswith("mcp.") or q in HANDED:
            continue
        out += [a for a in call.args + [k.value for k in call.keywords] if _httpx_object(ctx, a)]
    return out


def _httpx_object(ctx, expr):
    """_httpx_value, but not for a def or method handed over as a callback (`redirect_handler=` that
    makes its own httpx requests is the file's own use of httpx)."""
    b = ctx.binding(expr) if isinstance(expr, ast.Name) else None
    if b is not None and isinstance(b.node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
        return False
    if isinstance(expr, ast.Lambda) or (isinstance(expr, ast.Attribute) and ctx.types.local_def(expr)):
        return False
    return _httpx_value(ctx, expr)


def _provider_overrides(ctx):
    """The httpx annotations of methods in a subclass of an SDK auth provider (an `httpx2.Auth` in v2)."""
    out = []
    for cls in ctx.walk(ast.ClassDef):
        if ctx.canonical(ctx.types.sdk_base(cls) or "") not in {ctx.canonical(p) for p in PROVIDERS}:
            continue
        for fn in cls.body:
            if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                anns = [a.annotation for a in fn.args.args + fn.args.kwonlyargs if a.annotation is not None]
                out += [a for a in anns + [fn.returns] if a is not None and _mentions_httpx(ctx, a)][:1]
    return out


def _local_names(ctx):
    """`import httpx` binds the name `httpx`, which rename_module leaves alone: rename its uses too."""
    edits = []
    for node in ctx.walk(ast.Import):
        for a in node.names:
            if a.name == "httpx" and not a.asname:
                for n in ctx.bound_names(a):
                    span = ctx.name_span(n)
                    if span:
                        edits.append(ctx.replace(span, "httpx2"))
    return edits


def _is_httpx(ctx, expr):
    q = ctx.qualname(expr) if isinstance(expr, (ast.Name, ast.Attribute)) else None
    return q is not None and (q == "httpx" or q.startswith("httpx."))


def _httpx_value(ctx, expr, depth=0):
    """`expr` is (or names a variable, attribute, parameter or def holding) an httpx object or an
    httpx-built factory."""
    if depth > 4:
        return False
    if isinstance(expr, ast.Await):
        expr = expr.value
    if isinstance(expr, ast.IfExp):  # `BearerAuth(token) if token else None`
        return _httpx_value(ctx, expr.body, depth + 1) or _httpx_value(ctx, expr.orelse, depth + 1)
    if isinstance(expr, ast.Call):
        if _is_httpx(ctx, expr.func):
            return True
        if isinstance(expr.func, ast.Name) and expr.func.id == "partial" and expr.args:
            return _httpx_value(ctx, expr.args[0], depth + 1)  # functools.partial(factory, ...)
        return _httpx_value(ctx, expr.func, depth + 1)  # a local class or factory building one
    if isinstance(expr, ast.Attribute):
        fn = ctx.types.local_def(expr)  # `self._make_client` passed as a factory
        if fn is not None:
            return _mentions_httpx(ctx, fn)
        return any(_httpx_value(ctx, v, depth + 1) for v in ctx.assigned_values(expr))
    if isinstance(expr, ast.Name):
        b = ctx.binding(expr)
        node = b.node if b is not None else None
        if isinstance(node, ast.arg):  # a parameter annotated with an httpx type
            return node.annotation is not None and _mentions_httpx(ctx, node.annotation)
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.withitem)):
            value = node.context_expr if isinstance(node, ast.withitem) else node.value
            return value is not None and _httpx_value(ctx, value, depth + 1)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            return _mentions_httpx(ctx, node)
    return False


def _httpx2_built(ctx, expr):
    """A name bound to an `httpx2` object (the client TRN001 builds): nothing left to switch."""
    b = ctx.binding(expr) if isinstance(expr, ast.Name) else None
    node = b.node if b is not None else None
    value = node.context_expr if isinstance(node, ast.withitem) else getattr(node, "value", None)
    q = ctx.qualname(value.func) if isinstance(value, ast.Call) else None
    return q is not None and q.startswith("httpx2.")


def _mentions_httpx(ctx, node):
    return any(_is_httpx(ctx, n) for n in ast.walk(node) if isinstance(n, (ast.Name, ast.Attribute)))


def _handed_to_sdk(ctx):
    for qual, kwargs in HANDED.items():
        for call in ctx.calls(qual):
            for k in call.keywords:
                if k.arg in kwargs and _httpx_value(ctx, k.value):
                    return k
            if qual == STREAMABLE and len(call.args) > 1 and _httpx_value(ctx, call.args[1]):
                return call.args[1]
    found = next(iter(_provider_auths(ctx)), None)
    if found is not None:
        return found
    # The SDK's client factory (typed in httpx2 in v2) in a file that also builds httpx objects.
    for alias in ctx.import_aliases(*HTTPX_UTILS):
        if any(_is_httpx(ctx, n) for n in ctx.walk(ast.Name, ast.Attribute)):
            return alias
    # v2's SDK has no httpx type left: an httpx object handed to any SDK function (the OAuth helpers
    # of `mcp.client.auth.utils` take `httpx2.Response`), or an SDK auth provider subclassed with
    # httpx-typed overrides (`async_auth_flow(self, request: httpx.Request)`).
    found = next(iter(_sdk_call_arguments(ctx)), None) or next(iter(_provider_overrides(ctx)), None)
    if found is not None:
        return found
    # A snippet whose only import is httpx, building the client under the SDK's parameter name.
    if ctx.imports() and all(
        isinstance(n, ast.Import) and [a.name for a in n.names] == ["httpx"] for n in ctx.imports()
    ):
        for node in ctx.walk(ast.Assign):
            if [getattr(t, "id", None) for t in node.targets] == ["http_client"] and _httpx_value(ctx, node.value):
                return node.targets[0]
    return None
