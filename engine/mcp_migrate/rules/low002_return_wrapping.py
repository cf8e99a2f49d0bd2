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
        Wraps v1's shorthand returns of lowlevel handlers the way v1's decorators did: a list into
        `ListToolsResult(tools=...)` (resources, templates, prompts alike), tool content into
        `CallToolResult(content=...)` (a `(content, structured)` tuple and a dict get `structured_content=`),
        a `read_resource` string, bytes or `ReadResourceContents` into `ReadResourceResult(contents=[...])`,
        a completion into `CompleteResult`, and `return` into `EmptyResult()`. For a handler LOW001
        converts this is part of that conversion; for one it leaves to a person, returned lists are still
        wrapped (v1 accepts the result too; a return annotation other returns still match gets
        `| <Result>`) and other shapes get a marker.
    """,
    why="""
        v2 validates handler results against the protocol schema: a bare list or dict fails
        validation and the client gets an error instead of the result v1 produced.
    """,
    example="""
         import mcp.types as types
         from mcp.server.lowlevel import Server
        +from mcp.server import ServerRequestContext
        -
        -server = Server("my-server")


        -@server.read_resource()
        -async def handle_read_resource(uri) -> str:
        -    return "file contents"
        +async def handle_read_resource(ctx: ServerRequestContext, params: types.ReadResourceRequestParams) -> types.ReadResourceResult:
        +    return types.ReadResourceResult(contents=[types.TextResourceContents(uri=params.uri, text="file contents", mime_type="text/plain")])
        +
        +
        +server = Server("my-server", on_read_resource=handle_read_resource)
    """,
    v1_names=[sdk.SERVER + "." + m for m in sdk.SERVER_DECORATORS],
    v2_names=["mcp.types." + k.result for k in sdk.SERVER_HANDLERS.values() if k.result]
    + ["mcp.types." + n for n in ("TextResourceContents", "BlobResourceContents", "Completion", "TextContent")],
)
def check(ctx: PythonContext):
    for h in ctx.lowlevel_plan().values():
        conv = h.conversion
        if conv is not None:  # converted with the handler (LOW001): the same edits, reported here
            first = conv.wrapped.get(id(h.fn))
            if first is not None:
                ctx.fix(
                    first,
                    "return the full `%s`: v2 no longer wraps v1's shorthand" % h.kind.result,
                    conv.edits,
                    fix_class="safe",
                )
            continue
        if h.method in EMPTY:
            _empty(ctx, h)
            continue
        wrap, hand = ctx.returns_to_wrap(h.fn, h.kind)
        if ctx.used_directly(h.fn):  # its other callers expect what v1's handler returned
            wrap, hand = [], hand + wrap
        if h.method in HAND and h.method != "call_tool":
            hand = [
                r
                for r in ctx.own_returns(h.fn)
                if not (
                    r.value is not None
                    and isinstance(r.value, ast.Call)
                    and ctx.is_ref(r.value.func, sdk.TYPES + h.kind.result)
                )
            ]
        if wrap and hand and isinstance(h.fn.returns, ast.Constant):
            wrap, hand = [], hand + wrap  # a string annotation is not widened: all by hand
        for r in hand:
            msg = HAND.get(h.method) or "return `%s(%s=[...])`: v2 no longer wraps a bare list" % (
                h.kind.result,
                h.kind.list_field,
            )
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
    ann = h.fn.returns
    if ann is not None and not ctx.is_ref(ann, sdk.TYPES + h.kind.result):
        if annotate:
            edits.append(ctx.replace(ann, ref))
        else:  # other returns stay for a person: the annotation admits both (v1 accepts the result too)
            edits.append(ctx.insert(ctx.span(ann)[1], " | %s" % ref))
    if ref == h.kind.result:
        imp = ctx.add_import("mcp.types", h.kind.result)
        if imp is not None:
            edits.append(imp)
    ctx.fix(returns[0], "wrap the returned list in `%s(%s=...)`: v2 no longer does it" % (h.kind.result, field), edits)


def _empty(ctx, h):
    returns = ctx.own_returns(h.fn)
    if returns and all(
        r.value is not None and isinstance(r.value, ast.Call) and ctx.is_ref(r.value.func, sdk.TYPES + "EmptyResult")
        for r in returns
    ):
        return
    ctx.manual(h.dec, "return `EmptyResult()` from this handler: v2 no longer fills it in")
