import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

ANCHOR = "lowlevel-serverrunraise_exceptionstrue-transport-errors-no-longer-re-raised"


@rule(
    code="LOW008",
    title="Lowlevel `Server.run(raise_exceptions=True)`: transport errors no longer re-raised",
    anchor=ANCHOR,
    fix_class="manual",
    summary="""
        Marks lowlevel `server.run(..., raise_exceptions=True)` calls (also a truthy 4th positional
        argument): in v2 the flag only re-raises handler exceptions; transport errors such as JSON
        parse errors are logged and dropped.
    """,
    why="""
        Silent: code or tests that expected `run()` to exit on a malformed message keep running.
    """,
    example="""
         from mcp.server.lowlevel import Server
         from mcp.server.stdio import stdio_server

         server = Server("my-server")


         async def main() -> None:
             async with stdio_server() as (read, write):
        +        # mcp-migrate: LOW008 `raise_exceptions=True` now re-raises only handler exceptions; transport errors (e.g. JSON parse errors) are logged and dropped, so `run()` no longer exits on them https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-serverrunraise_exceptionstrue-transport-errors-no-longer-re-raised
                 await server.run(read, write, server.create_initialization_options(), raise_exceptions=True)
    """,
    v1_names=[sdk.SERVER + ".run(raise_exceptions)"],
    v2_names=[sdk.SERVER + ".run(raise_exceptions)"],
)
def check(ctx: PythonContext):
    for call in ctx.method_calls(sdk.SERVER, "run"):
        kw = ctx.keyword(call, "raise_exceptions")
        value = kw.value if kw is not None else (call.args[3] if len(call.args) > 3 else None)
        if value is None or (isinstance(value, ast.Constant) and not value.value):
            continue
        ctx.manual(
            call,
            "`raise_exceptions=True` now re-raises only handler exceptions; transport errors "
            "(e.g. JSON parse errors) are logged and dropped, so `run()` no longer exits on them",
        )
