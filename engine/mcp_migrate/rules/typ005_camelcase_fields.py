import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

# camelCase names that almost only MCP objects carry: worth a review finding even when the file
# does not show where the object came from, as long as the file uses the SDK.
DISTINCTIVE = {
    "inputSchema",
    "outputSchema",
    "isError",
    "nextCursor",
    "mimeType",
    "structuredContent",
    "serverInfo",
    "protocolVersion",
    "uriTemplate",
    "listChanged",
    "progressToken",
    "resourceTemplates",
    "readOnlyHint",
    "destructiveHint",
    "idempotentHint",
    "openWorldHint",
    "clientInfo",
    "modelPreferences",
    "systemPrompt",
    "includeContext",
    "stopSequences",
    "requestedSchema",
    "toolUseId",
    "websiteUrl",
    "maxTokens",
    "stopReason",
}


MOCKS = {"unittest.mock." + n for n in ("Mock", "MagicMock", "AsyncMock", "NonCallableMock", "NonCallableMagicMock")}


@rule(
    code="TYP005",
    title="Field names changed from camelCase to snake_case",
    anchor="field-names-changed-from-camelcase-to-snake_case",
    fix_class="safe",
    summary="""
        Renames camelCase field access on MCP protocol objects (`result.isError`,
        `tools.nextCursor`, `tool.inputSchema`), the same names in `getattr`/`hasattr`/`setattr`
        strings, camelCase keyword arguments of `mcp.types` constructors (`Tool(inputSchema=...)`),
        and in user subclasses of those models the camelCase fields they override
        (`maxTokens: int = 2048` in a `CreateMessageRequestParams` subclass) and their constructor
        keywords; class patterns (`case ImageContent(mimeType=m):`); camelCase MCP field names given to a
        `Mock(...)` / `configure_mock(...)` (review). Safe when the file shows the object is an MCP type (constructor, annotation, a
        `ClientSession` call result, a loop over one, an `isinstance` check, `assert` or `case`, a
        return annotation); a review fix when the receiver's origin is not visible.
    """,
    why="""
        v2 models use snake_case attributes; `result.isError` raises
        `AttributeError: 'CallToolResult' object has no attribute 'isError'`. camelCase
        constructor keywords are still accepted at run time but are not parameters a type
        checker knows.
    """,
    example="""
         from mcp import ClientSession
         from mcp.types import Tool


         async def run(session: ClientSession) -> Tool:
             result = await session.call_tool("my_tool", {"x": 1})
        -    if result.isError:
        +    if result.is_error:
                 print(result.content)
        -    return Tool(name="t", inputSchema={"type": "object"})
        +    return Tool(name="t", input_schema={"type": "object"})
    """,
    v1_names=[
        "mcp.types.Tool",
        "mcp.types.CallToolResult",
        "mcp.types.ListToolsResult",
        "mcp.client.session.ClientSession.call_tool",
        "mcp.client.session.ClientSession.list_tools",
    ],
    v2_names=["mcp.types.Tool", "mcp.types.CallToolResult", "mcp.types.ListToolsResult"],
)
def check(ctx: PythonContext):
    guess = _Guess(ctx)
    for node in ctx.walk(ast.Attribute):
        new = sdk.CAMEL_TO_SNAKE.get(node.attr)
        if new is None or (node.attr == "progressToken" and ctx.is_request_meta(node.value)):
            continue  # a `_meta` field is a dict key in v2 (TYP010)
        level = _level(ctx, node.value, node.attr, guess)
        if level is None:
            continue
        span = ctx.attr_span(node)
        msg = "MCP type fields are snake_case in v2: `.%s` is now `.%s`" % (node.attr, new)
        if span is None:
            ctx.manual(node, msg)
            continue
        ctx.fix(node, msg, [ctx.replace(span, new)], fix_class=level)
    for call in ctx.walk(ast.Call):
        _keywords(ctx, call, guess)
        _attribute_strings(ctx, call, guess)
        _mock_attributes(ctx, call, guess)
    for cls in ctx.walk(ast.ClassDef):
        _subclass_fields(ctx, cls)
    for pattern in ctx.walk(ast.MatchClass):
        _pattern_keywords(ctx, pattern)


def _level(ctx, receiver, attr, guess):
    """How sure we are that `receiver.<attr>` reads a field of an MCP model, or None."""
    name, level = ctx.protocol_value(receiver)
    if level is not None:
        # A known model without that field is not what the name suggests (`TextContent` has no `mimeType`).
        return level if name == "?" or attr in sdk.TYPE_FIELDS.get(name, ()) else None
    if attr in DISTINCTIVE and guess.uses_sdk() and _plain_receiver(receiver) and not _own_object(ctx, receiver):
        return "review"
    return None


def _own_object(ctx, receiver):
    """An instance of one of the project's own classes (`page = parse_vendor_page(...)` declared
    `-> VendorPage`): its camelCase names are its own."""
    t = ctx.types.type_of(receiver)
    return isinstance(t, tuple) and t[0] == "uobj"


class _Guess:
    """Whether the file uses the SDK at all (asked once, only when a receiver is unknown)."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.answer = None

    def uses_sdk(self):
        if self.answer is None:
            self.answer = self.ctx.imports_from("mcp") or _snippet_session_call(self.ctx)
        return self.answer


def _model_class(ctx, call):
    """The v1 `mcp.types` model a call constructs: the class itself or a user subclass keeping its
    constructor (`class Params(CreateMessageRequestParams)` then `Params(maxTokens=1)`)."""
    return ctx.protocol_type(ctx.resolve(call.func)) or ctx.protocol_type(ctx.types.sdk_constructor(call))


def _keywords(ctx, call, guess):
    if not any(kw.arg in sdk.CAMEL_TO_SNAKE for kw in call.keywords) or ctx.resolve(call.func) in MOCKS:
        return
    cls = _model_class(ctx, call)
    level = None
    if cls is None:
        # A class from another module the file cannot see (`from app.params import Params`, a
        # subclass of an MCP model), built with names only MCP models use: review.
        if not (_imported_unknown(ctx, call.func) and guess.uses_sdk()):
            return
        level = "review"
    for kw in call.keywords:
        new = sdk.CAMEL_TO_SNAKE.get(kw.arg or "")
        if new is None or (kw.arg not in sdk.TYPE_FIELDS[cls] if cls else kw.arg not in DISTINCTIVE):
            continue
        span = ctx.name_span(kw)
        msg = "`%s(%s=...)` is `%s=` in v2" % (cls or ctx.source(call.func), kw.arg, new)
        if cls is None:
            msg = "if `%s` is an MCP model (or a subclass of one), `%s=` is `%s=` in v2" % (
                ctx.source(call.func),
                kw.arg,
                new,
            )
        if span is None:
            ctx.manual(kw, msg)
        else:
            ctx.fix(kw, msg, [ctx.replace(span, new)], fix_class=level)


def _mock_attributes(ctx, call, guess):
    """`Mock(tools=[], nextCursor=None)` standing in for an MCP result, `m.configure_mock(isError=True)`:
    the code under test reads `next_cursor` once migrated, and a Mock answers any other name with a
    new Mock instead of failing, so the camelCase keyword would silently stop meaning anything."""
    f = call.func
    if not (ctx.resolve(f) in MOCKS or (isinstance(f, ast.Attribute) and f.attr == "configure_mock")):
        return
    if not guess.uses_sdk():
        return
    for kw in call.keywords:
        new = sdk.CAMEL_TO_SNAKE.get(kw.arg or "")
        span = ctx.name_span(kw) if kw.arg in DISTINCTIVE else None
        if new is not None and span is not None:
            msg = "if this mock stands in for an MCP object, its `%s` field is `%s` in v2" % (kw.arg, new)
            ctx.fix(kw, msg, [ctx.replace(span, new)], fix_class="review")


def _pattern_keywords(ctx, pattern):
    """`case ImageContent(mimeType=m):` reads the attribute `mimeType`, which v2 models do not have:
    the case would silently stop matching."""
    cls = _model_class_ref(ctx, pattern.cls)
    if cls is None:
        return
    start = ctx.span(pattern.patterns[-1])[1] if pattern.patterns else ctx.span(pattern.cls)[1]
    for attr, sub in zip(pattern.kwd_attrs, pattern.kwd_patterns):
        end = ctx.span(sub)[0]
        new = sdk.CAMEL_TO_SNAKE.get(attr)
        at = ctx.text.rfind(attr, start, end)
        start = ctx.span(sub)[1]
        if new is None or attr not in sdk.TYPE_FIELDS[cls]:
            continue
        msg = "`case %s(%s=...)` is `%s=` in v2 (the camelCase attribute is gone, so the case would not match)" % (
            cls,
            attr,
            new,
        )
        if at < 0:
            ctx.manual(sub, msg)
        else:
            ctx.fix(sub, msg, [ctx.replace((at, at + len(attr)), new)])


def _model_class_ref(ctx, ref):
    """The v1 `mcp.types` model a class reference names (the class or a user subclass of it)."""
    q = ctx.resolve(ref)
    found = ctx.protocol_type(q) if q else None
    if found is None:
        t = ctx.types.type_of(ref)
        if isinstance(t, tuple) and t[0] in ("class", "subclass"):
            found = ctx.protocol_type(t[1])
    return found


def _imported_unknown(ctx, func):
    """A name imported from a module other than the SDK that the file knows nothing about."""
    if not isinstance(func, ast.Name) or ctx.types.type_of(func) is not None:
        return False
    b = ctx.binding(func)
    if b is None or b.kind != "import":
        return isinstance(getattr(b, "node", None), ast.alias)  # a relative import
    return not (b.target or "").split(".")[0] == "mcp"


def _attribute_strings(ctx, call, guess):
    """`getattr(x, "mimeType", None)`, `hasattr(x, "isError")`, `setattr(x, "nextCursor", v)`."""
    f = call.func
    if not (
        isinstance(f, ast.Name)
        and f.id in ("getattr", "hasattr", "setattr")
        and len(call.args) >= 2
        and ctx.binding(f) is None
    ):
        return
    name = ctx.const_str(call.args[1])
    new = sdk.CAMEL_TO_SNAKE.get(name or "")
    if new is None:
        return
    level = _level(ctx, call.args[0], name, guess)
    if level is None:
        return
    arg = call.args[1]
    quote = ctx.source(arg)[:1]
    if quote not in ("'", '"'):
        ctx.manual(call, "MCP type fields are snake_case in v2: use `%s` instead of `%s`" % (new, name))
        return
    ctx.fix(
        arg,
        "MCP type fields are snake_case in v2: `%s(..., %s)` reads `%s`" % (f.id, ctx.source(arg), new),
        [ctx.replace(arg, quote + new + quote)],
        fix_class=level,
    )


def _subclass_fields(ctx, cls):
    """`class Params(CreateMessageRequestParams): maxTokens: int = 2048` overrides the v1 field; in v2
    the camelCase name would declare a second, unrelated field next to the inherited `max_tokens`."""
    base = ctx.protocol_type(ctx.types.sdk_base(cls))
    if base is None:
        return
    for item in cls.body:
        if not (isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name)):
            continue
        old = item.target.id
        new = sdk.CAMEL_TO_SNAKE.get(old)
        if new is None or old not in sdk.TYPE_FIELDS[base]:
            continue
        ctx.fix(
            item.target,
            "`%s` overrides the `%s` field, which is `%s` in v2" % (old, base, new),
            [ctx.replace(item.target, new)],
        )


def _plain_receiver(expr):
    """Names, attribute chains and subscripts: not calls of other libraries' methods."""
    while isinstance(expr, (ast.Attribute, ast.Subscript)):
        expr = expr.value
    return isinstance(expr, ast.Name)


def _snippet_session_call(ctx):
    """A snippet without imports that awaits a `ClientSession` method, like the guide's examples."""
    if ctx.imports():
        return False
    return any(
        isinstance(a.value, ast.Call)
        and isinstance(a.value.func, ast.Attribute)
        and a.value.func.attr in sdk.SESSION_RETURNS
        for a in ctx.walk(ast.Await)
    )
