import ast
import re

from .. import sdk
from ..context import PythonContext
from ..framework import rule

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
    # `ctx.session` of a v1 `RequestContext` is typed as the base of both
    (sdk.SHARED_SESSION + ".BaseSession", "send_request"): {"request_read_timeout_seconds": 2},
}
SESSION_KWARGS = ("read_timeout_seconds", "request_read_timeout_seconds")
# fields that held a `timedelta` in v1 and hold float seconds in v2
FIELDS = {
    sdk.STREAMABLE_HTTP_PARAMETERS: ("timeout", "sse_read_timeout"),
    sdk.SESSION_GROUP_PARAMETERS: ("read_timeout_seconds",),
}


@rule(
    code="CLT004",
    title="Timeouts take `float` seconds instead of `timedelta`",
    anchor="timeouts-take-float-seconds-instead-of-timedelta",
    fix_class="safe",
    summary="""
        Turns `timedelta` timeouts into float seconds on `ClientSession(...)`, `call_tool()`,
        `send_request()`, `ClientSessionGroup.call_tool()`, `ClientSessionParameters`,
        `StreamableHttpParameters` and `ServerSession.send_request()` (also bound by `functools.partial`,
        or passed to `super().__init__` in a `ClientSession` subclass): literal `timedelta(...)` calls
        become numbers, other timedeltas get `.total_seconds()`; values the file does not show get a
        marker. A `send_request()` / `call_tool()` override in a `ClientSession` subclass is called by
        v2's own helpers with seconds: its `timedelta` timeout parameter becomes `float` when the
        override only hands it on to `super()`, and is marked otherwise. A test's expectation of the
        timeout that reached a mocked session (`kwargs["read_timeout_seconds"] == timedelta(seconds=60)`)
        becomes the seconds (review). `.total_seconds()` read off those models' timeout fields goes: they
        hold the seconds in v2.
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
    _float_fields(ctx)
    handed_on = _overrides(ctx)
    seen = set()
    for cls, params in CONSTRUCTORS.items():
        for call, resolved in ctx.constructor_calls(cls):
            if not resolved:
                continue
            seen.add(id(call))
            _check_args(ctx, call, params, "safe", handed_on)
    for (cls, meth), params in METHODS.items():
        for call in ctx.attr_calls(meth):
            f = call.func
            if id(call) in seen:
                continue
            level = ctx.receiver_level(f.value, cls)
            if level == "safe":
                seen.add(id(call))
                _check_args(ctx, call, params, "safe", handed_on)
    # `functools.partial(session.call_tool, name, args, read_timeout_seconds=t)` calls it later with t.
    for call in ctx.calls("functools.partial"):
        f = call.args[0] if call.args else None
        params = next(
            (
                p
                for (cls, meth), p in METHODS.items()
                if isinstance(f, ast.Attribute) and f.attr == meth and ctx.receiver_level(f.value, cls) == "safe"
            ),
            None,
        )
        if params is not None:
            seen.add(id(call))
            _check_args(ctx, call, {k: i + 1 for k, i in params.items()}, "safe", handed_on)
    for compare in ctx.walk(ast.Compare):
        _expected_timeout(ctx, compare)
    # Snippets and sessions from elsewhere: the keyword names are the SDK's own, the value a timedelta.
    names = SESSION_KWARGS + ("timeout", "sse_read_timeout")
    for call in ctx.walk(ast.Call):
        if id(call) in seen or not any(kw.arg in names for kw in call.keywords) or not _unknown_callee(ctx, call.func):
            continue
        for kw in call.keywords:
            if kw.arg in SESSION_KWARGS + ("timeout", "sse_read_timeout") and ctx.timedelta_kind(kw.value) == "always":
                if kw.arg in SESSION_KWARGS or _callee_name(call.func) == "StreamableHttpParameters":
                    _convert(ctx, kw.value, "review")


def _overrides(ctx):
    """`send_request` / `call_tool` overridden in a `ClientSession` subclass with a `timedelta` timeout
    parameter: v2's own helpers call the override with float seconds, so the parameter is retyped when
    the override only hands it on to `super()`, and marked otherwise. The ids of the hand-on values
    (nothing to convert there), so the generic pass leaves them alone."""
    handed_on = set()
    overridden = [m for cls, m in METHODS if cls == sdk.CLIENT_SESSION]
    for fn in ctx.async_overrides(sdk.CLIENT_SESSION, *overridden):
        params = METHODS[(sdk.CLIENT_SESSION, fn.name)]
        for arg in fn.args.args + fn.args.kwonlyargs:
            if arg.arg not in params:
                continue
            passed = ctx.handed_to_super(fn, arg.arg, params[arg.arg])
            ann = ctx.source(arg.annotation) if arg.annotation is not None else None
            if ann is None or "timedelta" not in ann:
                # unannotated: handed on as v2 passed it; `float`/`int`: seconds already (a second run)
                if ann is None or re.search(r"\b(float|int)\b", ann):
                    handed_on.update(id(v) for v in passed or ())
                continue
            if passed is None:
                ctx.manual(
                    arg,
                    "v2's `ClientSession` calls `%s()` with `%s` in float seconds (its own helpers call this "
                    "override): take `%s: float | None` and treat it as seconds" % (fn.name, arg.arg, arg.arg),
                )
                continue
            handed_on.update(id(v) for v in passed)
            optional = re.search(r"\b(None|Optional)\b", ann) is not None
            ctx.fix(
                arg,
                "v2's `ClientSession` calls `%s()` with `%s` in float seconds: the override takes `float`"
                % (fn.name, arg.arg),
                [ctx.replace(arg.annotation, "float | None" if optional else "float")],
            )
    return handed_on


def _expected_timeout(ctx, compare):
    """A test's expectation of what reached the SDK, `kwargs["read_timeout_seconds"] ==
    timedelta(seconds=60)` (or `...["read_timeout_seconds"].total_seconds() == 60`): the code passes
    float seconds once migrated, so the expectation is the seconds (review: the dict is only known
    by its key)."""
    if len(compare.ops) != 1 or not isinstance(compare.ops[0], (ast.Eq, ast.NotEq)):
        return
    for side, other in ((compare.left, compare.comparators[0]), (compare.comparators[0], compare.left)):
        read = side.func.value if _total_seconds_call(side) else side
        if not (isinstance(read, ast.Subscript) and ctx.const_str(read.slice) in SESSION_KWARGS):
            continue
        msg = "`%s` is passed in float seconds in v2" % ctx.const_str(read.slice)
        if read is not side:  # `.total_seconds()` of what is a float now
            ctx.fix(side, msg, [ctx.delete((ctx.span(read)[1], ctx.span(side)[1]))], fix_class="review")
        elif ctx.timedelta_kind(other) == "always":
            seconds = ctx.seconds_text(other)
            ctx.fix(other, msg + ": the expectation is the seconds", [ctx.replace(other, seconds)], fix_class="review")
        return


def _float_fields(ctx):
    """`params.sse_read_timeout.total_seconds()` on the SDK's parameter models: the field holds the
    float seconds in v2, which has no `.total_seconds()`."""
    for call in ctx.attr_calls("total_seconds"):
        read = call.func.value
        if not (_total_seconds_call(call) and isinstance(read, ast.Attribute)):
            continue
        if any(read.attr in fields and ctx.is_instance(read.value, cls) for cls, fields in FIELDS.items()):
            ctx.fix(
                call,
                "`%s` holds float seconds in v2" % read.attr,
                [ctx.delete((ctx.span(read)[1], ctx.span(call)[1]))],
            )


def _total_seconds_call(node) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "total_seconds"
        and not node.args
        and not node.keywords
    )


def _check_args(ctx, call, params, level, handed_on):
    for name, pos in params.items():
        kw = ctx.keyword(call, name)
        value = kw.value if kw is not None else (call.args[pos] if pos is not None and len(call.args) > pos else None)
        if value is None or isinstance(value, ast.Starred) or id(value) in handed_on:
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
    text = ctx.seconds_text(value)
    return [ctx.replace(value, text)] if text is not None else None


def _unknown_callee(ctx, func):
    if isinstance(func, ast.Attribute):
        return ctx.is_unknown_receiver(func.value)
    return isinstance(func, ast.Name) and ctx.binding(func) is None


def _callee_name(func):
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
