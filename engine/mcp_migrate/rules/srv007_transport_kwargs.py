import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

SETTINGS = sdk.FASTMCP_SETTINGS
SSE = ("host", "port", "sse_path", "message_path", "transport_security")
HTTP = (
    "host",
    "port",
    "streamable_http_path",
    "json_response",
    "stateless_http",
    "event_store",
    "retry_interval",
    "transport_security",
)
MOVED = tuple(dict.fromkeys(SSE + HTTP))
INT_SETTINGS = ("port", "retry_interval")
# Defaults v1's `FastMCP(...)` and every v2 `run()`/app method share (`host` and `transport_security`
# are left out: v1 derived DNS-rebinding protection from the host).
DEFAULTS = {
    "port": 8000,
    "sse_path": "/sse",
    "message_path": "/messages/",
    "streamable_http_path": "/mcp",
    "json_response": False,
    "stateless_http": False,
    "event_store": None,
    "retry_interval": None,
}
# v1's `Settings` defaults for every removed field: what a server that never set one ran with.
V1_DEFAULTS = dict(DEFAULTS, host="127.0.0.1", transport_security=None)
# What each v2 destination accepts (`run()` by its transport); the app factories have no `port`.
ACCEPTS = {
    ("run", "sse"): SSE,
    ("run", "streamable-http"): HTTP,
    ("run", "stdio"): (),
    "run_sse_async": SSE,
    "run_streamable_http_async": HTTP,
    "run_stdio_async": (),
    "sse_app": tuple(p for p in SSE if p != "port"),
    "streamable_http_app": tuple(p for p in HTTP if p != "port"),
}
DESTINATIONS = (
    "run",
    "run_sse_async",
    "run_streamable_http_async",
    "run_stdio_async",
    "sse_app",
    "streamable_http_app",
)
WHERE = {
    "host": '`run(transport="sse"|"streamable-http", host=...)`, and `sse_app(host=...)` / '
    "`streamable_http_app(host=...)` for a mounted app",
    "port": '`run(transport="sse"|"streamable-http", port=...)` (a mounted app binds where the outer server does)',
    "sse_path": '`run(transport="sse", ...)` or `sse_app(...)`',
    "message_path": '`run(transport="sse", ...)` or `sse_app(...)`',
    "transport_security": "`run()` or `sse_app()` / `streamable_http_app()`",
}
LITERALS = ("typing.Literal", "typing_extensions.Literal")
_HTTP_WHERE = '`run(transport="streamable-http", ...)` or `streamable_http_app(...)`'


@rule(
    code="SRV007",
    title="Transport-specific parameters moved from MCPServer constructor to run()/app methods",
    anchor="transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods",
    fix_class="safe",
    summary="""
        Moves `host`, `port`, `sse_path`, `message_path`, `streamable_http_path`, `json_response`,
        `stateless_http`, `event_store`, `retry_interval` and `transport_security` from `FastMCP(...)` to the
        same server's `run()` / `sse_app()` / `streamable_http_app()` call in the file, where that call's
        transport takes them. Without such a call, marks the constructor with the exact destination.
        `mcp.settings.<field> = value` right before such a call moves into it; a module-level server's
        removed settings written and read elsewhere in the file become module variables (`mcp_port`,
        v1's default until written) that its calls in the file are given, unless another module
        imports the server. Other uses of the removed settings are marked.
    """,
    why="""
        v2 raises `TypeError: MCPServer.__init__() got an unexpected keyword argument 'port'`, and
        `mcp.settings.port = 9000` raises `ValueError: "Settings" object has no field "port"`.
    """,
    example="""
         from mcp.server.fastmcp import FastMCP

        -mcp = FastMCP("Server", host="0.0.0.0", port=9000, sse_path="/events")
        +mcp = FastMCP("Server")

         if __name__ == "__main__":
        -    mcp.run(transport="sse")
        +    mcp.run(transport="sse", host="0.0.0.0", port=9000, sse_path="/events")
    """,
    v1_names=[sdk.FASTMCP, SETTINGS]
    + ["mcp.server.fastmcp.server.FastMCP.__init__(%s)" % p for p in MOVED]
    + ["mcp.server.fastmcp.server.FastMCP.%s" % m for m in DESTINATIONS],
    v2_names=[
        "mcp.server.mcpserver.server.MCPServer.run",
        "mcp.server.mcpserver.server.MCPServer.sse_app(host)",
        "mcp.server.mcpserver.server.MCPServer.run_sse_async(port)",
        "mcp.server.mcpserver.server.MCPServer.run_streamable_http_async(port)",
    ]
    + ["mcp.server.mcpserver.server.MCPServer.streamable_http_app(%s)" % p for p in HTTP if p != "port"],
)
def check(ctx: PythonContext):
    for call, resolved in ctx.constructor_calls(sdk.FASTMCP):
        if resolved:
            _constructor(ctx, call)
    for call in ctx.calls(SETTINGS):
        found = [k.arg for k in call.keywords if k.arg in MOVED]
        if found:
            ctx.manual(
                call,
                "`Settings` no longer has %s; pass them to `run()` / `sse_app()` / "
                "`streamable_http_app()`" % _names(found),
            )
    folded = _fold_settings_assignments(ctx)
    folded |= _carry_settings(ctx, folded)
    # `mcp.settings.port`, and `settings.port` after `settings = mcp.settings`
    for parent in ctx.attribute_uses(SETTINGS, *MOVED):
        if id(parent) not in folded:
            store = isinstance(parent.ctx, ast.Store)
            ctx.manual(
                parent,
                "`settings.%s` was removed (%s); %s `%s=` to %s"
                % (
                    parent.attr,
                    "assigning it raises `ValueError`" if store else "reading it raises `AttributeError`",
                    "pass" if store else "keep the value yourself and pass it as",
                    parent.attr,
                    WHERE.get(parent.attr, _HTTP_WHERE),
                ),
            )


def _fold_settings_assignments(ctx):
    """`mcp.settings.port = p` followed in the same block by `mcp.run_sse_async()`: the value moves into
    that call (`run_sse_async(port=p)`). Returns the ids of the settings attributes it moved."""
    plans = {}  # destination call -> [(assign statement, attribute node)]
    for node in ctx.attribute_uses(sdk.FASTMCP, "settings"):
        attr = ctx.parent(node)
        stmt = ctx.parent(attr) if isinstance(attr, ast.Attribute) else None
        if not (isinstance(stmt, ast.Assign) and stmt.targets == [attr] and attr.attr in MOVED and _simple(stmt.value)):
            continue
        dest = _later_destination(ctx, stmt, node.value, attr.attr)
        if dest is not None:
            plans.setdefault(id(dest), (dest, []))[1].append((stmt, attr))
    folded = set()
    for dest, moves in plans.values():
        names = [a.attr for _, a in moves]
        if len(set(names)) != len(names):
            continue  # the same setting twice: which value reaches the call is for a person to see
        spans = [ctx.line_span(stmt) for stmt, _ in moves]
        if None in spans:
            continue
        edits = [ctx.delete(span) for span in spans]
        added = ctx.add_kwargs(dest, ", ".join("%s=%s" % (a.attr, ctx.source(stmt.value)) for stmt, a in moves))
        if added is None:
            continue
        first = moves[0][0]
        ctx.fix(
            first,
            "`settings.%s` was removed: pass %s to `%s()` instead"
            % ("`, `settings.".join(names), _names(names), dest.func.attr),
            edits + [added],
        )
        folded.update(id(a) for _, a in moves)
    return folded


def _carry_settings(ctx, folded):
    """A module-level server whose removed settings the file writes and reads in several places
    (`mcp.settings.port = p` in a setup function, `mcp.settings.port` in a log line, `mcp.run_sse_async()`
    elsewhere): each setting becomes a module variable (`mcp_port`, v1's default until written) that the
    writes and reads use and that the server's `run()`/app calls in the file are given. Returns the ids
    of the settings attributes it rewrote."""
    done = set()
    for call, resolved in ctx.constructor_calls(sdk.FASTMCP):
        stmt = ctx.parent(call)
        if not (
            resolved
            and isinstance(stmt, ast.Assign)
            and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Name)
            and ctx.parent(stmt) is ctx.tree
            and not any(k.arg in MOVED or k.arg is None for k in call.keywords)  # the constructor's: _constructor
            and not ctx.imported_elsewhere(stmt.targets[0].id)  # run() may be called there, with v1's settings
        ):
            continue
        uses = _settings_uses(ctx, call)
        if not uses or any(id(a) in folded for a in uses):
            continue
        server = stmt.targets[0].id
        fields = [f for f in MOVED if any(a.attr == f for a in uses)]
        names = {f: ctx.fresh_name("%s_%s" % (server, f)) for f in fields}
        dests = ctx.same_object_calls(call, sdk.FASTMCP, *DESTINATIONS)
        plan = _destination_kwargs(ctx, dests, fields)
        stored = {a.attr for a in uses if isinstance(a.ctx, ast.Store)}
        if None in names.values() or plan is None or not stored <= {f for _, given in plan for f in given}:
            continue  # a written value no call takes would be lost without a word
        edits = _holder_edits(ctx, stmt, uses, fields, names)
        if edits is None:
            continue
        edits += [ctx.add_kwargs(d, ", ".join("%s=%s" % (f, names[f]) for f in given)) for d, given in plan if given]
        if None in edits:
            continue
        said = ", ".join("`settings.%s`" % f for f in fields)
        calls = sorted({"`%s()`" % d.func.attr for d, given in plan if given})
        ctx.fix(
            uses[0],
            "%s %s removed: kept in %s and passed to %s"
            % (
                said,
                "was" if len(fields) == 1 else "were",
                ", ".join("`%s`" % names[f] for f in fields),
                ", ".join(calls),
            ),
            edits,
        )
        done.update(id(a) for a in uses)
    return done


def _settings_uses(ctx, ctor):
    """The `<server>.settings.<removed field>` reads and plain writes of the server `ctor` creates;
    None when the settings object is used some other way (handed on, deleted, `+=`)."""
    uses = []
    for node in ctx.attribute_uses(sdk.FASTMCP, "settings"):
        if not ctx.same_object(node.value, ctor):
            continue
        attr = ctx.parent(node)
        if not isinstance(attr, ast.Attribute):
            return None
        if attr.attr not in MOVED:
            continue
        if isinstance(attr.ctx, ast.Store):
            assign = ctx.parent(attr)
            scope = ctx.enclosing(assign)
            if not (isinstance(assign, ast.Assign) and assign.targets == [attr]):
                return None
            if scope is not None and not isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef)):
                return None
        elif not isinstance(attr.ctx, ast.Load):
            return None
        uses.append(attr)
    return uses


def _destination_kwargs(ctx, dests, fields):
    """For each `run()`/app call of the server: the fields it takes; None when a call's transport is
    unknown, it spreads `**kwargs`, or already passes one of them."""
    plan = []
    for d in dests:
        accepts = _accepts(ctx, d)
        if accepts is None or ctx.has_star(d):
            return None
        given = [f for f in fields if f in accepts]
        if any(ctx.keyword(d, f) is not None for f in given):
            return None
        plan.append((d, given))
    return plan


def _holder_edits(ctx, server_stmt, uses, fields, names):
    """Declares the variables after the server, rewrites the settings uses to them, and adds
    `global` where a function writes one. A field first written by a plain module-level statement
    needs no default line: that statement declares it."""
    declared = set()
    for a in uses:
        stmt = ctx.parent(a)
        if (
            isinstance(a.ctx, ast.Store)
            and ctx.parent(stmt) is ctx.tree
            and not any(
                o.attr == a.attr and o.lineno < a.lineno and ctx.enclosing(o) is None for o in uses if o is not a
            )
        ):
            declared.add(a.attr)
    span = ctx.line_span(server_stmt)
    if span is None:
        return None
    lines = "".join("%s = %s\n" % (names[f], _literal(V1_DEFAULTS[f])) for f in fields if f not in declared)
    edits = [ctx.insert(span[1], lines)] if lines else []
    edits += [ctx.replace(a, names[a.attr]) for a in uses]
    writers = {}
    for a in uses:
        fn = ctx.enclosing(a) if isinstance(a.ctx, ast.Store) else None
        if fn is not None:
            writers.setdefault(id(fn), (fn, []))[1].append(names[a.attr])
    for fn, written in writers.values():
        body = fn.body[1:] if ctx.const_str(_docstring(fn)) is not None and len(fn.body) > 1 else fn.body
        first = body[0]
        start = ctx.index.line_start(first.lineno)
        if ctx.text[start : ctx.span(first)[0]].strip():
            return None
        indent = ctx.text[start : ctx.span(first)[0]]
        edits.append(ctx.insert(start, "%sglobal %s\n" % (indent, ", ".join(dict.fromkeys(written)))))
    return edits


def _docstring(fn):
    first = fn.body[0]
    return first.value if isinstance(first, ast.Expr) else None


def _literal(value):
    return '"%s"' % value if isinstance(value, str) else repr(value)


def _later_destination(ctx, stmt, owner, name):
    """The first `owner.run...()` / app call after `stmt` in its block that takes `name`, when the
    statements in between are simple ones that do not read the server's settings."""
    block = ctx.block_of(stmt)
    if block is None:
        return None
    key = ctx.source(owner)
    for later in block[block.index(stmt) + 1 :]:
        if not isinstance(later, (ast.Expr, ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Return)):
            return None
        calls = [
            c
            for c in ast.walk(later)
            if isinstance(c, ast.Call)
            and isinstance(c.func, ast.Attribute)
            and c.func.attr in DESTINATIONS
            and ctx.source(c.func.value) == key
        ]
        if calls:
            dest = calls[0]
            accepts = _accepts(ctx, dest)
            ok = accepts is not None and name in accepts and ctx.keyword(dest, name) is None and not ctx.has_star(dest)
            return dest if ok else None
        reads = later.value if _sets_setting(ctx, later, key) else later  # another setting: fine
        if any(
            isinstance(n, ast.Attribute) and n.attr == "settings" and ctx.source(n.value) == key
            for n in ast.walk(reads)
        ):
            return None
    return None


def _constructor(ctx, call):
    params = {k.arg: k for k in call.keywords if k.arg in MOVED}
    for i, arg in enumerate(call.args[6:8], start=6):  # positional event_store / retry_interval
        if isinstance(arg, ast.Starred) or any(isinstance(a, ast.Starred) for a in call.args[:i]):
            break
        params[sdk.FASTMCP_POSITIONAL[i]] = arg
    if not params:
        return
    dests = [(d, _accepts(ctx, d)) for d in ctx.same_object_calls(call, sdk.FASTMCP, *DESTINATIONS)]
    moves, stuck = {}, []
    for name, node in params.items():
        value = _value(node)
        targets = [d for d, acc in dests if acc is not None and name in acc]
        if (
            any(acc is None for _, acc in dests)
            or not targets
            or any(ctx.has_star(d) for d in targets)
            or (len(targets) > 1 and not _repeatable(ctx, value))
            or any(ctx.keyword(d, name) is not None for d in targets)
        ):
            stuck.append(name)
        else:
            moves[name] = targets
    # With nowhere to go, a value that is v1's default needs none: v2's is the same wherever it applies.
    dropped = [n for n in stuck if _is_default(n, _value(params[n]))]
    stuck = [n for n in stuck if n not in dropped]
    if moves or dropped:
        text = {n: "%s=%s" % (n, _validated(ctx, n, _value(params[n]))) for n in moves}
        edits = ctx.remove_args(call, [params[n] for n in list(moves) + dropped])
        by_dest = {}
        for n, targets in moves.items():
            for d in targets:
                by_dest.setdefault(id(d), (d, []))[1].append(text[n])
        adds = [ctx.add_kwargs(d, ", ".join(parts)) for d, parts in by_dest.values()]
        if edits is None or any(a is None for a in adds):
            stuck.extend(list(moves) + dropped)
        else:
            dest_names = sorted({"`%s()`" % d.func.attr for d, _ in by_dest.values()})
            said = ["move %s from the constructor to %s" % (_names(moves), " and ".join(dest_names))] if moves else []
            said += ["drop %s: v2's default is the same" % _names(dropped)] if dropped else []
            ctx.fix(call, "; ".join(said), edits + adds)
    if stuck:
        ctx.manual(
            call,
            "v2 takes %s on `run()` / the app methods, not the constructor: %s"
            % (_names(stuck), "; ".join("`%s=` -> %s" % (n, WHERE.get(n, _HTTP_WHERE)) for n in stuck)),
        )


def _is_default(name, value):
    """`json_response=False`, `port=8000`: the value v1's settings and v2's run()/app methods default to."""
    if name not in DEFAULTS or not isinstance(value, ast.Constant):
        return False
    default = DEFAULTS[name]
    return type(value.value) is type(default) and value.value == default


def _value(param):
    return param.value if isinstance(param, ast.keyword) else param


def _validated(ctx, name, value):
    """The value's source, as v1's settings model would have parsed it: `FastMCP(port=os.getenv("PORT"))`
    got an `int` from pydantic, while `run(port=...)` hands the string to the socket as it is."""
    text = ctx.source(value)
    if name in INT_SETTINGS and _environment_string(ctx, value):
        return "int(%s)" % text
    return text


def _environment_string(ctx, value):
    """`os.getenv(...)`, `os.environ.get(...)`, `os.environ[...]`: a `str` (or None) from the environment."""
    if isinstance(value, ast.Call):
        return ctx.resolve(value.func) in ("os.getenv", "os.environ.get")
    return isinstance(value, ast.Subscript) and ctx.resolve(value.value) == "os.environ"


def _sets_setting(ctx, stmt, key):
    """`<key>.settings.<field> = value`"""
    if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1):
        return False
    t = stmt.targets[0]
    return (
        isinstance(t, ast.Attribute)
        and isinstance(t.value, ast.Attribute)
        and t.value.attr == "settings"
        and ctx.source(t.value.value) == key
    )


def _accepts(ctx, dest):
    """Parameters a destination call takes, or None when its transport is not known."""
    method = dest.func.attr
    if method != "run":
        return ACCEPTS[method]
    kw = next((k for k in dest.keywords if k.arg == "transport"), None)
    node = kw.value if kw is not None else (dest.args[0] if dest.args else None)
    if node is None:
        return ACCEPTS[("run", "stdio")]
    values = _transports(ctx, node)
    if not values or any(("run", v) not in ACCEPTS for v in values):
        return None
    # `transport: Literal["sse", "streamable-http"]`: v2's overloads take what every one of them takes.
    return tuple(p for p in ACCEPTS[("run", values[0])] if all(p in ACCEPTS[("run", v)] for v in values))


def _transports(ctx, node):
    """The transport names a `run()` argument can be: a string, or a parameter annotated with a `Literal`
    of strings; None when the file does not say (v2's typed overloads accept no keyword for those)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    binding = ctx.binding(node) if isinstance(node, ast.Name) else None
    ann = binding.expr if binding is not None and binding.how == "annotation" else None
    if not (isinstance(ann, ast.Subscript) and ctx.resolve(ann.value) in LITERALS):
        return None
    items = ann.slice.elts if isinstance(ann.slice, ast.Tuple) else [ann.slice]
    if not all(isinstance(i, ast.Constant) and isinstance(i.value, str) for i in items):
        return None
    return [i.value for i in items]


def _simple(value):
    if isinstance(value, ast.UnaryOp):
        value = value.operand
    while isinstance(value, ast.Attribute):
        value = value.value
    return isinstance(value, (ast.Constant, ast.Name))


def _repeatable(ctx, value):
    """A value that may be written at each destination: a simple one, or a read of the environment
    (`int(os.environ.get("PORT", "8000"))`), which gives the same answer each time."""
    if _simple(value) or _environment_string(ctx, value):
        return True
    return (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Name)
        and value.func.id in ("int", "str", "float")
        and ctx.binding(value.func) is None
        and len(value.args) == 1
        and not value.keywords
        and _repeatable(ctx, value.args[0])
    )


def _names(names):
    return ", ".join("`%s=`" % n for n in names)
