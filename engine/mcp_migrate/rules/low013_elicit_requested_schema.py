import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

ANCHOR = "serversessionelicit-and-elicit_form-take-requested_schema-not-requestedschema"
SS = sdk.SERVER_SESSION
# Objects whose `.session` is a ServerSession: MCPServer's Context and the request contexts.
HOLDERS = (sdk.FASTMCP_CONTEXT, sdk.REQUEST_CONTEXT)
SERVER = sdk.SERVER


@rule(
    code="LOW013",
    title="`ServerSession.elicit()` and `elicit_form()` take `requested_schema`, not `requestedSchema`",
    anchor=ANCHOR,
    fix_class="safe",
    summary="""
        Renames the `requestedSchema=` keyword to `requested_schema=` in `elicit()` / `elicit_form()`
        calls on a `ServerSession`: a `session: ServerSession`, `ctx.session` of MCPServer's `Context`
        or a `RequestContext`, and `server.request_context.session`.
    """,
    why="""
        `TypeError: ServerSession.elicit_form() got an unexpected keyword argument 'requestedSchema'.
        Did you mean 'requested_schema'?`
    """,
    example="""
         from mcp.server.fastmcp import Context, FastMCP

         mcp = FastMCP("Demo")


         @mcp.tool()
         async def ask(ctx: Context) -> str:
             schema = {"type": "object", "properties": {"name": {"type": "string"}}}
        -    result = await ctx.session.elicit_form(message="Your name?", requestedSchema=schema)
        +    result = await ctx.session.elicit_form(message="Your name?", requested_schema=schema)
             return result.action
    """,
    v1_names=[SS + ".elicit(requestedSchema)", SS + ".elicit_form(requestedSchema)"] + list(HOLDERS),
    v2_names=[SS + ".elicit(requested_schema)", SS + ".elicit_form(requested_schema)"],
)
def check(ctx: PythonContext):
    for call in ctx.walk(ast.Call):
        f = call.func
        if not (isinstance(f, ast.Attribute) and f.attr in ("elicit", "elicit_form")):
            continue
        if ctx.keyword(call, "requestedSchema") is None:
            continue
        if not _is_session(ctx, f.value):
            v = f.value
            if isinstance(v, ast.Attribute) and v.attr == "session" and ctx.is_unbound(v.value):
                ctx.manual(call, "if this is an MCP `ServerSession`, rename `requestedSchema=` to `requested_schema=`")
            continue
        edit = ctx.rename_kwarg(call, "requestedSchema", "requested_schema")
        if edit is not None:
            ctx.fix(ctx.keyword(call, "requestedSchema"), "`requestedSchema=` is `requested_schema=` in v2", [edit])


def _is_session(ctx, expr) -> bool:
    if ctx.is_instance(expr, SS):
        return True
    if not (isinstance(expr, ast.Attribute) and expr.attr == "session"):
        return False
    holder = expr.value
    if ctx.is_instance(holder, *HOLDERS):
        return True
    if isinstance(holder, ast.Attribute) and holder.attr == "request_context":
        return ctx.is_instance(holder.value, SERVER, HOLDERS[0])
    return False
