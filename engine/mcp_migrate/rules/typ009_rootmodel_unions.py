import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

T = sdk.TYPES
ADAPTERS = {
    "ClientRequest": "client_request_adapter",
    "ServerRequest": "server_request_adapter",
    "ClientNotification": "client_notification_adapter",
    "ServerNotification": "server_notification_adapter",
    "ClientResult": "client_result_adapter",
    "ServerResult": "server_result_adapter",
    "JSONRPCMessage": "jsonrpc_message_adapter",
}
VALIDATE = {"model_validate": "validate_python", "model_validate_json": "validate_json"}
UNIONS = tuple(T + n for n in ADAPTERS)


@rule(
    code="TYP009",
    title="Replace `RootModel` by union types with `TypeAdapter` validation",
    anchor="replace-rootmodel-by-union-types-with-typeadapter-validation",
    fix_class="safe",
    summary="""
        For the former `RootModel` unions (`ClientRequest`, `ServerNotification`, `JSONRPCMessage`,
        ...): rewrites `X.model_validate(...)` / `model_validate_json(...)` to the matching
        `x_adapter.validate_python(...)` / `validate_json(...)`, unwraps `X(inner)` wrapper calls,
        deletes `.root` on values known to be such a union (a `SessionMessage`'s `.message`, a
        value checked with `isinstance`/`assert`; review when only a check the rule rewrites says
        so), rewrites `type(x) is JSONRPCMessage` (always false in v2) to `isinstance`, unwraps
        `case ServerNotification(root=ProgressNotification()):` to the member's own pattern (other
        `case` patterns of the unions are marked: a union is no class to match), and marks `.root`
        read under `hasattr(x, "root")`, a branch that no longer sees MCP messages.
    """,
    why="""
        The unions are plain `X | Y` types in v2: `ServerNotification.model_validate(d)` raises
        `AttributeError`, and `.root` raises
        `AttributeError: 'LoggingMessageNotification' object has no attribute 'root'`.
    """,
    example="""
         from mcp import ClientSession
         from mcp.types import ClientNotification, InitializedNotification, ServerNotification
        +from mcp.types import server_notification_adapter


         async def on_message(session: ClientSession, data: dict) -> None:
        -    notification = ServerNotification.model_validate(data)
        -    print(notification.root)
        -    await session.send_notification(ClientNotification(InitializedNotification()))
        +    notification = server_notification_adapter.validate_python(data)
        +    print(notification)
        +    await session.send_notification(InitializedNotification())
    """,
    v1_names=list(UNIONS),
    v2_names=[T + a for a in ADAPTERS.values()],
)
def check(ctx: PythonContext):
    validations = [n for n in ctx.walk(ast.Attribute) if n.attr in VALIDATE and ctx.is_ref(n.value, *UNIONS)]
    needed = [ADAPTERS[ctx.resolve(n.value).rpartition(".")[2]] for n in validations if isinstance(n.value, ast.Name)]
    imp = ctx.shared_import("mcp.types", needed)
    for node in validations:
        _adapter(ctx, node, imp)
    for call in ctx.calls(*UNIONS):
        _unwrap(ctx, call)
    if not ctx.imports():  # the guide's fragments use the names without importing them
        for call in ctx.walk(ast.Call):
            if (
                isinstance(call.func, ast.Name)
                and call.func.id in ADAPTERS
                and ctx.is_unknown_receiver(call.func)
                and isinstance(ctx.parent(call), ast.Call)
            ):
                _unwrap(ctx, call, "review")
    for cmp in ctx.walk(ast.Compare):
        _type_check(ctx, cmp)
    for pattern in ctx.walk(ast.MatchClass):
        if ctx.is_ref(pattern.cls, *UNIONS):
            _match_pattern(ctx, pattern)
    for node in ctx.attributes_named("root"):
        level = _union_level(ctx, node.value)
        if level:
            _, e = ctx.span(node.value)
            ctx.fix(
                node,
                "the union types have no `.root` in v2; use the value itself",
                [ctx.replace((e, ctx.span(node)[1]), "")],
                fix_class=level,
            )
        elif _duck_typed_root(ctx, node):
            ctx.manual(
                node,
                "no MCP message has `.root` in v2 (the unions are plain `X | Y`), so this "
                "`hasattr(..., \"root\")` branch no longer sees MCP messages: use the message itself",
            )


def _adapter(ctx, node, imp):
    cls = ctx.resolve(node.value).rpartition(".")[2]
    adapter = ADAPTERS[cls]
    msg = "`%s.%s()` is `%s.%s()` in v2" % (cls, node.attr, adapter, VALIDATE[node.attr])
    ref = node.value
    if isinstance(ref, ast.Attribute):  # `types.ServerNotification` -> `types.server_notification_adapter`
        span = ctx.attr_span(ref)
        meth = ctx.attr_span(node)
        if span and meth:
            ctx.fix(node, msg, [ctx.replace(span, adapter), ctx.replace(meth, VALIDATE[node.attr])])
            return
    elif isinstance(ref, ast.Name):
        meth = ctx.attr_span(node)
        if meth and ctx.source(ref) == ref.id:
            ctx.fix(
                node, msg, [ctx.replace(ref, adapter), ctx.replace(meth, VALIDATE[node.attr])] + ([imp] if imp else [])
            )
            return
    ctx.manual(node, msg)


def _match_pattern(ctx, pattern):
    """`case ServerNotification(root=LoggingMessageNotification()):` -> `case LoggingMessageNotification():`
    (v2 matches the member itself; a union is no class to match, `TypeError` at run time). A bare
    capture (`root=n`) is marked: alone it would match anything, and is a `SyntaxError` before other cases."""
    name = ctx.resolve(pattern.cls).rpartition(".")[2]
    inner = pattern.kwd_patterns[0] if not pattern.patterns and pattern.kwd_attrs == ["root"] else None
    if isinstance(inner, ast.MatchAs) and inner.pattern is None:
        inner = None
    msg = "`%s` is a plain union in v2, not a class a `case` can match: match its member classes" % name
    if inner is None:
        ctx.manual(pattern, msg)
    else:
        ctx.fix(pattern, msg, [ctx.replace(pattern, ctx.source(inner))])


def _unwrap(ctx, call, level=None):
    inner = call.args[0] if len(call.args) == 1 and not call.keywords else None
    kw = ctx.keyword(call, "root")
    if inner is None and kw is not None and not call.args and len(call.keywords) == 1:
        inner = kw.value
    if inner is None or isinstance(inner, ast.Starred):
        return
    name = (ctx.resolve(call.func) or call.func.id).rpartition(".")[2]
    ctx.fix(
        call,
        "`%s(...)` is a plain union in v2; pass the member directly" % name,
        ctx.unwrap(call, inner),
        fix_class=level,
    )


def _union_level(ctx, expr):
    if ctx.is_instance(expr, *UNIONS):
        return "safe"
    if isinstance(expr, ast.Name):
        b = ctx.binding(expr)
        if b is not None and b.how == "call" and isinstance(b.expr, ast.Call):
            f = b.expr.func
            if isinstance(f, ast.Attribute) and f.attr in VALIDATE and ctx.is_ref(f.value, *UNIONS):
                return "safe"
        if _narrowed(ctx, expr):
            return "review"
    if _session_message_payload(ctx, expr):
        return "review"
    return None


# Modules whose streams carry `SessionMessage`s: a file using one reads `.message.root` off what it receives.
STREAM_MODULES = (
    "mcp.shared.memory",
    "mcp.shared.message",
    "mcp.client.stdio",
    "mcp.client.sse",
    "mcp.client.streamable_http",
    "mcp.server.stdio",
    "mcp.server.sse",
    "mcp.server.streamable_http",
)


def _session_message_payload(ctx, expr):
    """`item.message` of something received from an MCP stream (`await read.receive()`, `async for`),
    whose type the file does not show, in a file that works with those streams: v1's
    `SessionMessage.message` was the `JSONRPCMessage` wrapper."""
    if not (isinstance(expr, ast.Attribute) and expr.attr == "message" and ctx.imports_from(*STREAM_MODULES)):
        return False
    if ctx.possible_classes(expr.value) == frozenset({sdk.SESSION_MESSAGE}):
        return True
    b = ctx.binding(expr.value) if isinstance(expr.value, ast.Name) else None
    if b is None:
        return False
    if isinstance(b.node, ast.AsyncFor):
        return isinstance(b.node.target, ast.Name)
    received = b.expr.value if b.how == "call" and isinstance(b.expr, ast.Await) else None
    return (
        isinstance(received, ast.Call) and isinstance(received.func, ast.Attribute) and received.func.attr == "receive"
    )


def _narrowed(ctx, name):
    """Inside `if isinstance(name, ServerNotification):` (the v1 message_handler idiom) or
    `if type(name) is JSONRPCMessage:` (rewritten to `isinstance` by `_type_check`)."""
    child, node = name, ctx.parent(name)
    while node is not None:
        if isinstance(node, ast.If) and child in node.body:
            t = node.test
            if (
                isinstance(t, ast.Call)
                and isinstance(t.func, ast.Name)
                and t.func.id == "isinstance"
                and len(t.args) == 2
                and isinstance(t.args[0], ast.Name)
                and t.args[0].id == name.id
                and _is_union_ref(ctx, t.args[1])
            ):
                return True
            checked = _type_is(ctx, t)
            if checked is not None and isinstance(checked[0], ast.Name) and checked[0].id == name.id and not checked[2]:
                return True
        child, node = node, ctx.parent(node)
    return False


def _type_is(ctx, cmp):
    """(subject, union, negated) for `type(x) is U` / `type(x) == U` / `is not` / `!=`, else None."""
    if not (isinstance(cmp, ast.Compare) and len(cmp.ops) == 1):
        return None
    left, op, right = cmp.left, cmp.ops[0], cmp.comparators[0]
    if not isinstance(op, (ast.Is, ast.IsNot, ast.Eq, ast.NotEq)):
        return None
    if not (
        isinstance(left, ast.Call)
        and isinstance(left.func, ast.Name)
        and left.func.id == "type"
        and len(left.args) == 1
        and not left.keywords
        and ctx.binding(left.func) is None
    ):
        return None
    if not ctx.is_ref(right, *UNIONS):
        return None
    return left.args[0], right, isinstance(op, (ast.IsNot, ast.NotEq))


def _type_check(ctx, cmp):
    found = _type_is(ctx, cmp)
    if found is None:
        return
    subject, union_ref, negated = found
    text = "%sisinstance(%s, %s)" % ("not " if negated else "", ctx.source(subject), ctx.source(union_ref))
    parent = ctx.parent(cmp)
    if negated and not isinstance(parent, (ast.If, ast.While, ast.Assert, ast.IfExp, ast.BoolOp)):
        text = "(%s)" % text  # `not` binds looser than what may surround the comparison
    ctx.fix(
        cmp,
        "`%s` is a plain union in v2, never the type of a value: `type(x) is %s` is always "
        "false; check the members with `isinstance`" % (ctx.source(union_ref), ctx.source(union_ref)),
        [ctx.replace(cmp, text)],
        fix_class="review",
    )


def _duck_typed_root(ctx, node):
    """`x.root` under `if hasattr(x, "root"):` in a file that handles MCP messages."""
    key = ctx.source(node.value)
    child, p = node, ctx.parent(node)
    while p is not None:
        if isinstance(p, ast.If) and child in p.body:
            for test in ast.walk(p.test):
                if (
                    isinstance(test, ast.Call)
                    and isinstance(test.func, ast.Name)
                    and test.func.id == "hasattr"
                    and len(test.args) == 2
                    and ctx.const_str(test.args[1]) == "root"
                    and ctx.source(test.args[0]) == key
                ):
                    return ctx.mentions(*UNIONS) or ctx.mentions(sdk.SESSION_MESSAGE)
        child, p = p, ctx.parent(p)
    return False


def _is_union_ref(ctx, expr):
    if ctx.is_ref(expr, *UNIONS):
        return True
    return isinstance(expr, ast.Name) and expr.id in ADAPTERS and ctx.is_unknown_receiver(expr) and not ctx.imports()
