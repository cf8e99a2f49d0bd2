from .. import sdk
from ..context import PythonContext
from ..framework import rule

HARNESS = sdk.CONNECTED_SESSION_HELPER
PUSH_CALLBACKS = ("sampling_callback", "elicitation_callback", "list_roots_callback")
ADVICE = (
    "raises `NoBackChannelError` on a 2026-07-28 connection (including the default in-process "
    "`Client(server)`); works as in v1 on 2025-era connections (`Client(server, mode=\"legacy\")`), "
    "or return the question from a `Resolve(...)` resolver (`Elicit`/`Sample`/`ListRoots`)"
)
HARNESS_MSG = (
    "its v2 replacement `Client(server)` negotiates 2026-07-28 by default, where the server cannot "
    "call these callbacks (`NoBackChannelError`): pass `mode=\"legacy\"` to keep v1's behaviour"
)


@rule(
    code="ERA001",
    title="Server-initiated sampling, elicitation, and roots raise `NoBackChannelError`",
    anchor="server-initiated-sampling-elicitation-and-roots-raise-nobackchannelerror",
    fix_class="manual",
    summary="""
        Marks `create_connected_server_and_client_session(...)` calls that pass sampling, elicitation or
        roots callbacks (their `Client(server)` replacement needs `mode="legacy"`), and reports (no
        marker) handler calls of `ctx.elicit()`, `ctx.elicit_url()` and `ctx.session.create_message()` /
        `list_roots()` / `elicit*()`.
    """,
    why="""
        The 2026-07-28 protocol has no server-initiated requests. An in-process `Client(server)` negotiates
        it by default, so the first test of an unchanged elicitation or sampling tool fails with
        `NoBackChannelError` even with the callbacks set. Legacy connections are unaffected.
    """,
    example="""
         from mcp.shared.memory import create_connected_server_and_client_session


         async def test_sampling(server, sampling_callback) -> None:
        +    # mcp-migrate: ERA001 its v2 replacement `Client(server)` negotiates 2026-07-28 by default, where the server cannot call these callbacks (`NoBackChannelError`): pass `mode="legacy"` to keep v1's behaviour https://py.sdk.modelcontextprotocol.io/v2/migration/#server-initiated-sampling-elicitation-and-roots-raise-nobackchannelerror
             async with create_connected_server_and_client_session(server, sampling_callback=sampling_callback) as s:
                 await s.call_tool("summarise", {})
    """,
    v1_names=[HARNESS]
    + [HARNESS + "(%s)" % c for c in PUSH_CALLBACKS]
    + ["mcp.server.fastmcp.server.Context.elicit", "mcp.server.session.ServerSession.create_message"],
    v2_names=[
        "mcp.client.client.Client.mode",
        "mcp.shared.exceptions.NoBackChannelError",
        "mcp.server.mcpserver.Resolve",
        "mcp.server.mcpserver.Elicit",
    ],
)
def check(ctx: PythonContext):
    for call in ctx.calls(HARNESS):
        if any(ctx.keyword_value(call, c) is not None for c in PUSH_CALLBACKS):
            ctx.manual(call, HARNESS_MSG)
    for call in ctx.context_calls("elicit", "elicit_url", in_fragments=True):
        ctx.advise(call, "`ctx.%s()` %s" % (call.func.attr, ADVICE))
    for call in ctx.server_session_calls("create_message", "list_roots", "elicit", "elicit_form", "elicit_url"):
        ctx.advise(call, "`session.%s()` %s" % (call.func.attr, ADVICE))
