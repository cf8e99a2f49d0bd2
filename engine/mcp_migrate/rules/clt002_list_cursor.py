import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

LISTS = ("list_resources", "list_resource_templates", "list_prompts", "list_tools")


@rule(
    code="CLT002",
    title="`cursor` parameter removed from `ClientSession` list methods",
    anchor="cursor-parameter-removed-from-clientsession-list-methods",
    fix_class="safe",
    summary="""
        Rewrites `session.list_tools(cursor=c)` (and `list_resources`, `list_resource_templates`,
        `list_prompts`) on a `ClientSession` to `params=PaginatedRequestParams(cursor=c)`, adding
        the import. Review when the receiver's type is not shown (the high-level `Client` keeps
        `cursor=`).
    """,
    why="""
        v2 raises `TypeError: ClientSession.list_tools() got an unexpected keyword argument 'cursor'`.
    """,
    example="""
         from mcp import ClientSession
        +from mcp.types import PaginatedRequestParams


         async def next_page(session: ClientSession, token: str):
        -    return await session.list_tools(cursor=token)
        +    return await session.list_tools(params=PaginatedRequestParams(cursor=token))
    """,
    v1_names=["mcp.client.session.ClientSession.%s(cursor)" % m for m in LISTS],
    v2_names=["mcp.client.session.ClientSession.%s(params)" % m for m in LISTS] + ["mcp.types.PaginatedRequestParams"],
)
def check(ctx: PythonContext):
    hits = []
    for call in ctx.walk(ast.Call):
        f = call.func
        if isinstance(f, ast.Attribute) and f.attr in LISTS and not ctx.keyword(call, "params"):
            arg = ctx.keyword(call, "cursor") or (call.args[0] if len(call.args) == 1 else None)
            level = ctx.receiver_level(f.value, sdk.CLIENT_SESSION) if arg is not None else None
            if level:
                hits.append((call, arg, level))
    imp = ctx.add_import("mcp.types", "PaginatedRequestParams") if hits else None
    for call, arg, level in hits:
        value = arg.value if isinstance(arg, ast.keyword) else arg
        edits = [ctx.replace(arg, "params=PaginatedRequestParams(cursor=%s)" % ctx.source(value))]
        ctx.fix(
            call,
            "`cursor=` is `params=PaginatedRequestParams(cursor=...)` on `ClientSession` in v2",
            edits + ([imp] if imp else []),
            fix_class=level,
        )
