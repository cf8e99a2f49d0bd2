import ast
import re

from .. import sdk
from ..context import PythonContext
from ..framework import rule

S = sdk.SHARED_SESSION + "."
MESSAGES = {
    "BaseSession": "`BaseSession` was removed; customise through `ClientSession` callbacks or `dispatcher=`",
    "RequestResponder": "`RequestResponder` was removed; a `message_handler` takes `mcp.client.IncomingMessage`",
}
# v1 `BaseSession`/`ClientSession` internals v2's `ClientSession` no longer has, and what to do instead.
_STREAMS = "keep your own references to the transport streams you passed in"
_HANDLERS = "handle incoming messages with `message_handler=` (or a `dispatcher=`)"
PRIVATE = {
    "_request_id": "cancel the awaiting task or scope instead",
    "_read_stream": _STREAMS,
    "_write_stream": _STREAMS,
    "_receive_request_type": _HANDLERS,
    "_receive_notification_type": _HANDLERS,
    "_received_request": _HANDLERS,
    "_received_notification": _HANDLERS,
    "_handle_incoming": _HANDLERS,
    "_response_streams": "requests are tracked by the dispatcher",
    "_in_flight": "requests are tracked by the dispatcher",
    "_progress_callbacks": "pass `progress_callback=` to the request",
    "_server_capabilities": "read `session.server_capabilities`",
}
# The one v1 typing helper a file can declare as v2 does; the request/notification ones were
# constrained to v1's message unions, which v2's `send_request` does not take as they were.
OWN_TYPEVAR = "ReceiveResultT"
TYPEVAR_MSG = "`%s` was removed with `mcp.shared.session`; declare your own `TypeVar`"
TYPEVARS = (
    "SendRequestT",
    "SendResultT",
    "SendNotificationT",
    "ReceiveRequestT",
    "ReceiveResultT",
    "ReceiveNotificationT",
)


@rule(
    code="CLT006",
    title="`ClientSession` now runs on `JSONRPCDispatcher`; `BaseSession` removed",
    anchor="clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed",
    fix_class="safe",
    summary="""
        Moves `ProgressFnT` imports from `mcp.shared.session` to `mcp.shared.dispatcher`, drops
        `related_request_id=` from `ClientSession.send_notification()`, writes v1's hand-written
        `message_handler` union `RequestResponder[...] | ServerNotification | Exception` as
        `mcp.client.IncomingMessage` (when that is the only use of `RequestResponder` but for
        `isinstance` checks, which become `False`, and `case RequestResponder(...)` branches that do not
        `respond()`, which go as no v2 message reaches them; an import of it
        alone in a block, such as `if TYPE_CHECKING:`, turns into v2's where it stands; the handler's
        `message.root` loses `.root`, as v2 delivers the notification itself), declares v1's
        `ReceiveResultT` in the file as v2 does (`TypeVar(..., bound=BaseModel)`) when an import names
        only it and `ProgressFnT`, and marks the other
        `mcp.shared.session` imports (`BaseSession`, `RequestResponder`, the typing helpers) and the
        v1 internals a `ClientSession` no longer has (`session._request_id`, `_read_stream`,
        `_receive_request_type`, ...). A `send_request()` override typed `metadata: MessageMetadata`
        takes `ClientMessageMetadata | None` when it only hands `metadata` on to `super()`; else a marker.
    """,
    why="""
        `mcp.shared.session` is gone (`ModuleNotFoundError: No module named 'mcp.shared.session'`),
        and `ClientSession.send_notification()` no longer takes `related_request_id`.
    """,
    example="""
        -from mcp.shared.session import ProgressFnT
        +from mcp.shared.dispatcher import ProgressFnT


         async def report(progress: float, total: float | None, message: str | None) -> None:
             print(progress, total, message)


         on_progress: ProgressFnT = report
    """,
    v1_names=[S + "ProgressFnT", S + "BaseSession", S + "RequestResponder", sdk.MESSAGE_METADATA],
    v2_names=["mcp.shared.dispatcher.ProgressFnT", "mcp.client.IncomingMessage", sdk.CLIENT_MESSAGE_METADATA],
)
def check(ctx: PythonContext):
    planned = _own_typevars(ctx) + _progress_moves(ctx)
    incoming = _incoming_message(ctx)
    in_place = incoming is not None and incoming[0] is None  # rewritten where its import stands
    fixed = _emit(ctx, planned + ([incoming] if incoming and not in_place else []))
    for name in TYPEVARS:
        for a in ctx.import_aliases(S + name):
            if id(a) not in fixed:
                ctx.manual(a, TYPEVAR_MSG % name)
    fixed_names = {"RequestResponder"} if in_place or incoming and id(incoming[0]) in fixed else set()
    for name, msg in MESSAGES.items():
        if name in fixed_names:
            continue
        for node in ctx.import_aliases(S + name):
            ctx.manual(node, msg)
        # and where the code uses it (`isinstance(message, RequestResponder)`, annotations)
        marked = set()
        for ref in ctx.references(S + name):
            stmt = ctx.statement_of(ref)
            if id(stmt) not in marked and not isinstance(stmt, (ast.Import, ast.ImportFrom)):
                marked.add(id(stmt))
                ctx.manual(ref, msg)
    for node in ctx.imports():
        if isinstance(node, ast.Import) and any(a.name == sdk.SHARED_SESSION for a in node.names):
            ctx.manual(node, "`mcp.shared.session` was removed")
    for call in _client_notifications(ctx):
        positional = len(call.args) == 2 and not any(isinstance(a, ast.Starred) for a in call.args)
        hint = ctx.keyword(call, "related_request_id") or (call.args[1] if positional else None)
        edits = ctx.remove_args(call, [hint]) if hint is not None else None
        if edits:
            ctx.fix(call, "`ClientSession.send_notification()` no longer takes `related_request_id`", edits)
    _send_request_metadata(ctx)
    for sub in ctx.walk(ast.Subscript):
        if _snippet_client_context(ctx, sub):
            ctx.manual(
                sub,
                "client callbacks receive `mcp.client.ClientRequestContext` in v2 "
                "(`RequestContext[ClientSession, Any]` is gone)",
            )
    for attr in ctx.attribute_uses(sdk.CLIENT_SESSION, *PRIVATE):
        ctx.manual(
            attr,
            "`%s` went with `BaseSession`: v2's `ClientSession` runs on a dispatcher and has "
            "no such attribute; %s" % (attr.attr, PRIVATE[attr.attr]),
        )


def _send_request_metadata(ctx):
    """A `send_request()` override in a `ClientSession` subclass typed `metadata: MessageMetadata`:
    v2's `ClientSession.send_request` takes `ClientMessageMetadata | None` (the server half of v1's
    union is gone client-side), and its own helpers call the override with nothing else, so the
    annotation becomes that when the override only hands `metadata` on to `super()`; else a marker."""
    for fn in ctx.async_overrides(sdk.CLIENT_SESSION, "send_request"):
        for arg in fn.args.args + fn.args.kwonlyargs:
            ann = arg.annotation
            refs = [n for n in ast.walk(ann) if ctx.is_ref(n, sdk.MESSAGE_METADATA)] if ann else []
            if arg.arg != "metadata" or not refs:
                continue
            msg = "v2's `ClientSession.send_request()` takes `metadata: ClientMessageMetadata | None`"
            bound = ctx.module_binding("ClientMessageMetadata")
            if ctx.handed_to_super(fn, "metadata", 3) is None or not (
                bound is None or (bound.kind == "import" and bound.target == sdk.CLIENT_MESSAGE_METADATA)
            ):
                ctx.manual(arg, msg + " (`ServerMessageMetadata` is no longer accepted)")
                continue
            imp = ctx.add_import("mcp.shared.message", "ClientMessageMetadata")
            edits = [
                ctx.replace(r, "ClientMessageMetadata | None" if r is ann else "ClientMessageMetadata") for r in refs
            ]
            ctx.fix(arg, msg + ", all its own helpers pass", edits + ([imp] if imp else []))


def _emit(ctx, planned) -> set:
    """Reports the planned fixes, (alias, message, edits, markers) each, that delete an
    `mcp.shared.session` import name: each gets its name's deletion here, so that every name of one
    statement goes in the same run, and its markers. Returns the ids of the aliases fixed (a
    statement that cannot lose its names leaves them for markers)."""
    removals = ctx.joint_removals([alias for alias, *_ in planned])
    fixed = set()
    for alias, message, edits, markers in planned:
        if removals[id(alias)] is None:
            continue
        ctx.fix(alias, message, [removals[id(alias)]] + edits)
        for target, text in markers:
            ctx.manual(target, text)
        fixed.add(id(alias))
    return fixed


def _own_typevars(ctx) -> list:
    """`from mcp.shared.session import ReceiveResultT` goes, and the file declares its own type
    variable, as the guide says and as v2 does: `ReceiveResultT = TypeVar("ReceiveResultT",
    bound=BaseModel)` (module-level imports without `as` only; the other helpers are marked)."""
    needs = {"TypeVar": "typing.TypeVar", "BaseModel": "pydantic.BaseModel"}
    if not all(ctx.module_binding(n) is None or ctx.import_aliases(q, top_level=True) for n, q in needs.items()):
        return []
    edits = [e for e in (ctx.add_import(q.rpartition(".")[0], n) for n, q in needs.items()) if e]
    edits.append(ctx.after_imports('\n%s = TypeVar("%s", bound=BaseModel)' % (OWN_TYPEVAR, OWN_TYPEVAR)))
    message = (TYPEVAR_MSG % OWN_TYPEVAR) + ": declared here, bound to `BaseModel` as v2 declares its own"
    return [
        (a, message, edits, ())
        for a in ctx.import_aliases(S + OWN_TYPEVAR, top_level=True)
        if not a.asname and ctx.import_of(a).module == sdk.SHARED_SESSION
    ][:1]


def _progress_moves(ctx) -> list:
    """`ProgressFnT` moved to `mcp.shared.dispatcher`: a statement of that name alone is rewritten
    in place; from a longer one it is planned out, with a new import."""
    planned = []
    msg = "`ProgressFnT` moved to `mcp.shared.dispatcher`"
    for alias in ctx.import_aliases(S + "ProgressFnT"):
        if len(ctx.import_of(alias).names) > 1 and not alias.asname:
            imp = ctx.add_import("mcp.shared.dispatcher", "ProgressFnT")
            planned.append((alias, msg, [imp] if imp else [], ()))
            continue
        edits = ctx.move_import_alias(alias, "mcp.shared.dispatcher")
        if edits:
            ctx.fix(alias, msg, edits)
        else:
            ctx.manual(alias, msg)
    return planned


def _incoming_message(ctx):
    """The guide's fix where `RequestResponder` appears only in v1's hand-written `message_handler`
    union, `RequestResponder[ServerRequest, ClientResult] | ServerNotification | Exception` (any
    order, or `Union[...]`), and in `isinstance(message, RequestResponder)` checks: each union becomes
    `IncomingMessage` from `mcp.client`, each check `False` (marked: its branch is v1 request
    handling to move into the callbacks), and the import goes. The planned fix (see `_emit`), or None."""
    aliases = ctx.import_aliases(S + "RequestResponder")
    refs = ctx.references(S + "RequestResponder")
    if len(aliases) != 1 or not refs:
        return None
    spelled = aliases[0].asname or aliases[0].name
    if len(re.findall(r"\b%s\b" % re.escape(spelled), ctx.text)) != len(refs) + 1:
        return None  # also in a string annotation, a comment, `__all__`: those would dangle
    unions, checks, cases = [], [], []
    for ref in refs:
        if _request_check(ctx, ref):
            checks.append(ctx.parent(ref))
            continue
        case = _request_case(ctx, ref)
        if case is not None:
            cases.append(case)
            continue
        union = _message_union(ctx, ref)
        if union is None:
            return None
        if union not in unions:
            unions.append(union)
    own = _own_alias(ctx, unions)
    if own is False:
        return None  # the file's own `IncomingMessage` is something else
    imp = ctx.add_import("mcp.client", "IncomingMessage") if unions else None
    edits = []
    for u in unions:  # the file's own alias of the union goes: v2's name takes its place
        edits.append(
            ctx.delete(ctx.whole_lines(own))
            if own is not None and u is own.value
            else ctx.replace(u, "IncomingMessage")
        )
    # No v2 message is a request: the check is False, and the branch it guards is dead code to port.
    edits += [ctx.replace(c, "False") for c in checks] + [_case_gone(ctx, c) for c in cases]
    roots = [r for u in unions for r in _root_reads(ctx, u, own)]
    edits += [ctx.delete((ctx.span(r.value)[1], ctx.span(r)[1])) for r in roots]
    marker = (
        "`message_handler` no longer receives server requests (v2 answers them with `sampling_callback`, "
        "`elicitation_callback`, `list_roots_callback`): the `isinstance(..., RequestResponder)` branch "
        "never runs; move what it did into those callbacks, then delete it"
    )
    message = (
        "`RequestResponder` was removed and `message_handler` no longer receives requests: v1's "
        "`RequestResponder[...] | ServerNotification | Exception` is `mcp.client.IncomingMessage`"
        + (", and `isinstance(..., RequestResponder)` is never true" if checks else "")
        + (", and a `case RequestResponder(...)` never matches: it goes" if cases else "")
        + (", and a notification arrives as its own class (no `.root`)" if roots else "")
    )
    markers = tuple((ctx.statement_of(c), marker) for c in checks)
    # `from mcp.shared.session import RequestResponder` alone in a block becomes v2's import where it
    # stands: under `if TYPE_CHECKING:` (a project whose SDK is optional imports it only there) a new
    # import at the top would import the SDK at run time
    node = ctx.import_of(aliases[0])
    in_place = (
        ctx.move_import_alias(aliases[0], "mcp.client", "IncomingMessage")
        if imp is not None and own is None and len(node.names) == 1 and ctx.parent(node) is not ctx.tree
        else None
    )
    if in_place:
        ctx.fix(aliases[0], message, in_place + edits)
        for target, text in markers:
            ctx.manual(target, text)
        return (None, message, edits, markers)
    return (aliases[0], message, ([imp] if imp else []) + edits, markers)


def _own_alias(ctx, unions):
    """The file's `IncomingMessage = RequestResponder[...] | ServerNotification | Exception` (v1 had no
    such name, so projects spelled it themselves): deleted, so the v2 import takes its place. None when
    the file binds no `IncomingMessage` (or imports v2's), False when it binds one some other way."""
    b = ctx.module_binding("IncomingMessage")
    if not unions or b is None or ctx.import_aliases("mcp.client.IncomingMessage"):
        return None
    st = b.node
    if (
        isinstance(st, ast.Assign)
        and ctx.parent(st) is ctx.tree
        and len(st.targets) == 1
        and isinstance(st.targets[0], ast.Name)
        and st.value in unions
        and ctx.whole_lines(st) is not None
        and sum(1 for n in ctx.names_with_id("IncomingMessage") if not isinstance(n.ctx, ast.Load)) == 1
    ):
        return st
    return False


def _request_check(ctx, ref) -> bool:
    """`isinstance(message, RequestResponder)`: what a v1 handler asked before answering a request."""
    call = ctx.parent(ref)
    return (
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Name)
        and call.func.id == "isinstance"
        and ctx.binding(call.func) is None
        and len(call.args) == 2
        and call.args[1] is ref
        and not call.keywords
    )


def _request_case(ctx, ref):
    """The lines of `case RequestResponder(...):` and its body in a `match` with other cases, where the
    body does not answer the request (`.respond(...)`, which has to move into the callbacks): a branch
    no v2 message reaches. None otherwise."""
    pattern = ctx.parent(ref)
    case = ctx.parent(pattern)
    match = ctx.parent(case)
    if not (
        isinstance(pattern, ast.MatchClass)
        and pattern.cls is ref
        and isinstance(case, ast.match_case)
        and case.pattern is pattern
        and isinstance(match, ast.Match)
    ):
        return None
    if len(match.cases) < 2 or case.guard is not None:
        return None
    if any(isinstance(n, ast.Attribute) and n.attr == "respond" for s in case.body for n in ast.walk(s)):
        return None
    start = ctx.index.line_start(pattern.lineno)
    if not re.fullmatch(r"[ \t]*case[ \t]+", ctx.text[start : ctx.span(pattern)[0]]):
        return None
    end = ctx.line_span(case.body[-1])
    return (start, end[1]) if end is not None and case.body[0].lineno > pattern.lineno else None


def _case_gone(ctx, span):
    """The edit putting a marker in place of a dead `case RequestResponder(...)` branch: what it did
    (such as recording the request) has to move into the callbacks that answer requests now."""
    line = ctx.text[span[0] : ctx.text.index("case", span[0])]
    said = (
        "a `case RequestResponder(...)` branch went: `message_handler` no longer receives server requests "
        "(v2 answers them with `sampling_callback`, `elicitation_callback`, `list_roots_callback`); move "
        "what it did into those callbacks"
    )
    return ctx.replace(span, "%s%s%s" % (line, ctx.marker_comment(said), ctx.index.newline()))


def _root_reads(ctx, union, own):
    """`message.root` in a handler whose `message` parameter the union annotates, directly or through
    the file's own alias of it: of the union's members only a `ServerNotification` had `.root`, and v2
    delivers the notification itself."""
    if own is not None and union is own.value:
        alias = own.targets[0].id
        args = [
            a
            for a in ctx.walk(ast.arg)
            if isinstance(a.annotation, ast.Name) and a.annotation.id == alias and ctx.bound_by(a.annotation, own)
        ]
    else:
        args = [ctx.parent(union)] if isinstance(ctx.parent(union), ast.arg) else []
    return [
        r
        for r in ctx.attributes_named("root")
        if isinstance(r.value, ast.Name) and isinstance(r.ctx, ast.Load) and any(ctx.bound_by(r.value, a) for a in args)
    ]


def _message_union(ctx, ref):
    """The whole `RequestResponder[...] | ServerNotification | Exception` annotation `ref` is part of."""
    node = ctx.parent(ref) if isinstance(ctx.parent(ref), ast.Subscript) and ctx.parent(ref).value is ref else ref
    top = node
    while isinstance(ctx.parent(top), ast.BinOp) and isinstance(ctx.parent(top).op, ast.BitOr):
        top = ctx.parent(top)
    if top is node:  # `Union[RequestResponder[...], ServerNotification, Exception]`
        tup = ctx.parent(node)
        sub = ctx.parent(tup) if isinstance(tup, ast.Tuple) else None
        if not (isinstance(sub, ast.Subscript) and sub.slice is tup and ctx.resolve(sub.value) == "typing.Union"):
            return None
        members, top = list(tup.elts), sub
    else:
        members, todo = [], [top]
        while todo:
            n = todo.pop()
            if isinstance(n, ast.BinOp) and isinstance(n.op, ast.BitOr):
                todo += [n.left, n.right]
            else:
                members.append(n)
    if len(members) != 3 or node not in members:
        return None
    rest = [m for m in members if m is not node]
    has_notification = any(ctx.is_ref(m, "mcp.types.ServerNotification") for m in rest)
    has_exception = any(isinstance(m, ast.Name) and m.id == "Exception" and ctx.binding(m) is None for m in rest)
    return top if has_notification and has_exception else None


def _snippet_client_context(ctx, sub):
    """`RequestContext[ClientSession, Any]` where neither name is bound (the guide's fragments);
    with real imports LOW011 reports it."""
    first = sub.slice.elts[0] if isinstance(sub.slice, ast.Tuple) and sub.slice.elts else None
    return (
        isinstance(sub.value, ast.Name)
        and sub.value.id == "RequestContext"
        and isinstance(first, ast.Name)
        and first.id == "ClientSession"
        and ctx.binding(sub.value) is None
        and ctx.binding(first) is None
    )


def _client_notifications(ctx):
    """`send_notification(...)` calls on a `ClientSession`, also `super().send_notification(...)` in
    the file's subclasses of it."""
    calls = ctx.method_calls(sdk.CLIENT_SESSION, "send_notification")
    for fn in ctx.async_overrides(sdk.CLIENT_SESSION, "send_notification"):
        calls += [c for c in ast.walk(fn) if isinstance(c, ast.Call) and ctx.is_super_method(c, "send_notification")]
    return list({id(c): c for c in calls}.values())
