from ..deps.context import DepsContext
from ..framework import rule


@rule(
    code="PKG004",
    title="WebSocket transport removed",
    anchor="websocket-transport-removed",
    fix_class="manual",
    summary="Marks `mcp[ws]`: the `ws` extra no longer exists in v2.",
    why="""
        v2 removed the WebSocket transport and its extra; code using `websocket_client` /
        `websocket_server` must move to streamable HTTP before the extra can be dropped.
    """,
    example="""
         [project]
         name = "weather-server"
         dependencies = [
        +    # mcp-migrate: PKG004 the `ws` extra was removed in v2 (WebSocket transport removed): move to streamable HTTP, then drop `ws` from the extras https://py.sdk.modelcontextprotocol.io/v2/migration/#websocket-transport-removed
             "mcp[cli,ws]==1.28.1",
         ]
    """,
    kinds=("pyproject", "requirements", "setup_cfg", "setup_py"),
)
def check(ctx: DepsContext):
    for req in ctx.requirements():
        if req.name == "mcp" and "ws" in [e.lower() for e in req.extras]:
            ctx.manual(
                req,
                "the `ws` extra was removed in v2 (WebSocket transport removed): move to "
                "streamable HTTP, then drop `ws` from the extras",
            )
