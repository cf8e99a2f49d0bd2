import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

ANCHOR = "websocket-transport-removed"
MODS = sdk.WEBSOCKET_MODULES
MESSAGE = (
    "the WebSocket transport was removed: use streamable HTTP (`streamable_http_client` on the client, "
    "`streamable_http_app()` on the server)"
)


@rule(
    code="TRN008",
    title="WebSocket transport removed",
    anchor=ANCHOR,
    fix_class="manual",
    summary="""
        Marks imports of `mcp.client.websocket` / `mcp.server.websocket` (`websocket_client`,
        `websocket_server`) and their uses: move to the streamable HTTP transport.
    """,
    why="""
        `ModuleNotFoundError: No module named 'mcp.client.websocket'`.
    """,
    example="""
        +# mcp-migrate: TRN008 the WebSocket transport was removed: use streamable HTTP (`streamable_http_client` on the client, `streamable_http_app()` on the server) https://py.sdk.modelcontextprotocol.io/v2/migration/#websocket-transport-removed
         from mcp.client.websocket import websocket_client


         async def main(url: str) -> None:
        +    # mcp-migrate: TRN008 the WebSocket transport was removed: use streamable HTTP (`streamable_http_client` on the client, `streamable_http_app()` on the server) https://py.sdk.modelcontextprotocol.io/v2/migration/#websocket-transport-removed
             async with websocket_client(url) as (read, write):
                 print(read, write)
    """,
    v1_names=list(MODS + sdk.WEBSOCKET_FUNCTIONS),
    v2_names=["mcp.client.streamable_http.streamable_http_client"],
)
def check(ctx: PythonContext):
    for imp in ctx.imports():
        if isinstance(imp, ast.ImportFrom):
            hit = imp.level == 0 and (
                imp.module in MODS
                or (imp.module in ("mcp.client", "mcp.server") and any(a.name == "websocket" for a in imp.names))
            )
        else:
            hit = any(a.name in MODS or a.name.startswith(tuple(m + "." for m in MODS)) for a in imp.names)
        if hit:
            ctx.manual(imp, MESSAGE)
    for call in ctx.calls(*sdk.WEBSOCKET_FUNCTIONS):
        ctx.manual(call, MESSAGE)
