import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

TIMEDELTA = ("datetime.timedelta",)
UNITS = {
    "days": 86400,
    "seconds": 1,
    "microseconds": 1e-6,
    "milliseconds": 1e-3,
    "minutes": 60,
    "hours": 3600,
    "weeks": 604800,
}
POSITIONAL = ("days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks")
# constructor -> {parameter: positional index or None}
CONSTRUCTORS = {
    sdk.CLIENT_SESSION: {"read_timeout_seconds": 2},
    sdk.SESSION_GROUP_PARAMETERS: {"read_timeout_seconds": None},
    sdk.STREAMABLE_HTTP_PARAMETERS: {"timeout": None, "sse_read_timeout": None},
    sdk.CONNECTED_SESSION_HELPER: {"read_timeout_seconds": 1},
}
# (receiver class, method) -> {parameter: positional index (self excluded)}
METHODS = {
    (sdk.CLIENT_SESSION, "call_tool"): {"read_timeout_seconds": 2},
    (sdk.CLIENT_SESSION, "send_request"): {"request_read_timeout_seconds": 2},
    (sdk.CLIENT_SESSION_GROUP, "call_tool"): {"read_timeout_seconds": 2},
    (sdk.SERVER_SESSION, "send_request"): {"request_read_timeout_seconds": 2},
}
SESSION_KWARGS = ("read_timeout_seconds", "request_read_timeout_seconds")


@rule(
    code="CLT004",
    title="Timeouts take `float` seconds instead of `timedelta`",
    anchor="timeouts-take-float-seconds-instead-of-timedelta",
    fix_class="safe",
    summary="""
        Turns `timedelta` timeouts into float seconds on `ClientSession(...)`, `call_tool()`,
        `send_request()`, `ClientSessionGroup.call_tool()`, `ClientSessionParameters`,
        `StreamableHttpParameters` and `ServerSession.send_request()`: literal `timedelta(...)` calls
        become numbers, other timedeltas get `.total_seconds()`; values the file does not show get a
        marker.
    """,
    why="""
        The session paths accept a timedelta and then crash inside anyio with
        `TypeError: unsupported operand type(s) for +: 'float' and 'datetime.timedelta'` on the
        first request; `StreamableHttpParameters` fails with `ValidationError: Input should be a
        valid number`.
    """,
    example="""
         from datetime import timedelta

         from mcp import ClientSession


         async def run(read, write) -> None:
        -    async with ClientSession(read, write, read_timeout_seconds=timedelta(seconds=30)) as session:
        -        await session.call_tool("slow", {}, read_timeout_seconds=timedelta(minutes=2))
        +    async with ClientSession(read, write, read_timeout_seconds=30) as session:
        +        await session.call_tool("slow", {}, read_timeout_seconds=120)
    """,
    v1_names=[
        "mcp.client.session.ClientSession.__init__(read_timeout_seconds)",
        "mcp.client.session.ClientSession.call_tool(read_timeout_seconds)",
        "mcp.shared.session.BaseSession.send_request(request_read_timeout_seconds)",
        "mcp.client.session_group.ClientSessionGroup.call_tool(read_timeout_seconds)",
        "mcp.client.session_group.ClientSessionParameters",
        "mcp.client.session_group.StreamableHttpParameters",
    ],
    v2_names=[
        "mcp.client.session.ClientSession.__init__(read_timeout_seconds)",
        "mcp.client.session.ClientSession.call_tool(read_timeout_seconds)",
        "mcp.client.session.ClientSession.send_request(request_read_timeout_seconds)",
        "mcp.client.session_group.ClientSessionGroup.call_tool(read_timeout_seconds)",
        "mcp.client.session_group.ClientSessionParameters",
        "mcp.client.session_group.StreamableHttpParameters",
    ],
)
def check(ctx: PythonContext):
    seen = set()
    for cls, params in CONSTRUCTORS.items():
        for call in ctx.calls(cls):
            seen.add(id(call))
            _check_args(ctx, call, params, "safe")
    for (cls, meth), params in METHODS.items():
        for call in ctx.attr_calls(meth):
            f = call.func
            if id(call) in seen:
                continue
            level = ctx.receiver_level(f.value, cls)
            if level == "safe":
                seen.add(id(call))
                _check_args(ctx, call, params, "safe")
    # Snippets and sessions from elsewhere: the keyword names are the SDK's own, the value a timedelta.
    names = SESSION_KWARGS + ("timeout", "sse_read_timeout")
    for call in ctx.walk(ast.Call):
        if id(call) in seen or not any(kw.arg in names for kw in call.keywords) or not _unknown_callee(ctx, call.func):
            continue
        for kw in call.keywords:
            if kw.arg in SESSION_KWARGS + ("timeout", "sse_read_timeout") and _is_timedelta(ctx, kw.value):
                if kw.arg in SESSION_KWARGS or _callee_name(call.func) == "StreamableHttpParameters":
                    _convert(ctx, kw.value, "review")


def _check_args(ctx, call, params, level):
    for name, pos in params.items():
        kw = ctx.keyword(call, name)
        value = kw.value if kw is not None else (call.args[pos] if pos is not None and len(call.args) > pos else None)
        if value is None or isinstance(value, ast.Starred):
            continue
        if _numeric(value):
            continue
        if not _convert(ctx, value, level):
            ctx.manual(
                value,
                "`%s` takes float seconds in v2; pass `<timedelta>.total_seconds()` if this is a `timedelta`" % name,
            )


def _numeric(value):
    """Values that are already seconds (or None): literals, `x.total_seconds()`, `float(x)`."""
    if isinstance(value, ast.Constant):
        return value.value is None or isinstance(value.value, (int, float))
    if isinstance(value, ast.UnaryOp):
        return _numeric(value.operand)
    if isinstance(value, ast.BinOp):
        return _numeric(value.left) and _numeric(value.right)
    if isinstance(value, ast.IfExp):
        return _numeric(value.body) and _numeric(value.orelse)
    if isinstance(value, ast.Call):
        f = value.func
        return (isinstance(f, ast.Attribute) and f.attr == "total_seconds") or (
            isinstance(f, ast.Name) and f.id in ("float", "int")
        )
    return False


def _convert(ctx, value, level):
    edits = _seconds_edits(ctx, value)
    if not edits:
        return False
    ctx.fix(value, "timeouts are float seconds in v2, not `timedelta`", edits, fix_class=level)
    return True


def _seconds_edits(ctx, value):
    """Edits turning a timedelta-valued expression into float seconds, or None when the file does
    not show it is one. `x if c else None` converts each branch."""
    if isinstance(value, ast.IfExp):
        branches = [b for b in (value.body, value.orelse) if not _numeric(b)]
        edits = [_seconds_edits(ctx, b) for b in branches]
        return [e for es in edits for e in es] if branches and all(edits) else None
    if isinstance(value, ast.Call) and ctx.is_ref(value.func, *TIMEDELTA):
        text = _literal_seconds(ctx, value) or _unit_seconds(ctx, value) or ctx.source(value) + ".total_seconds()"
        return [ctx.replace(value, text)]
    if _is_timedelta(ctx, value):
        return [ctx.insert(ctx.span(value)[1], ".total_seconds()")]
    if _optional_timedelta(ctx, value):
        name = ctx.source(value)
        return [ctx.replace(value, "(%s.total_seconds() if %s is not None else None)" % (name, name))]
    return None


def _unit_seconds(ctx, call):
    """`timedelta(seconds=x)` -> `float(x)`, `timedelta(minutes=x)` -> `float(x) * 60` (one unit, any expression)."""
    if len(call.args) + len(call.keywords) != 1:
        return None
    unit, node = (POSITIONAL[0], call.args[0]) if call.args else (call.keywords[0].arg, call.keywords[0].value)
    if unit not in UNITS or isinstance(node, ast.Starred):
        return None
    src = ctx.source(node)
    if "\n" in src:
        return None
    # float(): the value is seconds to the reader (and to this rule on the next run)
    return "float(%s)" % src if UNITS[unit] == 1 else "float(%s) * %s" % (src, UNITS[unit])


def _optional_timedelta(ctx, value):
    """A name annotated `timedelta | None` / `Optional[timedelta]` (a parameter, usually)."""
    if not isinstance(value, ast.Name):
        return False
    b = ctx.binding(value)
    if b is None or b.how != "annotation" or b.expr is None:
        return False
    parts = [p for p in _union_parts(b.expr) if not (isinstance(p, ast.Constant) and p.value is None)]
    return bool(parts) and all(ctx.is_ref(p, *TIMEDELTA) for p in parts)


def _union_parts(ann):
    """The members of `A | B`, `Optional[A]`, `Union[A, B]`; else the annotation itself."""
    if isinstance(ann, ast.BinOp) and isinstance(ann.op, ast.BitOr):
        return _union_parts(ann.left) + _union_parts(ann.right)
    if isinstance(ann, ast.Subscript):
        head = ann.value.attr if isinstance(ann.value, ast.Attribute) else getattr(ann.value, "id", "")
        args = ann.slice.elts if isinstance(ann.slice, ast.Tuple) else [ann.slice]
        if head == "Optional" and len(args) == 1:
            return _union_parts(args[0]) + [ast.Constant(None)]
        if head == "Union":
            return [p for a in args for p in _union_parts(a)]
    return [ann]


def _is_timedelta(ctx, value):
    if isinstance(value, ast.Call):
        return ctx.is_ref(value.func, *TIMEDELTA)
    if isinstance(value, ast.Name):
        return ctx.instance_of(value) in TIMEDELTA
    return False


def _literal_seconds(ctx, call):
    if any(k.arg is None for k in call.keywords) or any(isinstance(a, ast.Starred) for a in call.args):
        return None
    pairs = list(zip(POSITIONAL, call.args)) + [(k.arg, k.value) for k in call.keywords]
    total = 0
    for unit, node in pairs:
        if (
            unit not in UNITS
            or not isinstance(node, ast.Constant)
            or isinstance(node.value, bool)
            or not isinstance(node.value, (int, float))
        ):
            return None
        total += node.value * UNITS[unit]
    total = round(total, 6)
    return str(int(total)) if float(total).is_integer() else repr(float(total))


def _unknown_callee(ctx, func):
    if isinstance(func, ast.Attribute):
        return ctx.is_unknown_receiver(func.value)
    return isinstance(func, ast.Name) and ctx.binding(func) is None


def _callee_name(func):
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
