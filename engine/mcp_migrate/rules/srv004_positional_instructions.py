import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

# Positions 6 and 7 (`event_store`, `retry_interval`) left the constructor: SRV007 moves them.
KEYWORDED = sdk.FASTMCP_POSITIONAL[1:6]


@rule(
    code="SRV004",
    title="`MCPServer` constructor: `title`, `description`, and `version` added to the positional parameters",
    anchor="mcpserver-constructor-title-description-and-version-added-to-the-positional-parameters",
    fix_class="safe",
    summary="""
        Turns every positional `FastMCP(...)` argument after the name into the keyword it meant in v1
        (`instructions=`, `website_url=`, `icons=`, `auth_server_provider=`, `token_verifier=`).
    """,
    why="""
        Silent: v2 inserted `title` and `description` before `instructions`, so
        `FastMCP("Demo", "You answer...")` sends the text as `serverInfo.title` and stops sending
        `instructions` to clients; later positions shift onto the wrong parameters.
    """,
    example="""
         from mcp.server.fastmcp import FastMCP

        -mcp = FastMCP("Demo", "You answer questions about the weather.")
        +mcp = FastMCP("Demo", instructions="You answer questions about the weather.")
    """,
    v1_names=[sdk.FASTMCP] + ["mcp.server.fastmcp.server.FastMCP.__init__(%s)" % n for n in KEYWORDED],
    v2_names=["mcp.server.mcpserver.server.MCPServer.__init__(%s)" % n for n in KEYWORDED],
)
def check(ctx: PythonContext):
    for call in ctx.calls(sdk.FASTMCP):
        if len(call.args) < 2:
            continue
        starred = next((i for i, a in enumerate(call.args) if isinstance(a, ast.Starred)), None)
        if starred is not None:
            if starred > 0:
                ctx.manual(
                    call,
                    "v2 inserted `title`/`description` after `name`: pass everything after "
                    "`name` by keyword (`instructions=`, `website_url=`, ...)",
                )
            continue
        edits, names = [], []
        for i, arg in enumerate(call.args[1:6], start=1):
            edit = _keyword_insert(ctx, call, arg, KEYWORDED[i - 1])
            if edit is None:
                edits = None
                break
            edits.append(edit)
            names.append("`%s=`" % KEYWORDED[i - 1])
        if edits is None:
            ctx.manual(
                call,
                "v2 inserted `title`/`description` after `name`: pass everything after "
                "`name` by keyword (`instructions=`, `website_url=`, ...)",
            )
            continue
        ctx.fix(call, "v2 inserted `title`/`description` after `name`; pass %s by keyword" % ", ".join(names), edits)


def _keyword_insert(ctx, call, arg, name):
    """`name=` inserted before `arg`, unless `arg` sits inside its own parentheses."""
    start = ctx.span(arg)[0]
    i = start - 1
    while i >= 0 and ctx.text[i] in " \t\r\n":
        i -= 1
    if i < 0 or ctx.text[i] not in ",(":
        return None
    if ctx.text[i] == "(" and i < ctx.span(call.func)[1]:
        return None
    if ctx.text[i] == "(" and ctx.text[ctx.span(call.func)[1] : i].strip():
        return None  # a parenthesised argument, not the call's own paren
    return ctx.insert(start, name + "=")
