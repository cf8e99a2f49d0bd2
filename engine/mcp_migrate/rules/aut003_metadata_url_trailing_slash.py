import ast
import re

from .. import sdk
from ..context import PythonContext
from ..framework import rule

const_str = PythonContext.const_str
AUTH_MODULES = sdk.AUTH_MODULES
CLIENT_METADATA = sdk.OAUTH_CLIENT_METADATA
URL_ATTRS = (
    "issuer",
    "issuer_url",
    "resource",
    "resource_server_url",
    "authorization_servers",
    "redirect_uris",
    "service_documentation_url",
)
PATHLESS_SLASH = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#\s]+/$")
PATHLESS = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#\s]+$")
COMPARE = (
    "v2 keeps a path-less metadata URL parsed from a string as-is (`https://as.example.com`, no trailing "
    "slash): compare against the value without the slash"
)
JOIN = (
    "this relies on the trailing slash v1 added to a path-less URL; v2 keeps `https://as.example.com` "
    "as-is: join with `/` explicitly (or use `urljoin`)"
)
REDIRECT = (
    "v2 sends this path-less redirect URI without the trailing slash v1 added: if a client registered "
    "with v1 is persisted in `TokenStorage`, re-register it so the stored URI matches"
)


@rule(
    code="AUT003",
    title="OAuth metadata URLs no longer gain a trailing slash",
    anchor="oauth-metadata-urls-no-longer-gain-a-trailing-slash",
    fix_class="manual",
    summary="""
        In files using the SDK's auth models, marks comparisons of `issuer` / `issuer_url` /
        `resource` / `authorization_servers` / `redirect_uris` values against a path-less URL with a
        trailing slash, string building that relies on that slash, and path-less `redirect_uris`
        strings passed to `OAuthClientMetadata(...)`.
    """,
    why="""
        Silent: `OAuthMetadata`, `ProtectedResourceMetadata`, `OAuthClientMetadata` and `AuthSettings`
        now preserve a path-less URL parsed from a string, so `str(metadata.issuer)` is
        `https://as.example.com`, not `https://as.example.com/`. Equality checks flip, joined URLs lose
        their slash, and persisted redirect URIs stop matching.
    """,
    example="""
         from mcp.shared.auth import OAuthMetadata


         def check_issuer(metadata: OAuthMetadata) -> None:
        +    # mcp-migrate: AUT003 v2 keeps a path-less metadata URL parsed from a string as-is (`https://as.example.com`, no trailing slash): compare against the value without the slash https://py.sdk.modelcontextprotocol.io/v2/migration/#oauth-metadata-urls-no-longer-gain-a-trailing-slash
             assert str(metadata.issuer) == "https://as.example.com/"
    """,
    v1_names=[
        "mcp.shared.auth.OAuthMetadata",
        "mcp.shared.auth.ProtectedResourceMetadata",
        CLIENT_METADATA,
        "mcp.server.auth.settings.AuthSettings",
    ],
    v2_names=[],
)
def check(ctx: PythonContext):
    if ctx.imports_from(*AUTH_MODULES):
        for cmp in ctx.walk(ast.Compare):
            if len(cmp.ops) == 1 and isinstance(cmp.ops[0], (ast.Eq, ast.NotEq)):
                sides = (cmp.left, cmp.comparators[0])
                for lit, other in (sides, sides[::-1]):
                    if PATHLESS_SLASH.match(const_str(lit) or "") and _url_value(other):
                        ctx.manual(cmp, COMPARE)
                        break
        for s in ctx.walk(ast.JoinedStr):
            for prev, nxt in zip(s.values, s.values[1:]):
                if isinstance(prev, ast.FormattedValue) and _url_value(prev.value) and _relies_on_slash(nxt):
                    ctx.manual(s, JOIN)
                    break
        for b in ctx.walk(ast.BinOp):
            if isinstance(b.op, ast.Add) and _url_value(b.left) and _relies_on_slash(b.right):
                ctx.manual(b, JOIN)
    for call, resolved in ctx.sdk_calls(CLIENT_METADATA):
        uris = next((k.value for k in call.keywords if k.arg == "redirect_uris"), None)
        if (
            resolved
            and isinstance(uris, (ast.List, ast.Tuple))
            and any(PATHLESS.match(const_str(e) or "") for e in uris.elts)
        ):
            ctx.manual(call, REDIRECT)


def _url_value(expr):
    """`x.issuer`, `str(x.issuer)`, `x.authorization_servers[0]`, `data["issuer"]`."""
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) and expr.func.id == "str" and len(expr.args) == 1:
        expr = expr.args[0]
    if isinstance(expr, ast.Subscript):
        if const_str(expr.slice) in URL_ATTRS:
            return True
        expr = expr.value
    return isinstance(expr, ast.Attribute) and expr.attr in URL_ATTRS


def _relies_on_slash(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(node.value) and node.value[0] not in "/?#:" and not node.value[0].isspace()
    return False
