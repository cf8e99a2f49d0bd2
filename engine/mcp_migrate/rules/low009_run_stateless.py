import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

ANCHOR = "serverrun-no-longer-takes-a-stateless-flag"


@rule(
    code="LOW009",
    title="`Server.run()` no longer takes a `stateless` flag",
    anchor=ANCHOR,
    fix_class="safe",
    summary="""
        Removes `stateless=False` from lowlevel `server.run(...)` calls. `stateless=True` (or a
        non-literal value, or a 5th positional argument) gets a marker: stateless serving is now
        configured on the transport (`StreamableHTTPSessionManager(..., stateless=True)`).
    """,
    why="""
        `TypeError: Server.run() got an unexpected keyword argument 'stateless'`.
    """,
    example="""
         from mcp.server.lowlevel import Server
         from mcp.server.stdio import stdio_server

         server = Server("my-server")


         async def main() -> None:
             async with stdio_server() as (read, write):
        -        await server.run(read, write, server.create_initialization_options(), stateless=False)
        +        await server.run(read, write, server.create_initialization_options())
    """,
    v1_names=[sdk.SERVER + ".run(stateless)"],
    v2_names=[sdk.SERVER + ".run", "mcp.server.streamable_http_manager.StreamableHTTPSessionManager"],
)
def check(ctx: PythonContext):
    runs = [(c, 4) for c in ctx.method_calls(sdk.SERVER, "run")] + [(c, 5) for c in _partial_runs(ctx)]
    for call, positional in runs:
        kw = ctx.keyword(call, "stateless")
        if kw is not None and isinstance(kw.value, ast.Constant) and kw.value.value is False:
            edit = ctx.remove_kwarg(call, "stateless")
            if edit is not None:
                ctx.fix(kw, "`Server.run()` has no `stateless=` in v2", [edit])
                continue
        if kw is not None or len(call.args) > positional:
            ctx.manual(
                call,
                "remove `stateless=` from `run()`: stateless serving is set on the transport "
                "(`StreamableHTTPSessionManager(app, stateless=True)`), not the loop",
            )


def _partial_runs(ctx):
    """`functools.partial(server.run, read, write, options, stateless=...)`, the bound call a task
    group starts."""
    return [
        c
        for c in ctx.calls("functools.partial")
        if c.args
        and isinstance(c.args[0], ast.Attribute)
        and c.args[0].attr == "run"
        and ctx.is_instance(c.args[0].value, sdk.SERVER)
    ]
