import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

ERR = sdk.MCP_ERROR
ERROR_DATA = sdk.ERROR_DATA
ORDER = ("code", "message", "data")


@rule(
    code="TYP002",
    title="`McpError` renamed to `MCPError`",
    anchor="mcperror-renamed-to-mcperror",
    fix_class="safe",
    summary="""
        Rewrites `McpError(ErrorData(code=..., message=..., data=...))` (or `error=ErrorData(...)`)
        to `McpError(code, message, data)` (TYP001 renames the class; an `ErrorData(...)` laid out over
        lines gives up its own line and `)`, its arguments kept as written), `McpError(error_data)` with
        any other argument to `McpError.from_error_data(error_data)`, and in `McpError` subclasses
        `super().__init__(error)` to `super().__init__(error.code, error.message, error.data)`. In such
        subclasses, `self.code = code` (or `message`, `data`) right after a `super().__init__()` given the
        same value goes, since v2 makes those read-only properties; other assignments to them are marked.
    """,
    why="""
        v2's `MCPError.__init__` takes `code`, `message`, `data`; passing an `ErrorData` makes the
        whole object the code.
    """,
    example="""
         from mcp.shared.exceptions import McpError
         from mcp.types import INVALID_REQUEST, ErrorData


         def check_city(city: str) -> None:
             if not city:
        -        raise McpError(ErrorData(code=INVALID_REQUEST, message="bad input"))
        +        raise McpError(INVALID_REQUEST, "bad input")
    """,
    v1_names=[ERR, ERROR_DATA],
    v2_names=["mcp.shared.exceptions.MCPError.from_error_data", "mcp.types.ErrorData"],
)
def check(ctx: PythonContext):
    _property_assignments(ctx)
    for call, resolved in ctx.constructor_calls(ERR):
        if not resolved:
            continue
        arg = _error_argument(call)
        if arg is None:
            continue
        if isinstance(arg, ast.Call) and ctx.is_ref(arg.func, ERROR_DATA):
            parts = _error_data_args(ctx, arg)
            if parts is not None and not any("\n" in p for p in parts):
                edits = [ctx.replace(_argument_node(call), ", ".join(parts))]
            else:
                edits = _unwrapped_lines(ctx, call, arg) if parts is not None else None
            if edits is None:
                ctx.manual(call, "pass `code, message, data` to `MCPError(...)` instead of an `ErrorData`")
            else:
                ctx.fix(call, "`MCPError` takes `code, message, data` directly", edits)
        elif ctx.is_super_init(call):
            # `super().__init__(error)` in a subclass: spell out the fields of the ErrorData.
            if isinstance(arg, (ast.Name, ast.Attribute)):
                src = ctx.source(arg)
                ctx.fix(
                    call,
                    "`MCPError.__init__` takes `code, message, data` instead of an `ErrorData`",
                    [ctx.replace(_argument_node(call), "%s.code, %s.message, %s.data" % (src, src, src))],
                )
            else:
                ctx.manual(call, "`MCPError.__init__` takes `code, message, data` instead of an `ErrorData`")
        else:
            edits = [ctx.insert(ctx.span(call.func)[1], ".from_error_data")]
            if call.keywords:  # `McpError(error=e)`: the class method takes it positionally
                edits.append(ctx.delete((ctx.span(call.keywords[0])[0], ctx.span(arg)[0])))
            ctx.fix(call, "`MCPError(...)` no longer wraps an `ErrorData`; use `MCPError.from_error_data(...)`", edits)


def _property_assignments(ctx):
    """`self.code = code` in an `McpError` subclass: v2's `MCPError` has read-only `code`, `message` and
    `data` properties (reading its `error`), so the assignment raises `AttributeError`. Right after a
    `super().__init__(...)` given the same value, it goes: the property returns that value."""
    for cls in ctx.walk(ast.ClassDef):
        if ctx.canonical(ctx.types.sdk_base(cls) or "") != ERR:
            continue
        for fn in cls.body:
            if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            given = _given_to_super(ctx, fn)
            for st in ast.walk(fn):
                target = st.targets[0] if isinstance(st, ast.Assign) and len(st.targets) == 1 else None
                if not (
                    isinstance(target, ast.Attribute)
                    and target.attr in ORDER
                    and isinstance(target.value, ast.Name)
                    and target.value.id == "self"
                ):
                    continue
                msg = "`MCPError.%s` is a read-only property in v2 (it reads `self.error`)" % target.attr
                span = ctx.line_span(st) if st in fn.body else None
                if span is not None and given.get(target.attr) == ctx.source(st.value):
                    ctx.fix(st, msg + ": `super().__init__()` already set it", [ctx.delete(span)])
                else:
                    ctx.manual(
                        st, msg + ": pass it to `super().__init__(code, message, data)` or keep it under another name"
                    )


def _given_to_super(ctx, fn) -> dict:
    """{field: source} of what the method's `super().__init__(code, message, data)` passes."""
    for st in fn.body:
        call = st.value if isinstance(st, ast.Expr) else None
        if isinstance(call, ast.Call) and ctx.is_super_init(call) and not ctx.has_star(call):
            arg = _error_argument(call)
            if isinstance(arg, ast.Call) and ctx.is_ref(arg.func, ERROR_DATA):
                call = arg  # v1's `super().__init__(ErrorData(code=..., ...))`, which `check` rewrites
            out = {name: ctx.source(a) for name, a in zip(ORDER, call.args)}
            out.update({k.arg: ctx.source(k.value) for k in call.keywords if k.arg in ORDER})
            return out
    return {}


def _error_argument(call):
    """The one `ErrorData` argument of a v1 constructor call, positional or `error=`, else None."""
    if len(call.args) == 1 and not call.keywords and not isinstance(call.args[0], ast.Starred):
        return call.args[0]
    if not call.args and len(call.keywords) == 1 and call.keywords[0].arg == "error":
        return call.keywords[0].value
    return None


def _argument_node(call):
    """The node holding the `ErrorData` argument: the positional argument or the `error=` keyword."""
    return call.args[0] if call.args else call.keywords[0]


def _error_data_args(ctx, call):
    """Source of ErrorData's arguments in (code, message, data) order, or None."""
    if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
        return None
    values = dict(zip(ORDER, call.args))
    for k in call.keywords:
        if k.arg not in ORDER or k.arg in values:
            return None
        values[k.arg] = k.value
    if "code" not in values or "message" not in values:
        return None
    parts = [ctx.source(values["code"]), ctx.source(values["message"])]
    if "data" in values:
        parts.append(ctx.source(values["data"]))
    return parts


def _unwrapped_lines(ctx, call, error_data):
    """Edits turning `McpError(ErrorData(\\n code=..., message=..., data={...},\\n))` laid out over
    lines into `McpError(\\n code=..., ...)`: `ErrorData(` and its `)` go and its arguments move out
    one level, keeping their own text (and other fixes inside them). None for `error=ErrorData(...)`,
    a comment at either end, a string spanning lines, or an argument line indented less than the first."""
    args = sorted(error_data.args + error_data.keywords, key=lambda n: (n.lineno, n.col_offset))
    s, e = ctx.span(error_data)
    i, j = ctx.span(args[0])[0], ctx.span(args[-1])[1]
    if call.keywords or args[0].lineno == error_data.lineno or ctx.text[j : e - 1].strip() not in ("", ","):
        return None
    if ctx.text[s:i].split("(", 1)[1].strip():
        return None
    if any(isinstance(n, (ast.Constant, ast.JoinedStr)) and n.lineno != n.end_lineno for n in ast.walk(error_data)):
        return None
    delta = (i - ctx.index.line_start(args[0].lineno)) - (s - ctx.index.line_start(error_data.lineno))
    dedent = ctx.dedent_lines(args[0].lineno + 1, args[-1].end_lineno, delta) if delta > 0 else []
    return None if dedent is None else [ctx.delete((s, i)), ctx.delete((j, e))] + dedent
