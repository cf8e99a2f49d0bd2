import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

OLD_MOD = sdk.CLIENT_CREDENTIALS
NEW_MOD = "mcp.client.auth"
NAME = "OAuthTokenError"
MSG = "import `OAuthTokenError` from `mcp.client.auth`; `%s` no longer re-exports it" % OLD_MOD


@rule(
    code="AUT002",
    title="Unchanged auth surfaces",
    anchor="unchanged-auth-surfaces",
    fix_class="safe",
    summary="""
        Moves an `OAuthTokenError` import from `mcp.client.auth.extensions.client_credentials`
        (which only happened to re-export it in v1) to `mcp.client.auth`.
    """,
    why="""
        The rest of the auth surface carries over, but v2's client-credentials module no longer
        re-exports `OAuthTokenError`: `ImportError: cannot import name 'OAuthTokenError' from
        'mcp.client.auth.extensions.client_credentials'`.
    """,
    example="""
        -from mcp.client.auth.extensions.client_credentials import ClientCredentialsOAuthProvider, OAuthTokenError
        +from mcp.client.auth.extensions.client_credentials import ClientCredentialsOAuthProvider
        +from mcp.client.auth import OAuthTokenError
    """,
    v1_names=[OLD_MOD + "." + NAME],
    v2_names=[NEW_MOD + "." + NAME],
)
def check(ctx: PythonContext):
    for node in ctx.walk(ast.ImportFrom):
        if node.level or node.module != OLD_MOD:
            continue
        names = node.names
        for i, a in enumerate(names):
            if a.name != NAME:
                continue
            if len(names) == 1:
                span = ctx.from_module_span(node)
                if span:
                    ctx.fix(a, MSG, [ctx.replace(span, NEW_MOD)])
                else:
                    ctx.manual(node, MSG)
                continue
            # Drop the name (and one neighbouring comma) and import it on a line of its own.
            s, e = ctx.span(a)
            if i > 0:
                s = ctx.span(names[i - 1])[1]
            else:
                e = ctx.span(names[1])[0]
            line = "from %s import %s%s" % (NEW_MOD, NAME, " as " + a.asname if a.asname else "")
            end_line = node.end_lineno
            indent = ctx.index.indentation(node.lineno)
            nl = ctx.index.newline()
            if end_line < ctx.index.line_count:
                at = ctx.index.line_start(end_line + 1)
                add = ctx.insert(at, indent + line + nl)
            else:
                add = ctx.insert(len(ctx.text), nl + indent + line)
            if ";" in ctx.index.line_text(end_line)[ctx.span(node)[1] - ctx.index.line_start(end_line) :]:
                ctx.manual(node, MSG)
                continue
            ctx.fix(a, MSG, [ctx.delete((s, e)), add])
    for ref in ctx.walk(ast.Attribute):
        if ref.attr == NAME and ctx.qualname(ref) == OLD_MOD + "." + NAME:
            ctx.manual(ref, MSG)
