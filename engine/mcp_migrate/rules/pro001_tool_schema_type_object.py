import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

TOOL = sdk.TOOL
SCHEMA_KWARGS = ("inputSchema", "input_schema", "outputSchema", "output_schema")
MSG = "the protocol schema requires `\"type\": \"object\"` in `%s`; v2 validates handler results against it"


@rule(
    code="PRO001",
    title="Server handler results are validated against the protocol schema",
    anchor="server-handler-results-are-validated-against-the-protocol-schema",
    fix_class="safe",
    summary="""
        Adds `"type": "object"` to a literal `inputSchema` / `outputSchema` dict in `types.Tool(...)` that
        lacks a `type` (e.g. an empty `{}`), and marks a schema whose `type` is something else.
    """,
    why="""
        v2 validates results against the protocol schema when they are sent: a `tools/list` result with
        `inputSchema={}` is rejected (the server logs `handler for 'tools/list' returned an invalid result`)
        and the client gets `INTERNAL_ERROR`, far from the line that built the tool. Tool arguments are
        always an object, so adding the `type` does not change what the tool accepts.
    """,
    example="""
         import mcp.types as types

        -ping = types.Tool(name="ping", description="Ping", inputSchema={})
        +ping = types.Tool(name="ping", description="Ping", inputSchema={"type": "object"})
    """,
    v1_names=[TOOL],
    v2_names=["mcp_types.Tool"],
)
def check(ctx: PythonContext):
    for call in ctx.calls(TOOL):
        for kw in call.keywords:
            if kw.arg not in SCHEMA_KWARGS or not isinstance(kw.value, ast.Dict):
                continue
            d = kw.value
            if any(k is None for k in d.keys):  # `**spread`: the type may come from there
                continue
            types_ = [v for k, v in zip(d.keys, d.values) if ctx.const_str(k) == "type"]
            if not types_:
                _add_type(ctx, kw, d)
            elif ctx.const_str(types_[0]) != "object":
                ctx.manual(kw, (MSG % kw.arg) + "; a tool's arguments are always a JSON object")


def _add_type(ctx, kw, d):
    s, e = ctx.span(d)
    if ctx.text[s] != "{":
        ctx.manual(kw, MSG % kw.arg)
        return
    q = "'" if d.keys and ctx.source(d.keys[0]).startswith("'") else '"'
    entry = "%stype%s: %sobject%s" % (q, q, q, q)
    if not d.keys:
        edit = ctx.replace(d, "{" + entry + "}")
    else:
        first = ctx.span(d.keys[0])[0]
        edit = ctx.insert(first, entry + ", ")
    ctx.fix(kw, (MSG % kw.arg), [edit])
