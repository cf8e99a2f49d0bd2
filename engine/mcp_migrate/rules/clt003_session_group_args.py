import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule


@rule(
    code="CLT003",
    title="`args` parameter removed from `ClientSessionGroup.call_tool()`",
    anchor="args-parameter-removed-from-clientsessiongroupcall_tool",
    fix_class="safe",
    summary="""
        Renames `args=` to `arguments=` in `ClientSessionGroup.call_tool()` calls (review when the
        file does not show that the receiver is a `ClientSessionGroup`).
    """,
    why="""
        v2 raises `TypeError: ClientSessionGroup.call_tool() got an unexpected keyword argument 'args'`.
    """,
    example="""
         from mcp.client.session_group import ClientSessionGroup


         async def call(group: ClientSessionGroup):
        -    return await group.call_tool("my_tool", args={"key": "value"})
        +    return await group.call_tool("my_tool", arguments={"key": "value"})
    """,
    v1_names=["mcp.client.session_group.ClientSessionGroup.call_tool(args)"],
    v2_names=["mcp.client.session_group.ClientSessionGroup.call_tool(arguments)"],
)
def check(ctx: PythonContext):
    for call in ctx.walk(ast.Call):
        f = call.func
        if not isinstance(f, ast.Attribute) or f.attr != "call_tool" or ctx.keyword(call, "args") is None:
            continue
        level = ctx.receiver_level(f.value, sdk.CLIENT_SESSION_GROUP)
        if level is None:
            continue
        msg = "`ClientSessionGroup.call_tool(args=...)` is `arguments=` in v2"
        if ctx.keyword(call, "arguments") is not None:
            ctx.manual(call, msg)
            continue
        edit = ctx.rename_kwarg(call, "args", "arguments")
        if edit is None:
            ctx.manual(call, msg)
        else:
            ctx.fix(call, msg, [edit], fix_class=level)
