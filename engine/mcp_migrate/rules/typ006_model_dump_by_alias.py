import ast

from ..context import PythonContext
from ..framework import rule

DUMPS = ("model_dump", "model_dump_json")


@rule(
    code="TYP006",
    title="Field names changed from camelCase to snake_case",
    anchor="field-names-changed-from-camelcase-to-snake_case",
    fix_class="review",
    summary="""
        Adds `by_alias=True` to `model_dump()` / `model_dump_json()` calls on MCP protocol objects
        that do not pass `by_alias`, so the output keeps the camelCase wire keys v1 produced.
    """,
    why="""
        Silent: in v2 `tool.model_dump()` emits snake_case keys (`input_schema`) that peers do
        not recognise; no error is raised. With `by_alias=True` the `meta` field is also written
        as `_meta`, as on the wire, hence review.
    """,
    example="""
         from mcp.types import Tool

         tool = Tool(name="t", inputSchema={"type": "object"})
        -payload = tool.model_dump()
        +payload = tool.model_dump(by_alias=True)
    """,
    v1_names=["mcp.types.Tool"],
    v2_names=["mcp.types.Tool"],
)
def check(ctx: PythonContext):
    for call in ctx.walk(ast.Call):
        f = call.func
        if not isinstance(f, ast.Attribute) or f.attr not in DUMPS or ctx.keyword(call, "by_alias"):
            continue
        if any(k.arg is None for k in call.keywords):
            continue  # `**options` may already carry by_alias
        _, level = ctx.protocol_value(f.value)
        if level is None:
            continue
        msg = "`%s()` of an MCP type emits snake_case keys in v2; pass `by_alias=True` for the wire format" % f.attr
        edit = ctx.add_kwargs(call, "by_alias=True")
        if edit is None:
            ctx.manual(call, msg)
        else:
            ctx.fix(call, msg, [edit])
