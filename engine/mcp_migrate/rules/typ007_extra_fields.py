import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule


@rule(
    code="TYP007",
    title="Extra fields on MCP types are no longer preserved",
    anchor="extra-fields-on-mcp-types-are-no-longer-preserved",
    fix_class="manual",
    summary="""
        Marks `mcp.types` constructor calls that pass a keyword the model does not define: v1 kept
        it as an extra field, v2 drops it. The marker says to move the value into `_meta`.
    """,
    why="""
        Silent: v2 ignores unknown constructor keywords and unknown wire keys; the value is not
        stored and not sent, and no error is raised.
    """,
    example="""
         from mcp.types import CallToolRequestParams

        +# mcp-migrate: TYP007 `CallToolRequestParams` has no field `trace_id`; v2 drops it silently: move it into `_meta={...}` https://py.sdk.modelcontextprotocol.io/v2/migration/#extra-fields-on-mcp-types-are-no-longer-preserved
         params = CallToolRequestParams(name="t", arguments={}, trace_id="abc")
    """,
    v1_names=["mcp.types.CallToolRequestParams"],
    v2_names=["mcp.types.CallToolRequestParams"],
)
def check(ctx: PythonContext):
    for call in ctx.walk(ast.Call):
        cls = ctx.protocol_type(ctx.resolve(call.func))
        if cls is None:
            continue
        fields = sdk.TYPE_FIELDS[cls]
        known = set(fields) | {sdk.CAMEL_TO_SNAKE.get(f, f) for f in fields} | {"_meta"}
        extra = [k.arg for k in call.keywords if k.arg is not None and k.arg not in known]
        if extra:
            names = ", ".join("`%s`" % k for k in extra)
            ctx.manual(call, "`%s` has no field %s; v2 drops it silently: move it into `_meta={...}`" % (cls, names))
