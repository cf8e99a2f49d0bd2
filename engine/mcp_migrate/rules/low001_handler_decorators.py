import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule
from ..markers import EXISTING

ANCHOR = "lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params"
NOTES = {
    "call_tool": "; `params.arguments` may be `None` (kept as `or {}`) and the v1 decorator's jsonschema "
                 "input/output validation is gone",
    "read_resource": "; `params.uri` is a `str`, not `AnyUrl`",
    "subscribe_resource": "; `params.uri` is a `str`, not `AnyUrl`",
    "unsubscribe_resource": "; `params.uri` is a `str`, not `AnyUrl`",
}


@rule(
    code="LOW001",
    title="Lowlevel `Server`: decorator-based handlers replaced with constructor `on_*` params",
    anchor=ANCHOR,
    fix_class="review",
    summary="""
        Turns `@server.list_tools()`, `@server.call_tool()`, ... handlers of a lowlevel `Server` into
        `on_*=` constructor arguments: removes the decorators, moves `server = Server(...)` below the
        handlers with `on_list_tools=handle_list_tools, ...`, and rewrites each handler's signature to
        `(ctx: ServerRequestContext, params: ...)`, binding the v1 argument names from `params`.
        Handlers it cannot convert (server built inside a function or class, request-object
        signatures, sync handlers) get a marker naming the `on_*=` keyword and the v2 signature.
    """,
    why="""
        v2 removed the decorator methods; `@server.list_tools()` fails at import with
        `AttributeError: 'Server' object has no attribute 'list_tools'`.
    """,
    example="""
         import mcp.types as types
         from mcp.server.lowlevel import Server
        -
        -server = Server("my-server")
        +from mcp.server import ServerRequestContext


        -@server.call_tool()
        -async def handle_call_tool(name: str, arguments: dict) -> list[types.TextContent]:
        +async def handle_call_tool(ctx: ServerRequestContext, params: types.CallToolRequestParams) -> list[types.TextContent]:
        +    name, arguments = params.name, params.arguments or {}
             return [types.TextContent(type="text", text=f"Called {name}")]
        +
        +
        +server = Server("my-server", on_call_tool=handle_call_tool)
    """,
    v1_names=[sdk.SERVER] + [sdk.SERVER + "." + m for m in sdk.SERVER_DECORATORS],
    v2_names=[sdk.SERVER + ".__init__(%s)" % k.kwarg for k in sdk.SERVER_HANDLERS.values()]
    + ["mcp.server.ServerRequestContext"]
    + sorted({"mcp.types." + t for k in sdk.SERVER_HANDLERS.values() for t in k.param_types()}),
)
def check(ctx: PythonContext):
    plan = ctx.lowlevel_plan()
    moved = {}
    for h in plan.values():
        if h.server is not None:
            moved.setdefault(id(h.server), (h.server, []))[1].append(h)
        else:
            _manual(ctx, h, "remove the decorator and pass `%s=%s` to `Server(...)`" % (h.kind.kwarg, h.fn.name))
    for st, handlers in moved.values():
        _register(ctx, st, handlers)
    for h in plan.values():
        if h.server is None:
            continue
        if h.rewrite:
            _signature(ctx, h)
        else:
            _manual(ctx, h, "rewrite the handler's signature")
    decos = {id(h.dec.func if isinstance(h.dec, ast.Call) else h.dec) for h in plan.values()}
    for node in ctx.attribute_uses(sdk.SERVER, *sdk.SERVER_DECORATORS):
        if id(node) not in decos:
            kind = sdk.SERVER_HANDLERS[node.attr]
            ctx.manual(node, "`Server.%s()` is gone: pass the handler as `%s=` to `Server(...)`, signature %s"
                       % (node.attr, kind.kwarg, ctx.handler_signature(kind)))


def _manual(ctx, h, what):
    why = " (%s)" % h.why if h.why else ""
    ctx.manual(h.dec, "%s; v2 handlers take %s%s" % (what, ctx.handler_signature(h.kind), why))


def _register(ctx, st, handlers):
    edits = []
    for h in handlers:
        ls = ctx.index.line_start(h.dec.lineno)
        if not ctx.text[ls:ctx.span(h.dec)[0]].strip() == "@":
            return _fallback(ctx, handlers)
        edits.append(ctx.delete((ls, ctx.index.line_start(h.dec.end_lineno + 1))))
    call = st.value
    lines = ctx.whole_lines(st)
    kw = ctx.server_keyword_edits(call)
    add = ctx.add_kwargs(call, ", ".join("%s=%s" % (h.kind.kwarg, h.fn.name) for h in handlers))
    if kw is None or add is None:
        return _fallback(ctx, handlers)
    moved_text = ctx.apply_local(ctx.text[lines[0]:lines[1]], lines[0], kw + [add])
    nl = ctx.index.newline()
    if not moved_text.endswith(("\n", "\r")):
        moved_text += nl
    last = max((h.fn for h in handlers), key=lambda f: f.end_lineno)
    end = ctx.whole_lines(last)
    at = end[1] if end else ctx.index.line_start(last.end_lineno + 1)
    prefix = nl + nl if ctx.text[:at].endswith(("\n", "\r")) else nl + nl + nl
    edits.append(ctx.delete(_with_blank_lines(ctx, st, lines)))
    edits.append(ctx.insert(at, prefix + moved_text))
    kwargs = ", ".join("`%s=`" % h.kind.kwarg for h in handlers)
    ctx.fix(call, "register the handlers as %s in `Server(...)`, moved below them" % kwargs, edits)


def _blank(ctx, line) -> bool:
    return 1 <= line <= ctx.index.line_count and not ctx.index.line_text(line).strip()


def _with_blank_lines(ctx, st, lines):
    """The statement's lines plus enough blank lines after it that the gap it leaves is no wider
    than the wider of the gaps around it (2 + 2 blank lines become 2, not 4)."""
    top = st.lineno
    while top > 1 and EXISTING.match(ctx.index.line_text(top - 1)):
        top -= 1  # marker comments above the statement (they go with it)
    before = after = 0
    while _blank(ctx, top - 1 - before):
        before += 1
    while _blank(ctx, st.end_lineno + 1 + after):
        after += 1
    drop = min(before, after)
    if not drop:
        return lines
    last = st.end_lineno + drop
    end = ctx.index.line_start(last + 1) if last < ctx.index.line_count else len(ctx.text)
    return (lines[0], end)


def _fallback(ctx, handlers):
    for h in handlers:
        _manual(ctx, h._replace(why=""), "remove the decorator and pass `%s=%s` to `Server(...)`"
                % (h.kind.kwarg, h.fn.name))


def _signature(ctx, h):
    fn, kind = h.fn, h.kind
    o, c = ctx.paren_span(fn)
    sig = "ctx: %s, params: %s" % (ctx.request_context_ref(), ctx.params_annotation(kind))
    edits = [ctx.replace((o + 1, c), sig)]
    names = [a.arg for a in fn.args.args]
    if names:
        values = []
        for n, field in zip(names, kind.fields):
            v = "params." + field
            if h.method == "call_tool" and field == "arguments":
                v += " or {}"
            values.append(v)
        body = fn.body
        doc = isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
            and isinstance(body[0].value.value, str)
        anchor_stmt = body[1] if doc and len(body) > 1 else body[0]
        indent = ctx.index.indentation(anchor_stmt.lineno)
        line = "%s%s = %s%s" % (indent, ", ".join(names), ", ".join(values), ctx.index.newline())
        if doc and len(body) == 1:
            at = ctx.index.line_start(body[0].end_lineno + 1)
        else:
            at = ctx.index.line_start(anchor_stmt.lineno)
        edits.append(ctx.insert(at, line))
    imp = ctx.lowlevel_import_edit()
    if imp is not None:
        edits.append(imp)
    ctx.fix(fn, "v2 handlers take `(ctx, params)`; the v1 arguments now come from `params`%s"
            % NOTES.get(h.method, ""), edits)
