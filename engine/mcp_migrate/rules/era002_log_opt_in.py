from .. import sdk
from ..context import PythonContext
from ..framework import rule

HARNESS = sdk.CONNECTED_SESSION_HELPER
MSG = (
    "its v2 replacement `Client(server)` negotiates 2026-07-28 by default, where log messages reach "
    "`logging_callback` only for requests that opt in: pass `log_level=\"debug\"` (or `mode=\"legacy\"`)"
)


@rule(
    code="ERA002",
    title="Log messages are delivered only to requests that opt in",
    anchor="log-messages-are-delivered-only-to-requests-that-opt-in",
    fix_class="manual",
    summary="""
        Marks `create_connected_server_and_client_session(..., logging_callback=...)`: on the default
        2026-07-28 connection of its `Client(server)` replacement the callback receives nothing without
        a `log_level` opt-in.
    """,
    why="""
        Silent: at 2026-07-28 the server sends `notifications/message` only for requests whose `_meta`
        carries a log level, so a test that collected log messages through `logging_callback` sees none.
    """,
    example="""
         from mcp.shared.memory import create_connected_server_and_client_session


         async def test_logs(server, on_log) -> None:
        +    # mcp-migrate: ERA002 its v2 replacement `Client(server)` negotiates 2026-07-28 by default, where log messages reach `logging_callback` only for requests that opt in: pass `log_level="debug"` (or `mode="legacy"`) https://py.sdk.modelcontextprotocol.io/v2/migration/#log-messages-are-delivered-only-to-requests-that-opt-in
             async with create_connected_server_and_client_session(server, logging_callback=on_log) as session:
                 await session.call_tool("chatty", {})
    """,
    v1_names=[HARNESS + "(logging_callback)"],
    v2_names=["mcp.client.client.Client.log_level", "mcp.client.client.Client.mode"],
)
def check(ctx: PythonContext):
    for call in ctx.calls(HARNESS):
        if ctx.keyword_value(call, "logging_callback") is not None:
            ctx.manual(call, MSG)
