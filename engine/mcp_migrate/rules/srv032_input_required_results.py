from .. import sdk
from ..context import PythonContext
from ..framework import rule

METHODS = ("get_prompt", "read_resource")


@rule(
    code="SRV032",
    title="`MCPServer.get_prompt()` and `read_resource()` may return `InputRequiredResult`",
    anchor="mcpserverget_prompt-and-read_resource-may-return-inputrequiredresult",
    fix_class="safe",
    summary="""
        After `x = await mcp.get_prompt(...)` / `x = await mcp.read_resource(...)` on a `FastMCP`
        server, adds the guide's `assert not isinstance(x, InputRequiredResult)`: v2 widened both
        results for multi-round-trip prompts and resource templates, which no v1 function returns.
        A result used in place where nothing else in its statement runs first (`for c in await
        mcp.read_resource(uri)`, `list(await ...)`, `(await ...).messages`) is bound to a new name
        and narrowed above the statement; anywhere else (`f() + list(await ...)`) it is marked.
    """,
    why="""
        v2 returns `GetPromptResult | InputRequiredResult` and `Iterable[ReadResourceContents] |
        InputRequiredResult`: reading `.messages` or iterating the result is a type error until it is
        narrowed.
    """,
    example="""
         from mcp.server.fastmcp import FastMCP
        +from mcp.types import InputRequiredResult

         mcp = FastMCP("Demo")


         async def preview(uri: str) -> list[str]:
             contents = await mcp.read_resource(uri)
        +    assert not isinstance(contents, InputRequiredResult)
             return [str(c.content) for c in contents]
    """,
    v1_names=[sdk.FASTMCP + "." + m for m in METHODS],
    v2_names=["mcp.server.mcpserver.server.MCPServer." + m for m in METHODS] + ["mcp.types.InputRequiredResult"],
)
def check(ctx: PythonContext):
    for call in ctx.method_calls(sdk.FASTMCP, *METHODS):
        if ctx.returned_by_own_override(call):
            continue  # v2's handler that called the override takes the `InputRequiredResult` as well
        edits = ctx.narrow_input_required(call, hoist=True)
        if edits is None:
            ctx.manual(
                call,
                "`%s()` may now return an `InputRequiredResult`: narrow it first (`assert not "
                "isinstance(result, InputRequiredResult)` when your functions never return one)" % call.func.attr,
            )
        elif edits:
            ctx.fix(call, "`%s()` may now return an `InputRequiredResult`: narrowed" % call.func.attr, edits)
