import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule


@rule(
    code="SRV016",
    title="`Context.client_id` removed",
    anchor="contextclient_id-removed",
    fix_class="review",
    summary="""
        Replaces `ctx.client_id` with the `_meta` lookup it performed in v1:
        `(ctx.request_context.meta or {}).get("client_id")`. If you meant the authenticated OAuth client,
        use `get_access_token().client_id` (`mcp.server.auth.middleware.auth_context`) instead.
    """,
    why="""
        v2 removed the property: `ctx.client_id` raises `AttributeError: 'Context' object has no attribute
        'client_id'`. It only ever echoed a non-standard `_meta` key.
    """,
    example="""
         from mcp.server.fastmcp import Context, FastMCP

         mcp = FastMCP("Demo")


         @mcp.tool()
         async def whoami(ctx: Context) -> str:
        -    return ctx.client_id or "anonymous"
        +    return (ctx.request_context.meta or {}).get("client_id") or "anonymous"
    """,
    v1_names=[sdk.FASTMCP_CONTEXT + ".client_id", sdk.FASTMCP_CONTEXT + ".request_context"],
    v2_names=[
        "mcp.server.mcpserver.context.Context.request_context",
        "mcp.server.auth.middleware.auth_context.get_access_token",
    ],
)
def check(ctx: PythonContext):
    msg = (
        "`Context.client_id` was removed: it read the `client_id` key of the request `_meta`; for the "
        "authenticated OAuth client use `get_access_token().client_id`"
    )
    reads = [n for n in ctx.context_attrs("client_id") if isinstance(n.ctx, ast.Load)]
    tested = _tested_then_used(ctx, reads)
    for node in ctx.context_attrs("client_id"):
        if not isinstance(node.ctx, ast.Load):
            ctx.manual(node, msg)
        elif id(node) in tested:
            ctx.fix(node, msg, tested[id(node)])
        else:
            ctx.fix(node, msg, [ctx.replace(node, _lookup(ctx, node))])


def _lookup(ctx, node):
    return '(%s.request_context.meta or {}).get("client_id")' % ctx.source(node.value)


def _tested_then_used(ctx, reads):
    """{id(read): edits} for `if ctx.client_id: ... ctx.client_id ...`: the test binds the looked-up
    value (`if client_id := ...:`) and the reads in the branch use the name, so the branch keeps v1's
    `str` where a type checker narrowed `ctx.client_id` and cannot narrow a call."""
    out = {}
    for test in reads:
        branch = ctx.parent(test)
        if not (isinstance(branch, ast.If) and branch.test is test):
            continue
        inside = [
            r
            for r in reads
            if r is not test
            and ctx.source(r.value) == ctx.source(test.value)
            and any(r in ast.walk(st) for st in branch.body)
        ]
        name = ctx.fresh_name("client_id", "meta_client_id")
        if not inside or name is None:
            continue
        edits = [ctx.replace(test, "%s := %s" % (name, _lookup(ctx, test)))] + [ctx.replace(r, name) for r in inside]
        for r in [test] + inside:
            out[id(r)] = edits
    return out
