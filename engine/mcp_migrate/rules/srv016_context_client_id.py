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
    for node in ctx.context_attrs("client_id"):
        msg = (
            "`Context.client_id` was removed: it read the `client_id` key of the request `_meta`; for the "
            "authenticated OAuth client use `get_access_token().client_id`"
        )
        if isinstance(node.ctx, ast.Load):
            text = '(%s.request_context.meta or {}).get("client_id")' % ctx.source(node.value)
            ctx.fix(node, msg, [ctx.replace(node, text)])
        else:
            ctx.manual(node, msg)
