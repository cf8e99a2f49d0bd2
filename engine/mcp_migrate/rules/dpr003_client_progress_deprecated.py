from .. import sdk
from ..context import PythonContext
from ..framework import rule

SESSION = sdk.CLIENT_SESSION


@rule(
    code="DPR003",
    title="Client-to-server progress deprecated (2026-07-28)",
    anchor="client-to-server-progress-deprecated-2026-07-28",
    fix_class="review",
    summary="""
        Reports (no edit, no marker) `ClientSession.send_progress_notification()` calls and a lowlevel
        `@server.progress_notification()` handler (`on_progress` in v2).
    """,
    why="""
        The 2026-07-28 spec allows progress only from server to client; these emit
        `mcp.MCPDeprecationWarning` in v2 and keep working against 2025-11-25 and earlier servers.
    """,
    example="""
        from mcp import ClientSession


        async def report(session: ClientSession, token: str) -> None:
            await session.send_progress_notification(token, 0.5, 1.0)
    """,
    v1_names=[SESSION + ".send_progress_notification", sdk.SERVER + ".progress_notification"],
    v2_names=[],
)
def check(ctx: PythonContext):
    for call in ctx.method_calls(SESSION, "send_progress_notification"):
        ctx.advise_deprecated(call, "Client-to-server `%s()`" % call.func.attr, "2026-07-28")
    for _fn, dec in ctx.decorated_by(sdk.SERVER, "progress_notification"):
        ctx.advise_deprecated(dec, "A client-progress handler (`on_progress` in v2)", "2026-07-28")
