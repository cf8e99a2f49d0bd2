import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

ANCHOR = "lowlevel-server-automatic-return-value-wrapping-removed"
HAND = {
    "call_tool": "return `CallToolResult(content=[...], structured_content=...)`: v2 no longer wraps a "
                 "list, dict (`content=[TextContent(type=\"text\", text=json.dumps(data, indent=2))], "
                 "structured_content=data`) or tuple",
    "read_resource": "return `ReadResourceResult(contents=[TextResourceContents(uri=..., text=..., mime_type=...)])` "
                     "(binary: `BlobResourceContents` with a base64 `blob=`): v2 no longer wraps "
                     "`ReadResourceContents`, `str` or `bytes`",
    "completion": "return `CompleteResult(completion=...)` (v1 turned `None` into an empty completion): "
                  "v2 no longer wraps the `Completion`",
}
EMPTY = ("set_logging_level", "subscribe_resource", "unsubscribe_resource")


@rule(
    code="LOW002",
    title="Lowlevel `Server`: automatic return value wrapping removed",
    anchor=ANCHOR,
    fix_class="review",
    summary="""
        In lowlevel `Server` handlers, wraps returned lists the way v1's decorators did:
        `return [...]` becomes `return ListToolsResult(tools=[...])` (also resources, resource
        templates, prompts) or `CallToolResult(content=[...])`, and a v1 return annotation becomes the
        result type. Returns of another shape (dicts, tuples, variables, `read_resource` contents,
        completions) and handlers that must now return `EmptyResult()` get a marker.
    """,
    why="""
        v2 validates handler results against the protocol schema: a bare list or dict fails
        validation and the client gets an error instead of the result v1 produced.
    """,
    example="""
         import mcp.types as types
         from mcp.server.lowlevel import Server

         server = Server("my-server")


         @server.list_tools()
        -async def handle_list_tools() -> list[types.Tool]:
        -    return [types.Tool(name="my_tool", inputSchema={"type": "object"})]
        +async def handle_list_tools() -> types.ListToolsResult:
        +    return types.ListToolsResult(tools=[types.Tool(name="my_tool", inputSchema={"type": "object"})])
    """,
    v1_names=[sdk.SERVER + "." + m for m in sdk.SERVER_DECORATORS],
    v2_names=["mcp.types." + k.result for k in sdk.SERVER_HANDLERS.values() if k.result]
    + ["mcp.types.TextResourceContents", "mcp.types.BlobResourceContents"],
)
def check(ctx: PythonContext):
    for h in ctx.lowlevel_plan().values():
        if h.method in EMPTY:
            _empty(ctx, h)
            continue
        wrap, hand = ctx.returns_to_wrap(h.fn, h.kind)
        if h.method in HAND and h.method != "call_tool":
            hand = [r for r in ctx.own_returns(h.fn)
                    if not (r.value is not None and isinstance(r.value, ast.Call)
                            and ctx.is_ref(r.value.func, sdk.TYPES + h.kind.result))]
        for r in hand:
            msg = HAND.get(h.method) or "return `%s(%s=[...])`: v2 no longer wraps a bare list" % (
                h.kind.result, h.kind.list_field)
            ctx.manual(r, msg)
        if wrap:
            _wrap(ctx, h, wrap, annotate=not hand)


def _wrap(ctx, h, returns, annotate):
    ref = ctx.types_ref(h.kind.result)
    field = h.kind.list_field or "content"
    edits = []
    for r in returns:
        s, e = ctx.span(r.value)
        edits += [ctx.insert(s, "%s(%s=" % (ref, field)), ctx.insert(e, ")")]
    if annotate and h.fn.returns is not None and not ctx.is_ref(h.fn.returns, sdk.TYPES + h.kind.result):
        edits.append(ctx.replace(h.fn.returns, ref))
    if ref == h.kind.result and h.kind.result not in ctx.imported_names("mcp.types"):
        # One shared LOW import insertion (`ctx.lowlevel_import_edit()`); it may carry LOW001's names too.
        edits.append(ctx.lowlevel_import_edit())
    ctx.fix(returns[0], "wrap the returned list in `%s(%s=...)`: v2 no longer does it" % (h.kind.result, field),
            edits)


def _empty(ctx, h):
    returns = ctx.own_returns(h.fn)
    if returns and all(r.value is not None and isinstance(r.value, ast.Call)
                       and ctx.is_ref(r.value.func, sdk.TYPES + "EmptyResult") for r in returns):
        return
    ctx.manual(h.dec, "return `EmptyResult()` from this handler: v2 no longer fills it in")
