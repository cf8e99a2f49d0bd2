import ast
import re

from ..context import PythonContext
from ..framework import rule

ADJACENT = re.compile(r"\}\{(?![?&.;/#+])")


@rule(
    code="SRV014",
    title="Resource templates: matching behavior changes",
    anchor="resource-templates-matching-behavior-changes",
    fix_class="manual",
    summary="""
        Marks `@mcp.resource(...)` registrations that v2 rejects when the decorator runs: two template
        variables with no literal between them (`{name}{path}`), and a static URI whose function takes only
        a `Context`.
    """,
    why="""
        v2 parses URIs as RFC 6570 templates: adjacent variables raise `InvalidUriTemplate`, and a static
        resource with a Context-only function raises `ValueError` at import time (in v1 it registered but
        could never be read).
    """,
    example="""
         from mcp.server.fastmcp import Context, FastMCP

         mcp = FastMCP("Notes")


        +# mcp-migrate: SRV014 a static URI with a Context-only function raises `ValueError` in v2 (it was never readable in v1): add a query variable (`notes://recent{?limit}`) with a defaulted parameter, or drop the `Context` and read state from a module-level object https://py.sdk.modelcontextprotocol.io/v2/migration/#resource-templates-matching-behavior-changes
         @mcp.resource("notes://recent")
         async def recent_notes(ctx: Context) -> str:
             return "..."
    """,
    v1_names=["mcp.server.fastmcp.FastMCP.resource"],
    v2_names=["mcp.server.mcpserver.server.MCPServer.resource"],
)
def check(ctx: PythonContext):
    for fn, dec, _ in ctx.fastmcp_handlers("resource"):
        if not isinstance(dec, ast.Call) or not dec.args:
            continue
        uri = dec.args[0]
        if not (isinstance(uri, ast.Constant) and isinstance(uri.value, str)):
            continue
        if ADJACENT.search(uri.value):
            ctx.manual(
                dec,
                "v2 rejects two template variables with no literal between them "
                "(`InvalidUriTemplate`); put a delimiter between them (`{name}/{path}`)",
            )
        a = fn.args
        params = [p.arg for p in a.posonlyargs + a.args + a.kwonlyargs]
        if "{" not in uri.value and params and set(params) <= set(ctx.context_params(fn)):
            ctx.manual(
                dec,
                "a static URI with a Context-only function raises `ValueError` in v2 (it was "
                "never readable in v1): add a query variable (`%s{?limit}`) with a defaulted "
                "parameter, or drop the `Context` and read state from a module-level object" % uri.value,
            )
