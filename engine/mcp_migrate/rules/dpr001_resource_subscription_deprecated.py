from .. import sdk
from ..context import PythonContext
from ..framework import rule

SESSION = sdk.CLIENT_SESSION
METHODS = ("subscribe_resource", "unsubscribe_resource")


@rule(
    code="DPR001",
    title="Client resource-subscription methods deprecated (SEP-2575)",
    anchor="client-resource-subscription-methods-deprecated-sep-2575",
    fix_class="review",
    summary="""
        Reports (no edit, no marker) `session.subscribe_resource()` / `unsubscribe_resource()` calls on a
        `ClientSession`: deprecated, still the way to watch a resource on 2025-era servers.
    """,
    why="""
        The calls emit `mcp.MCPDeprecationWarning` in v2 (an exception under pytest's
        `filterwarnings = ["error"]`); a 2026-07-28 server answers them with `-32601`, where
        `Client.listen()` replaces them. Working code is not moved onto the 2026 API.
    """,
    example="""
        from mcp import ClientSession


        async def watch(session: ClientSession) -> None:
            await session.subscribe_resource("board://sprint")
    """,
    v1_names=[SESSION + "." + m for m in METHODS],
    v2_names=[],
)
def check(ctx: PythonContext):
    for call in ctx.method_calls(SESSION, *METHODS):
        ctx.advise_deprecated(call, "`%s()`" % call.func.attr, "SEP-2575")
