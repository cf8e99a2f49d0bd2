from .. import sdk
from ..context import PythonContext
from ..framework import rule


@rule(
    code="SRV003",
    title="Default server name changed from `FastMCP` to `mcp-server`",
    anchor="default-server-name-changed-from-fastmcp-to-mcp-server",
    fix_class="safe",
    summary="""
        For a `FastMCP()` constructed without a name, passes `"FastMCP"` explicitly so the server keeps
        reporting the name it had in v1 (a real name for your server is better; change it when you can).
    """,
    why="""
        Silent: v2 defaults the name to `mcp-server`, which clients see as `serverInfo.name` (UIs, logs,
        allow-lists, tests asserting on the initialize result). Nothing raises.
    """,
    example="""
         from mcp.server.fastmcp import FastMCP

        -mcp = FastMCP()
        +mcp = FastMCP("FastMCP")
    """,
    v1_names=[sdk.FASTMCP, "mcp.server.fastmcp.server.FastMCP.__init__(name)"],
    v2_names=["mcp.server.mcpserver.server.MCPServer.__init__(name)"],
)
def check(ctx: PythonContext):
    for call in ctx.calls(sdk.FASTMCP):
        if call.args or ctx.keyword(call, "name") is not None or ctx.has_star(call):
            continue
        msg = (
            "no name given: v2 reports `mcp-server` instead of `FastMCP` as `serverInfo.name`; "
            "pass a name (`\"FastMCP\"` keeps the v1 one)"
        )
        edit = ctx.insert_first_arg(call, '"FastMCP"')
        if edit is None:
            ctx.manual(call, msg)
        else:
            ctx.fix(call, msg, [edit])
