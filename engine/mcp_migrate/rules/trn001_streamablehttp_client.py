import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

ANCHOR = "streamablehttp_client-removed"
# v1 `streamablehttp_client` parameters in order
V1_POSITIONAL = ("url", "headers", "timeout", "sse_read_timeout", "terminate_on_close", "httpx_client_factory", "auth")
CLIENT_MOVED = sdk.STREAMABLE_HTTP_CLIENT_MOVED
SESSION_ID_HOOK = (
    "a hook in the client's `event_hooks={\"response\": [hook]}` collects the `mcp-session-id` response header"
)
HOW = (
    "build an `httpx2.AsyncClient(headers=..., timeout=httpx2.Timeout(30, read=300), auth=..., "
    "follow_redirects=True)`, pass it as `http_client=` and close it (`async with http_client:`)"
)


@rule(
    code="TRN001",
    title="`streamablehttp_client` removed",
    anchor=ANCHOR,
    fix_class="safe",
    summary="""
        Renames `streamablehttp_client` to `streamable_http_client` (imports, references, patch targets).
        Calls passing `headers=`, `timeout=`, `sse_read_timeout=`, `auth=` or `httpx_client_factory=`:
        in an `async with` (or entered with `await stack.enter_async_context(...)`, directly or bound
        to a name first, `cm = streamablehttp_client(...)` in each branch), a fix opens the
        client v1 built inside, `httpx2.AsyncClient(headers=..., timeout=httpx2.Timeout(30, read=300),
        auth=..., follow_redirects=True)` (or the given factory, called the same way), in the same
        statement (on the same stack, just before) and passes it as `http_client=`; `timedelta`
        timeouts become seconds as v1 did. A `get_session_id` the code goes on using is kept the guide's
        way: a response hook on that client collects the `mcp-session-id` header and a function of the
        same name returns the last one (review; a factory's client is built above the statement and
        the hook appended to its `event_hooks`). Review when a timeout is a value the file does not
        show, or a factory builds the client. A call that no `async with` of the file opens (returned,
        or handed to code that opens it later, such as `MCPClient(lambda: streamablehttp_client(...))`)
        calls v1's own function instead, defined in the file over v2's client as
        `streamablehttp_client_v1`; with a client factory, or a client imported inside a function, a
        marker.
    """,
    why="""
        `ImportError: cannot import name 'streamablehttp_client' from 'mcp.client.streamable_http'`;
        the new function takes only `url`, `http_client=` and `terminate_on_close=`.
    """,
    example="""
         from mcp import ClientSession
        -from mcp.client.streamable_http import streamablehttp_client
        +from mcp.client.streamable_http import streamable_http_client


         async def main(url: str) -> None:
        -    async with streamablehttp_client(url) as (read, write, _):
        +    async with streamable_http_client(url) as (read, write, _):
                 async with ClientSession(read, write) as session:
                     await session.initialize()
    """,
    v1_names=[sdk.STREAMABLEHTTP_CLIENT] + [sdk.STREAMABLEHTTP_CLIENT + "(%s)" % k for k in CLIENT_MOVED],
    v2_names=[sdk.STREAMABLE_HTTP_CLIENT, sdk.STREAMABLE_HTTP_CLIENT + "(http_client)"],
)
def check(ctx: PythonContext):
    # First, so that a call given to v1's function (`_v1_helper`) supersedes the rename of its name.
    ctx.rename_symbol(
        sdk.STREAMABLEHTTP_CLIENT, "streamable_http_client", "`streamablehttp_client` is `streamable_http_client` in v2"
    )
    for call in ctx.calls(*sdk.STREAMABLE_HTTP_CLIENTS):
        moved = [k.arg for k in call.keywords if k.arg in CLIENT_MOVED]
        if sdk.builds_own_http_client(call):
            names = ", ".join("`%s=`" % m for m in moved) or "the extra arguments"
            msg = "`streamable_http_client()` takes only `url`, `http_client=`, `terminate_on_close=`: for %s %s" % (
                names,
                HOW,
            )
            place = _with_item(ctx, call) or _stack_entry(ctx, call) or _named_entry(ctx, call)
            if place is not None and _used_session_id(ctx, place[0]) is not None:
                msg += "; it yields `(read, write)`: for the `get_session_id` callback, " + SESSION_ID_HOOK
            own = _own_client(ctx, call, place)
            helper = _v1_helper(ctx, call) if place is None else None
            if own:
                ctx.fix(call, msg, own[0], fix_class=own[1])
            elif helper:
                ctx.fix(
                    call,
                    "`streamable_http_client()` takes only `url`, `http_client=`, `terminate_on_close=`: this call, "
                    "which no `async with` of the file opens, goes to v1's `streamablehttp_client()`, defined in the "
                    "file, which builds the `httpx2.AsyncClient` from them as v1 did",
                    helper,
                )
            else:
                ctx.manual(call, msg)


def _own_client(ctx, call, place):
    """`async with streamablehttp_client(url, headers=h, timeout=t, auth=a) as streams:` ->
    `async with httpx2.AsyncClient(headers=h, timeout=httpx2.Timeout(t, read=300), auth=a,
    follow_redirects=True) as http_client, streamable_http_client(url, http_client=http_client) as streams:`,
    the client v1 built inside (a `httpx_client_factory` is called the same way), closed with the
    block; `streams = await stack.enter_async_context(streamablehttp_client(...))` -> the client
    entered on the same stack just before. (edits, fix class), None when the call is in neither
    place or an argument cannot be moved as written. The guide's own rewrite, safe when the
    timeouts are numbers or timedeltas the file shows (converted as v1 did): a name might hold
    either, and a factory's client is the user's, not an `httpx2` one."""
    if (
        place is None
        or len(call.args) > len(V1_POSITIONAL)
        or (call.args and ctx.keyword(call, "url") is not None)
        or any(isinstance(a, ast.Starred) for a in call.args)
        or any(k.arg is None or k.arg == "http_client" for k in call.keywords)
    ):
        return None
    streams, opening = place
    used_id = _used_session_id(ctx, streams)
    if used_id is False:
        return None
    # v1's parameters by position or keyword; the URL (and terminate_on_close) stay on the call.
    given = {k.arg: k for k in call.keywords if k.arg in CLIENT_MOVED}
    for name, arg in zip(V1_POSITIONAL[1:], call.args[1:]):
        if name == "terminate_on_close" or name in given:
            return None  # keeping it would need it spelled as a keyword; rare enough to leave by hand
        given[name] = arg
    given = {k: (v.value if isinstance(v, ast.keyword) else v) for k, v in given.items()}
    moved_nodes = [k for k in call.keywords if k.arg in CLIENT_MOVED] + list(call.args[1:])
    src = {k: ctx.source(v) for k, v in given.items()}
    exact = "httpx_client_factory" not in given
    for name in ("timeout", "sse_read_timeout"):
        if name not in given:
            continue
        seconds = _seconds(ctx, given[name])
        if seconds is None:
            return None  # a string, a bool: not what v1 took
        src[name], exact = seconds[0], exact and seconds[1]
    client = ctx.fresh_name("http_client", "mcp_http_client")
    if client is None:
        return None
    capture = None
    if used_id is not None:
        capture = _session_id_capture(ctx, used_id, streams)
        if capture is None:
            return None
        exact = False
    timeout = "httpx2.Timeout(%s, read=%s)" % (src.get("timeout", "30"), src.get("sse_read_timeout", "300"))
    parts = (
        (["headers=%s" % src["headers"]] if "headers" in src else [])
        + ["timeout=%s" % timeout]
        + (["auth=%s" % src["auth"]] if "auth" in src else [])
    )
    hooks = ['event_hooks={"response": [%s]}' % capture[0]] if capture else []
    before = capture[1] if capture else ""
    if "httpx_client_factory" in src and capture:
        # The factory takes v1's three arguments only: the hook joins the client it builds, above.
        indent = ctx.index.indentation(ctx.statement_of(streams).lineno)
        before += "%s%s = %s(%s)\n" % (indent, client, src["httpx_client_factory"], ", ".join(parts))
        before += '%s%s.event_hooks["response"].append(%s)\n' % (indent, client, capture[0])
        opened = client
    elif "httpx_client_factory" in src:
        opened = "%s(%s)" % (src["httpx_client_factory"], ", ".join(parts))
    else:
        opened = "httpx2.AsyncClient(%s)" % ", ".join(parts + hooks + ["follow_redirects=True"])
    removal = ctx.remove_args(call, moved_nodes)
    add = ctx.add_kwargs(call, "http_client=%s" % client)
    if removal is None or add is None:
        return None
    imp = ctx.add_import("httpx2")
    edits = opening(opened, client, before) + removal + [add] + ([imp] if imp else [])
    edits += capture[2] if capture else []
    return edits, "safe" if exact else "review"


# v1.28.1's `streamablehttp_client()`, over v2's client and httpx2 (its factory parameter left out).
V1_HELPER = """
@asynccontextmanager
async def {name}(
    url: str,
    headers: dict[str, str] | None = None,
    timeout: float | timedelta = 30,
    sse_read_timeout: float | timedelta = 300,
    terminate_on_close: bool = True,
    *,
    auth: httpx2.Auth | None = None,
):
    \"\"\"v1's `streamablehttp_client()`: v2's `streamable_http_client()` takes an `http_client=`, built here
    from these arguments the way v1 built it.\"\"\"
    if isinstance(timeout, timedelta):
        timeout = timeout.total_seconds()
    if isinstance(sse_read_timeout, timedelta):
        sse_read_timeout = sse_read_timeout.total_seconds()
    async with httpx2.AsyncClient(
        headers=headers, timeout=httpx2.Timeout(timeout, read=sse_read_timeout), auth=auth, follow_redirects=True
    ) as http_client:
        async with {client}(
            url, http_client=http_client, terminate_on_close=terminate_on_close
        ) as streams:
            yield streams
"""


def _v1_helper(ctx, call):
    """`return streamablehttp_client(url, headers=h)`, `MCPClient(lambda: streamablehttp_client(...))`:
    a call whose context manager code elsewhere opens, so no `async with` here can open the client
    first. It calls v1's own function instead, defined in the file over v2's client; that yields
    what `streamable_http_client()` does, so it works wherever the renamed call would. The edits, or
    None for a client factory (v1 called it with v1's httpx), positional arguments past
    `terminate_on_close`, or a client the file does not import at module level."""
    if (
        len(call.args) > 5
        or any(isinstance(a, ast.Starred) for a in call.args)
        or any(k.arg in (None, "http_client", "httpx_client_factory") for k in call.keywords)
    ):
        return None
    client = _module_client(ctx, call.func)
    name = ctx.fresh_name("streamablehttp_client_v1")
    imports = ctx.imports_for({"asynccontextmanager": ("contextlib",), "timedelta": ("datetime",)})
    if client is None or name is None or imports is None:
        return None
    httpx2 = ctx.add_import("httpx2")
    helper = ctx.after_imports(V1_HELPER.format(name=name, client=client).lstrip("\n"))
    return [ctx.replace(call.func, name), helper] + imports + ([httpx2] if httpx2 else [])


def _module_client(ctx, func):
    """How module-level code names v2's `streamable_http_client` once the file's import is renamed."""
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        bound = ctx.module_binding(func.value.id)
        return "%s.streamable_http_client" % func.value.id if bound is not None else None
    if isinstance(func, ast.Name):
        bound = ctx.module_binding(func.id)
        if bound is None or bound.target not in sdk.STREAMABLE_HTTP_CLIENTS:
            return None
        return "streamable_http_client" if func.id == "streamablehttp_client" else func.id
    return None


def _used_session_id(ctx, streams):
    """The `get_session_id` name a 3-tuple target binds and reads; None when there is none to keep
    (2 targets, or a third nobody reads); False for a third target that is not a plain name."""
    if not (isinstance(streams, (ast.Tuple, ast.List)) and len(streams.elts) == 3):
        return None
    third = streams.elts[2]
    if any(isinstance(e, ast.Starred) for e in streams.elts) or not isinstance(third, ast.Name):
        return False
    return third if ctx.is_read(third) else None


def _session_id_capture(ctx, name, streams):
    """The guide's way to keep a used `get_session_id`: a response hook collecting the
    `mcp-session-id` header and a function of the same name returning the last one.
    (hook name, the definitions to put before the statement, edits dropping the third target)."""
    ids = ctx.fresh_name("session_ids", "mcp_session_ids")
    hook = ctx.fresh_name("capture_session_id", "capture_mcp_session_id")
    # A name bound elsewhere in its scope too (declared `Callable | None`, reset to None) keeps being
    # a variable: it is assigned a function of another name rather than redeclared by a `def`.
    scope = ctx.enclosing(name, ast.FunctionDef, ast.AsyncFunctionDef) or ctx.tree
    rebound = any(n is not name for n in ctx.stores(name.id, scope))
    getter = ctx.fresh_name("last_session_id", "last_mcp_session_id") if rebound else name.id
    if ids is None or hook is None or getter is None:
        return None
    stmt = ctx.statement_of(streams)
    line = ctx.index.line_start(stmt.lineno)
    indent = ctx.text[line : ctx.span(stmt)[0]]
    if indent.strip():
        return None
    gap = [""] if indent else ["", ""]  # blank lines between definitions, as PEP 8 spaces them
    lines = (
        ["%s: list[str] = []" % ids]
        + gap
        + [
            "async def %s(response: httpx2.Response) -> None:" % hook,
            '    if "mcp-session-id" in response.headers:',
            '        %s.append(response.headers["mcp-session-id"])' % ids,
        ]
        + gap
        + ["def %s() -> str | None:" % getter, "    return %s[-1] if %s else None" % (ids, ids)]
        + gap
        + (["%s = %s" % (name.id, getter)] if rebound else [])
    )
    block = "".join((indent + t if t else "") + "\n" for t in lines)
    drop = ctx.delete((ctx.span(streams.elts[1])[1], ctx.span(name)[1]))
    return hook, block, [drop]


def _with_item(ctx, call):
    """(what `as` binds, how to open the client) for `async with streamablehttp_client(...) as x:`."""
    item = ctx.parent(call)
    stmt = ctx.parent(item)
    if not isinstance(item, ast.withitem) or not isinstance(stmt, (ast.With, ast.AsyncWith)):
        return None

    def opening(opened, client, before):
        # The definitions are whole lines above the statement, so markers on it stay right above it.
        entered = "%s, " % client if opened == client else "%s as %s, " % (opened, client)
        into = [ctx.insert(ctx.span(call)[0], entered)]
        return ([ctx.insert(ctx.index.line_start(stmt.lineno), before)] if before else []) + into

    return item.optional_vars, opening


def _stack_entry(ctx, call):
    """(the assignment's target, how to open the client) for `x = await stack.enter_async_context(
    streamablehttp_client(...))` on a line of its own, the stack a name or attribute chain."""
    enter = ctx.parent(call)
    awaited = ctx.parent(enter)
    stmt = ctx.parent(awaited)
    if not (
        isinstance(enter, ast.Call)
        and isinstance(enter.func, ast.Attribute)
        and enter.func.attr == "enter_async_context"
        and enter.args == [call]
        and not enter.keywords
        and ctx.dotted(enter.func.value) is not None
        and isinstance(awaited, ast.Await)
        and isinstance(stmt, ast.Assign)
        and len(stmt.targets) == 1
    ):
        return None
    opening = _enter_above(ctx, stmt, enter.func.value)
    return (stmt.targets[0], opening) if opening else None


def _named_entry(ctx, call):
    """(the streams, how to open the client) for `cm = streamablehttp_client(...)` on a line of its
    own, `cm` entered once later in the same function with `streams = await
    stack.enter_async_context(cm)`: the client is entered on that stack right above the assignment,
    so the stack closes it after the transport, as it does for a call entered directly. Each branch
    that assigns `cm` gets its own client; a `get_session_id` to keep is left by hand (one capture
    per branch would redefine it)."""
    stmt = ctx.parent(call)
    func = ctx.enclosing(call, ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
    if not (
        isinstance(stmt, ast.Assign)
        and len(stmt.targets) == 1
        and isinstance(stmt.targets[0], ast.Name)
        and isinstance(func, ast.AsyncFunctionDef)
    ):
        return None
    name = stmt.targets[0].id
    uses = [n for n in ast.walk(func) if isinstance(n, ast.Name) and n.id == name]
    reads = [n for n in uses if isinstance(n.ctx, ast.Load)]
    if len(reads) != 1 or any(
        ctx.enclosing(n, ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda) is not func for n in uses
    ):
        return None
    enter = ctx.parent(reads[0])
    entry = ctx.parent(ctx.parent(enter)) if isinstance(enter, ast.Call) else None
    if not (
        isinstance(entry, ast.Assign)
        and entry.lineno > stmt.lineno
        and isinstance(enter.func, ast.Attribute)
        and enter.func.attr == "enter_async_context"
        and enter.args == [reads[0]]
        and _stack_ready(ctx, enter.func.value, func, stmt)
        and len(entry.targets) == 1
        and _used_session_id(ctx, entry.targets[0]) is None
    ):
        return None
    opening = _enter_above(ctx, stmt, enter.func.value)
    return (entry.targets[0], opening) if opening else None


def _enter_above(ctx, stmt, stack):
    """How to open the client on `stack` (entered there, so the stack closes it) in lines of their
    own above `stmt`; None when `stmt` shares its line (`a = 1; x = await ...`)."""
    line = ctx.index.line_start(stmt.lineno)
    indent = ctx.text[line : ctx.span(stmt)[0]]
    if indent.strip():
        return None
    source = ctx.source(stack)

    def opening(opened, client, before):
        bound = "" if opened == client else "%s = " % client  # (a client built above is entered as it is)
        entered = "%s%sawait %s.enter_async_context(%s)\n" % (indent, bound, source, opened)
        return [ctx.insert(line, before + entered)]

    return opening


def _stack_ready(ctx, stack, func, stmt):
    """The exit stack `stack` (a name or attribute chain) is the same object where `stmt` runs:
    nothing in the function binds it, or its root name, at or after `stmt`."""
    path = ctx.dotted(stack)
    if path is None:
        return False
    bound = (path, path.split(".")[0])
    return all(
        n.lineno < stmt.lineno
        for n in ast.walk(func)
        if isinstance(n, (ast.Name, ast.Attribute)) and not isinstance(n.ctx, ast.Load) and ctx.dotted(n) in bound
    )


def _seconds(ctx, value):
    """(the seconds `httpx2.Timeout` takes, as source; whether that is exactly what v1 used) for a
    timeout argument: a number as written, a timedelta the file shows converted as v1 did
    (`.total_seconds()`), any other name or call as written (it may hold a timedelta: review);
    None for a value v1 did not take."""
    if isinstance(value, ast.Constant):
        number = isinstance(value.value, (int, float)) and not isinstance(value.value, bool)
        return (ctx.source(value), True) if number or value.value is None else None
    text = ctx.seconds_text(value)
    if text is not None:
        return text, True
    if ctx.instance_of(value) == "datetime.timedelta":
        return None  # a timedelta on some paths only
    return ctx.source(value), False
