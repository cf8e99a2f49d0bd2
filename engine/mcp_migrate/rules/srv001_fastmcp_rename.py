from .. import sdk
from ..context import PythonContext
from ..framework import rule

# v1 modules under mcp.server.fastmcp and the few names renamed inside them.
OLD, NEW = sdk.FASTMCP_MODULE, "mcp.server.mcpserver"
RENAMES = [
    (sdk.FASTMCP, "MCPServer"),
    ("mcp.server.fastmcp.exceptions.FastMCPError", "MCPServerError"),
]


@rule(
    code="SRV001",
    title="`FastMCP` renamed to `MCPServer`",
    anchor="fastmcp-renamed-to-mcpserver",
    fix_class="safe",
    summary="""
        Rewrites imports of `mcp.server.fastmcp` (and its submodules) to `mcp.server.mcpserver`,
        renames `FastMCP` to `MCPServer` and `FastMCPError` to `MCPServerError` wherever they
        resolve to the SDK, including `mock.patch("...")` target strings.
    """,
    why="""
        v2 renamed the class and its package; the old import fails with
        `ModuleNotFoundError: No module named 'mcp.server.fastmcp'`.
    """,
    example="""
        -from mcp.server.fastmcp import Context, FastMCP
        +from mcp.server.mcpserver import Context, MCPServer

        -mcp = FastMCP("Demo")
        +mcp = MCPServer("Demo")


         @mcp.tool()
         async def add(a: int, b: int, ctx: Context) -> int:
             return a + b
    """,
    v1_names=["mcp.server.fastmcp", "mcp.server.fastmcp.FastMCP", "mcp.server.fastmcp.exceptions.FastMCPError"],
    v2_names=[
        "mcp.server.mcpserver",
        "mcp.server.mcpserver.MCPServer",
        "mcp.server.mcpserver.exceptions.MCPServerError",
    ],
)
def check(ctx: PythonContext):
    # Names first: their edits are single identifiers and never overlap the module-path edits.
    for old, new in RENAMES:
        ctx.rename_symbol(old, new, "`%s` is now `%s`" % (old.rpartition(".")[2], new))
    ctx.rename_module(OLD, NEW, "`mcp.server.fastmcp` is now `mcp.server.mcpserver`")
