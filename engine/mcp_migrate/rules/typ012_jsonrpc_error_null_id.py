import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

TARGETS = (sdk.JSONRPC_MESSAGE, sdk.JSONRPC_ERROR)
VALIDATE = ("model_validate", "model_validate_json")


@rule(
    code="TYP012",
    title="`JSONRPCError.id` is now `RequestId | None`",
    anchor="jsonrpcerrorid-is-now-requestid-none",
    fix_class="manual",
    summary="""
        Marks code that builds or parses a JSON-RPC error with a null id (`"id": None` / `id=None`)
        through `JSONRPCMessage` / `JSONRPCError`: v1 rejected it, v2 accepts it.
    """,
    why="""
        Silent: shims and tests that relied on v1's `ValidationError` for `"id": null` now see a
        valid `JSONRPCError` whose `id` is `None`.
    """,
    example="""
         from mcp.types import JSONRPCMessage

        +# mcp-migrate: TYP012 v2 accepts a null `id` on JSON-RPC errors (`JSONRPCError.id` is `RequestId | None`); drop null-id shims and v1 rejection tests https://py.sdk.modelcontextprotocol.io/v2/migration/#jsonrpcerrorid-is-now-requestid-none
         message = JSONRPCMessage.model_validate(
             {"jsonrpc": "2.0", "id": None, "error": {"code": -32700, "message": "Parse error"}}
         )
    """,
    v1_names=list(TARGETS),
    v2_names=["mcp.types.JSONRPCError"],
)
def check(ctx: PythonContext):
    msg = (
        "v2 accepts a null `id` on JSON-RPC errors (`JSONRPCError.id` is `RequestId | None`); "
        "drop null-id shims and v1 rejection tests"
    )
    for call in ctx.walk(ast.Call):
        f = call.func
        if (
            isinstance(f, ast.Attribute)
            and f.attr in VALIDATE
            and ctx.is_ref(f.value, *TARGETS)
            or _unbound_jsonrpc(ctx, f)
        ):
            if any(_null_id_dict(a) for a in call.args):
                ctx.manual(call, msg)
        elif ctx.is_ref(f, sdk.JSONRPC_ERROR):
            kw = ctx.keyword(call, "id")
            if kw is not None and isinstance(kw.value, ast.Constant) and kw.value.value is None:
                ctx.manual(call, msg)


def _unbound_jsonrpc(ctx, f):
    """The guide's snippets validate without showing the import of `JSONRPCMessage`."""
    return (
        isinstance(f, ast.Attribute)
        and f.attr in VALIDATE
        and isinstance(f.value, ast.Name)
        and f.value.id == "JSONRPCMessage"
        and ctx.binding(f.value) is None
    )


def _null_id_dict(node):
    if not isinstance(node, ast.Dict):
        return False
    keys = {k.value: v for k, v in zip(node.keys, node.values) if isinstance(k, ast.Constant)}
    return "error" in keys and isinstance(keys.get("id"), ast.Constant) and keys["id"].value is None
