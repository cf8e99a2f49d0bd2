import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

SETTINGS = sdk.FASTMCP_SETTINGS
# Methods whose second positional parameter was `mount_path` in v1 (after `transport` for run()).
POSITION = {"run": 1, "run_sse_async": 0, "sse_app": 0}


@rule(
    code="SRV006",
    title="`mount_path` parameter removed from MCPServer",
    anchor="mount_path-parameter-removed-from-mcpserver",
    fix_class="review",
    summary="""
        Removes `mount_path` from `FastMCP(...)`, `run()`, `run_sse_async()` and `sse_app()`; marks reads
        of `settings.mount_path`, and a write (which raises `ValueError` in v2) gives way, as a review fix,
        to its marker, which keeps the statement. Mount the SSE app with Starlette's `Mount("/path", ...)`:
        ASGI's `root_path` now builds the message endpoint.
    """,
    why="""
        v2 raises `TypeError: MCPServer.__init__() got an unexpected keyword argument 'mount_path'` (and
        the same for `sse_app()` / `run()`); `settings.mount_path` is gone from `Settings`.
    """,
    example="""
         from starlette.applications import Starlette
         from starlette.routing import Mount

         from mcp.server.fastmcp import FastMCP

        -mcp = FastMCP("Demo", mount_path="/github")
        +mcp = FastMCP("Demo")
         app = Starlette(routes=[Mount("/github", app=mcp.sse_app())])
    """,
    v1_names=[sdk.FASTMCP, SETTINGS + ".mount_path"]
    + ["mcp.server.fastmcp.server.FastMCP.%s(mount_path)" % m for m in ("__init__", "run", "run_sse_async", "sse_app")],
    v2_names=["mcp.server.mcpserver.server.MCPServer.sse_app"],
)
def check(ctx: PythonContext):
    msg = (
        "`mount_path` was removed; mount the app with Starlette's `Mount(\"/path\", app=mcp.sse_app())` "
        "and ASGI `root_path` builds the message endpoint"
    )
    targets = [(c, None) for c in ctx.calls(sdk.FASTMCP, SETTINGS)]
    targets += [(c, c.func.attr) for c in ctx.method_calls(sdk.FASTMCP, *POSITION)]
    for call, method in targets:
        arg = ctx.keyword(call, "mount_path")
        if arg is None and method is not None and len(call.args) > POSITION[method]:
            arg = call.args[POSITION[method]]
            if isinstance(arg, ast.Starred):
                continue
        if arg is None:
            continue
        edits = ctx.remove_args(call, [arg])
        if edits:
            ctx.fix(arg, msg, edits)
        else:
            ctx.manual(call, msg)
    for node in ctx.attribute_uses(sdk.FASTMCP, "settings"):
        parent = ctx.parent(node)
        if isinstance(parent, ast.Attribute) and parent.attr == "mount_path":
            said = "`settings.mount_path` was removed; mount the app with Starlette's `Mount()` instead"
            stmt = ctx.parent(parent)
            # assigning it raises `ValueError`: as a review fix the marker takes the statement's place
            edit = (
                ctx.marker_in_place_of(
                    stmt,
                    "%s (the fix took out `%s`)" % (said, " ".join(ctx.source(stmt).split())),
                    giving_way=sdk.removed_settings_write,
                )
                if isinstance(stmt, ast.Assign) and stmt.targets == [parent]
                else None
            )
            if edit is None:
                ctx.manual(parent, said)
            else:
                ctx.fix(
                    stmt,
                    said + "; the fix replaces the assignment with a marker that keeps it",
                    [edit],
                    fix_class="review",
                )
