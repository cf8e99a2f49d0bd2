from ..context import PythonContext
from ..framework import rule

METHODS = {
    "send_tool_list_changed": "notify_tools_changed()",
    "send_prompt_list_changed": "notify_prompts_changed()",
    "send_resource_list_changed": "notify_resources_changed()",
    "send_resource_updated": "notify_resource_updated(uri)",
}


@rule(
    code="ERA003",
    title="Change notifications travel only on `subscriptions/listen` streams",
    anchor="change-notifications-travel-only-on-subscriptionslisten-streams",
    fix_class="review",
    summary="""
        Reports (no edit, no marker) `session.send_tool_list_changed()` and the other change-notification
        helpers on a `ServerSession`: dropped on 2026-07-28 connections, unchanged on older ones.
    """,
    why="""
        Silent: on a 2026-07-28 connection these bare notifications are dropped with a debug log; only
        `subscriptions/listen` streams carry them. `ctx.notify_tools_changed()` and friends publish on
        the subscription bus for every era.
    """,
    example="""
        from mcp.server.fastmcp import Context, FastMCP

        mcp = FastMCP("Demo")


        @mcp.tool()
        async def enable(name: str, ctx: Context) -> str:
            await ctx.session.send_tool_list_changed()
            return name
    """,
    v1_names=["mcp.server.session.ServerSession." + m for m in METHODS],
    v2_names=[
        "mcp.server.mcpserver.context.Context.notify_tools_changed",
        "mcp.server.mcpserver.context.Context.notify_resource_updated",
    ],
)
def check(ctx: PythonContext):
    for call in ctx.server_session_calls(*METHODS):
        ctx.advise(
            call,
            "`%s()` is dropped on 2026-07-28 connections (only `subscriptions/listen` streams carry "
            "change notifications); `await ctx.%s` on MCPServer's `Context` publishes for every era"
            % (call.func.attr, METHODS[call.func.attr]),
        )
