import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

RECEIVE = "anyio.streams.memory.MemoryObjectReceiveStream"
SEND = "anyio.streams.memory.MemoryObjectSendStream"
MESSAGE_STREAM = "mcp.shared.memory.MessageStream"
TRANSPORT = "mcp.client._transport"
PROTOCOL = {RECEIVE: "ReadStream", SEND: "WriteStream"}
# Classes whose annotations are checked at run time, where a `Protocol` cannot be.
TYPING_BASES = ("NamedTuple", "TypedDict", "Protocol", "Generic", "object")
WHY = (
    "v2's transports and `create_client_server_memory_streams()` yield the SDK's context-propagating "
    "streams, which satisfy its `ReadStream`/`WriteStream` protocols, not anyio's memory stream classes"
)


@rule(
    code="TST002",
    title="Stream annotations typed with anyio's memory streams",
    anchor="create_connected_server_and_client_session-removed",
    fix_class="safe",
    summary="""
        Retypes the message streams of the user's own annotations, parameters and aliases:
        `MemoryObjectReceiveStream[SessionMessage | Exception]` becomes
        `ReadStream[SessionMessage | Exception]` and `MemoryObjectSendStream[SessionMessage]`
        becomes `WriteStream[SessionMessage]` (the protocols `ClientSession` and the transports are
        typed with, which anyio's streams also satisfy), and v1's `MessageStream` pair becomes
        `TransportStreams`. A file that calls `receive_nowait()`, `send_nowait()`, `statistics()` or
        `clone()`, which v2's streams lack, and annotations of classes that validate them at run time
        (pydantic models) get a marker instead. When another module calls them on what it imports from
        here, a type alias is still retyped and that call gets the marker (other annotations stay).
    """,
    why="""
        Code typed for v1's anyio streams no longer type-checks against what v2 hands it:
        `Argument of type "ContextReceiveStream[SessionMessage | Exception]" cannot be assigned to
        parameter "read" of type "MemoryObjectReceiveStream[SessionMessage | Exception]"`, and a
        wrapper typed to return v1's `MessageStream` rejects every `stdio_client(...)`.
    """,
    example="""
        -from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream
         from mcp import ClientSession
         from mcp.shared.message import SessionMessage
        +from mcp.client._transport import ReadStream, WriteStream


         async def ping(
        -    read: MemoryObjectReceiveStream[SessionMessage | Exception],
        -    write: MemoryObjectSendStream[SessionMessage],
        +    read: ReadStream[SessionMessage | Exception],
        +    write: WriteStream[SessionMessage],
         ) -> None:
             async with ClientSession(read, write) as session:
                 await session.initialize()
                 await session.send_ping()
    """,
    v1_names=[sdk.SESSION_MESSAGE, MESSAGE_STREAM],
    v2_names=[TRANSPORT + ".ReadStream", TRANSPORT + ".WriteStream", TRANSPORT + ".TransportStreams"],
)
def check(ctx: PythonContext):
    if not ctx.imports_from("mcp"):
        return
    for call in _calls_through_project_aliases(ctx):
        ctx.manual(
            call,
            "`%s` is a stream alias that TST002 retypes to the SDK's `ReadStream`/`WriteStream` where it is "
            "declared: v2's streams have no `%s()` (anyio-only); use `await receive()` / `await send(...)`"
            % (ctx.annotation_of(call.func.value).id, call.func.attr),
        )
    anyio = ctx.mentions(*PROTOCOL)
    streams = [
        s for s in ctx.walk(ast.Subscript) if anyio and ctx.resolve(s.value) in PROTOCOL and _carries(ctx, s.slice)
    ]
    pairs = ctx.references(MESSAGE_STREAM)
    if not streams and not pairs:
        return
    # Code calling these on a stream the SDK hands over breaks at run time (or no longer type-checks), so
    # the annotation stays and the call is the user's to change. A module importing from here that calls
    # them keeps what it imports, but for a type alias, whose uses there get a marker of their own when
    # that module imports `mcp` (otherwise no rule looks at it).
    if any(ctx.attributes_named(a) for a in sdk.ANYIO_STREAM_METHODS):
        blocked = streams + pairs
    else:
        callers = [f for f in ctx.importer_facts() if f.get("anyio_stream_calls")]
        shared, unmarkable = bool(callers), any(not f.get("imports_mcp") for f in callers)
        blocked = [
            n
            for n in streams + pairs
            if _checked_at_run_time(ctx, n) or unmarkable or (shared and not _in_alias(ctx, n))
        ]
    marked = set()
    for node in blocked:
        if id(ctx.statement_of(node)) in marked:
            continue
        marked.add(id(ctx.statement_of(node)))
        ctx.manual(
            node,
            WHY
            + ": retype it as `%s` (from `%s`) once nothing here needs anyio's own methods"
            % (_protocol_of(ctx, node), TRANSPORT),
        )
    streams = [n for n in streams if n not in blocked]
    pairs = [n for n in pairs if n not in blocked]
    if not streams and not pairs:
        return
    edits = []
    for node in streams + pairs:
        local = _local_name(ctx, _protocol_of(ctx, node))
        if local is None:
            ctx.manual(node, WHY)
            return
        target = node.value if isinstance(node, ast.Subscript) else node
        edits.append(ctx.replace(target, local[0]))
        if local[1] is not None:
            edits.append(local[1])
    removals = _unused_imports(ctx, streams, pairs)
    if removals is None:
        ctx.manual(streams[0] if streams else pairs[0], WHY)
        return
    first = (streams + pairs)[0]
    ctx.fix(first, WHY + ": annotations retyped to its protocols", edits + removals)


def _calls_through_project_aliases(ctx):
    """`stream.receive_nowait()` (and anyio's other own methods) on a stream annotated with an alias of
    anyio's message streams that another module of the project declares."""
    out = []
    for call in ctx.attr_calls(*sdk.ANYIO_STREAM_METHODS):
        ann = ctx.annotation_of(call.func.value)
        text = ctx.project_type_alias(ann) if isinstance(ann, ast.Name) else None
        if (
            text
            and "SessionMessage" in text
            and ("MemoryObjectReceiveStream[" in text or "MemoryObjectSendStream[" in text)
        ):
            out.append(call)
    return out


def _in_alias(ctx, node) -> bool:
    """Part of a module-level type alias (`Inbox = MemoryObjectReceiveStream[...]`)."""
    stmt = ctx.statement_of(node)
    return (
        isinstance(stmt, (ast.Assign, ast.AnnAssign))
        and ctx.parent(stmt) is ctx.tree
        and isinstance(stmt.value, ast.Subscript)
    )


def _carries(ctx, element) -> bool:
    """`SessionMessage` or `SessionMessage | Exception` (either order, or `Union[...]`)."""
    if isinstance(element, ast.BinOp) and isinstance(element.op, ast.BitOr):
        parts = [element.left, element.right]
    elif isinstance(element, ast.Subscript) and ctx.resolve(element.value) == "typing.Union":
        parts = list(element.slice.elts) if isinstance(element.slice, ast.Tuple) else [element.slice]
    else:
        parts = [element]
    messages = [p for p in parts if ctx.resolve(p) == sdk.SESSION_MESSAGE]
    others = [p for p in parts if not (isinstance(p, ast.Name) and p.id == "Exception")]
    return len(messages) == 1 and others == messages


def _protocol_of(ctx, node) -> str:
    return PROTOCOL[ctx.resolve(node.value)] if isinstance(node, ast.Subscript) else "TransportStreams"


def _checked_at_run_time(ctx, node) -> bool:
    """In the body of a class with a base other than typing's (a pydantic model validates fields)."""
    cls = ctx.enclosing(node, ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
    if not isinstance(cls, ast.ClassDef):
        return False
    bases = [b.value if isinstance(b, ast.Subscript) else b for b in cls.bases]
    return any((b.attr if isinstance(b, ast.Attribute) else getattr(b, "id", None)) not in TYPING_BASES for b in bases)


def _local_name(ctx, name):
    """(how the file spells `name` from the transport module, the import edit or None), None if the
    name and its fallback are both taken."""
    for local in (name, "Mcp" + name):
        bound = ctx.module_binding(local)
        if bound is not None:
            if bound.kind == "import" and bound.target in (
                TRANSPORT + "." + name,
                "mcp.shared._stream_protocols." + name,
            ):
                return local, None
            continue
        if ctx.fresh_name(local) is None:
            continue
        return local, ctx.add_import(TRANSPORT, name if local == name else "%s as %s" % (name, local))
    return None


def _unused_imports(ctx, streams, pairs):
    """Edits dropping the imports of anyio's classes and `MessageStream` that nothing else uses."""
    rewritten = {id(s.value) for s in streams} | {id(p) for p in pairs}
    going = {}
    for qualname in (RECEIVE, SEND, MESSAGE_STREAM):
        refs = ctx.references(qualname)
        if any(id(r) not in rewritten for r in refs):
            continue
        for alias in ctx.import_aliases(qualname):
            going.setdefault(id(ctx.import_of(alias)), (ctx.import_of(alias), []))[1].append(alias)
    edits = []
    for node, aliases in going.values():
        removals = ctx.alias_removals(node, aliases)
        if removals is None:
            return None
        edits.extend(dict.fromkeys(removals.values()))
    return edits
