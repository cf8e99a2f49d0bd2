import ast
import re

from .. import sdk
from ..context import PythonContext
from ..framework import rule

SSE, HTTP, MOVED, DESTINATIONS = (
    sdk.TRANSPORT_SSE,
    sdk.TRANSPORT_HTTP,
    sdk.TRANSPORT_SETTINGS,
    sdk.TRANSPORT_DESTINATIONS,
)

SETTINGS = sdk.FASTMCP_SETTINGS
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
WHERE = {
    "host": '`run(transport="sse"|"streamable-http", host=...)`, and `sse_app(host=...)` / '
    "`streamable_http_app(host=...)` for a mounted app",
    "port": '`run(transport="sse"|"streamable-http", port=...)` (a mounted app binds where the outer server does)',
    "sse_path": '`run(transport="sse", ...)` or `sse_app(...)`',
    "message_path": '`run(transport="sse", ...)` or `sse_app(...)`',
    "transport_security": "`run()` or `sse_app()` / `streamable_http_app()`",
}
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
        transport takes them. Without such a call, marks the constructor with the exact destination;
        as a review fix (v2's constructor raises `TypeError` on them when it runs), the values then wait
        beside it in `<server>_transport_settings` (`self.transport_settings` in a subclass; in the
        marker itself for a server a function builds, where no variable outlives the call).
        `mcp.settings.<field> = value` right before such a call moves into it; a module-level server's
        removed settings written and read elsewhere in the file become module variables (`mcp_port`,
        v1's default until written) that its calls in the file are given. When other modules import
        the server, the defining module keeps them in one `SimpleNamespace` (`mcp_transport_settings`,
        from the constructor's values or v1's defaults) that every module reads, writes and hands to
        the server's calls, unless some module passes the server or its settings to code of its own.
        Any other `<server>.settings.<field> = value` (a server handed to a function, or reached through
        an accessor) raises in v2: as a review fix it gives way to its marker, which keeps the value to
        pass where the server starts. A `run()` whose transport is only known at run time is marked.
        Other uses (reads) are marked.
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
    carried, moved_from = _carry_across(ctx)
    for call, resolved in ctx.constructor_calls(sdk.FASTMCP):
        if resolved and id(call) not in moved_from:
            _constructor(ctx, call)
    for call in ctx.calls(SETTINGS):
        found = [k.arg for k in call.keywords if k.arg in MOVED]
        if found:
            ctx.manual(
                call,
                "`Settings` no longer has %s; pass them to `run()` / `sse_app()` / "
                "`streamable_http_app()`" % _names(found),
            )
    folded = _fold_settings_assignments(ctx, carried)
    folded |= _carry_settings(ctx, folded) | carried
    # `mcp.settings.port`, and `settings.port` after `settings = mcp.settings`
    for parent in ctx.attribute_uses(SETTINGS, *MOVED):
        if id(parent) not in folded:
            store = isinstance(parent.ctx, ast.Store)
            said = "`settings.%s` was removed (%s); %s `%s=` to %s" % (
                parent.attr,
                "assigning it raises `ValueError`" if store else "reading it raises `AttributeError`",
                "pass" if store else "keep the value yourself and pass it as",
                parent.attr,
                WHERE.get(parent.attr, _HTTP_WHERE),
            )
            if not (_take_out(ctx, parent, said) if store else _read_given(ctx, parent, said)):
                ctx.manual(parent, said)


def _take_out(ctx, attr, said) -> bool:
    """`server.settings.port = value` where nothing carries the value to `run()` (a server handed in as
    a parameter, or reached through an accessor): as a review fix the statement, which raises in v2,
    gives way to its marker, which keeps the value. Returns whether it could."""
    stmt = ctx.parent(attr)
    if not (isinstance(stmt, ast.Assign) and stmt.targets == [attr]):
        return False
    value = _one_line(ctx.source(stmt.value))
    edit = ctx.marker_in_place_of(
        stmt,
        "%s; the fix took out `%s`: pass `%s=%s` there" % (said, ctx.source(attr), attr.attr, value),
        giving_way=sdk.removed_settings_write,
    )
    if edit is None:
        return False
    ctx.fix(
        stmt, said + "; the fix replaces the assignment with a marker that keeps its value", [edit], fix_class="review"
    )
    return True


def _read_given(ctx, attr, said) -> bool:
    """`mcp.settings.host` read from the server that `mcp = FastMCP(..., host=h)` builds in the file,
    where `h` is a constant or a dotted name nothing rebinds after the constructor: v1's settings held
    the value the constructor was given, so the read becomes `h` (a review fix unless a constant: an
    attribute may change in between). A setting the constructor was not given came from the
    environment or v1's default: left marked. Returns whether it could."""
    holder = attr.value
    if not (
        isinstance(attr.ctx, ast.Load)
        and isinstance(holder, ast.Attribute)
        and holder.attr == "settings"
        and isinstance(holder.value, ast.Name)
    ):
        return False
    call = next(
        (c for c, resolved in ctx.constructor_calls(sdk.FASTMCP) if resolved and ctx.same_object(holder.value, c)), None
    )
    value = ctx.keyword_value(call, attr.attr) if call is not None else None
    constant = isinstance(value, ast.Constant) and not (attr.attr in INT_SETTINGS and isinstance(value.value, str))
    if value is None or not (constant or _unchanged_since(ctx, value, ctx.statement_of(call))):
        return False
    text = ctx.source(value)
    ctx.fix(
        attr,
        "%s; the fix reads the value the constructor was given, `%s`" % (said, text),
        [ctx.replace(attr, text)],
        fix_class="safe" if constant else "review",
    )
    return True


def _unchanged_since(ctx, value, stmt) -> bool:
    """`value` is a dotted name whose first name nothing in its scope binds after `stmt`."""
    if ctx.dotted(value) is None:
        return False
    root = value
    while isinstance(root, ast.Attribute):
        root = root.value
    scope = ctx.enclosing(stmt, ast.FunctionDef, ast.AsyncFunctionDef) or ctx.tree
    return not any(n.lineno > stmt.lineno for n in ctx.stores(root.id, scope))


def _carry_across(ctx):
    """A top-level server that other modules import, whose removed settings the project sets or reads
    (`ProjectIndex.transport_carry` decides for all its files at once): the defining module keeps them
    in `<server>_transport_settings`, a `SimpleNamespace` made from the constructor's values (v1's
    defaults otherwise), and every module reads and writes them there and hands them to the server's
    `run()` / app calls. Returns the ids of the settings attributes rewritten and of the constructor
    calls emptied."""
    done, emptied = set(), set()
    for node, plan, uses in ctx.shared_servers():
        holder, fields = plan["holder"], plan["fields"]
        if ctx.fresh_name(holder) is None:
            continue  # the project index predates this text (a second run reads the holder)
        edits = [ctx.replace(a, "%s.%s" % (holder, a.attr)) for a in uses.settings]
        edits += [ctx.delete(span) for span in (_dead_alias(ctx, a) for a in uses.aliases) if span]
        unsure = []  # (call, the fields it may take, depending on a transport the file does not fix)
        for d in uses.destinations:
            known = ctx.transport_options(d)
            options = known or [SSE, HTTP]
            given = [f for f in fields if known and all(f in o for o in options)]
            if given:
                edits.append(_add_before_mount_path(ctx, d, ", ".join("%s=%s.%s" % (f, holder, f) for f in given)))
            maybe = [f for f in fields if f not in given and any(f in o for o in options)]
            if maybe:
                unsure.append((d, maybe))
        if isinstance(node, ast.alias):
            edits += _import_beside(ctx, node, plan["module"], holder) if edits else []
        else:
            made = _holder(ctx, node, holder, fields)
            if made is None:
                continue
            edits += made
            emptied.add(id(node.value))
        if not edits or None in edits:
            continue
        shared = ctx.fix(
            node if isinstance(node, ast.stmt) else ctx.import_of(node),
            "v2 removed %s from `FastMCP(...)` and `settings`: kept in `%s`%s and passed to the server's "
            "`run()` / app calls"
            % (_names(fields), holder, " (a `SimpleNamespace`)" if not isinstance(node, ast.alias) else ""),
            edits,
        )
        shared.shared = True  # every module's part of the carry applies, or none would work
        done.update(id(a) for a in uses.settings)
        for d, maybe in unsure:
            ctx.manual(
                d,
                "the transport is only known at run time, and v2's `run()` takes each transport's settings only "
                'with `transport="sse"` / `"streamable-http"`: for those, pass %s from `%s`' % (_names(maybe), holder),
            )
    return done, emptied


def _dead_alias(ctx, assign):
    """The lines of `settings = mcp.settings` once every use of it reads the holder instead, unless
    that leaves its block empty."""
    block = ctx.block_of(assign)
    return ctx.line_span(assign) if block is not None and len(block) > 1 else None


def _add_before_mount_path(ctx, call, text):
    """`sse_app(mount_path=p)` gains `text` before its one argument, so SRV006's review fix (which
    empties the parentheses) still composes with it; other calls gain it at the end."""
    if not call.args and [k.arg for k in call.keywords] == ["mount_path"]:
        return ctx.insert(ctx.span(call.keywords[0])[0], text + ", ")
    return ctx.add_kwargs(call, text)


def _holder(ctx, stmt, holder, fields, note=None, removed=None):
    """The defining module's edits: the constructor loses the moved keywords (or what `removed`
    deletes), and the holder made from their values (v1's defaults for the rest) follows the server's
    statement (under `note`)."""
    call = stmt.value
    given = {k.arg: k for k in call.keywords if k.arg in MOVED}
    if removed is None:
        removed = ctx.remove_args(call, list(given.values())) if given else []
    imports = ctx.imports_for({"SimpleNamespace": ["types"]})
    if removed is None or imports is None:
        return None
    values = [
        "%s=%s" % (f, _validated(ctx, f, given[f].value) if f in given else _literal(V1_DEFAULTS[f])) for f in fields
    ]
    lines = ([note] if note else []) + ["%s = SimpleNamespace(%s)" % (holder, ", ".join(values))]
    if len(lines[-1]) > 99 or "\n" in lines[-1]:
        lines[-1:] = ["%s = SimpleNamespace(" % holder] + ["    %s," % v for v in values] + [")"]
    return removed + imports + [_lines_after(ctx, stmt, lines)]


def _import_beside(ctx, alias, module, holder):
    """`from .server import mcp` gains a line `from .app import mcp_transport_settings` below it (the
    module that defines the server), in the same block: a function-level import may be there to
    avoid an import cycle."""
    return [_lines_after(ctx, ctx.import_of(alias), ["from %s import %s" % (module, holder)])]


def _lines_after(ctx, stmt, lines):
    """Inserts `lines` below the statement, each at its indentation (after whatever shares its last
    line, such as a trailing comment)."""
    start = ctx.index.line_start(stmt.lineno)
    first = ctx.text[start : ctx.span(stmt)[0]]
    indent = first[: len(first) - len(first.lstrip(" \t"))]
    text = "".join("%s%s\n" % (indent, line) for line in lines)  # (a value's own line breaks kept as written)
    if stmt.end_lineno < ctx.index.line_count:
        return ctx.insert(ctx.index.line_start(stmt.end_lineno + 1), text)
    return ctx.insert(len(ctx.text), ("" if ctx.text.endswith("\n") else "\n") + text)


def _fold_settings_assignments(ctx, carried):
    """`mcp.settings.port = p` followed in the same block by `mcp.run_sse_async()`: the value moves into
    that call (`run_sse_async(port=p)`). Returns the ids of the settings attributes it moved."""
    plans = {}  # destination call -> [(assign statement, attribute node)]
    for node in ctx.attribute_uses(sdk.FASTMCP, "settings"):
        attr = ctx.parent(node)
        if id(attr) in carried:
            continue
        dest = ctx.settings_destination(attr) if isinstance(attr, ast.Attribute) else None
        if dest is not None:
            plans.setdefault(id(dest), (dest, []))[1].append((ctx.parent(attr), attr))
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
        takes = ctx.transport_accepts(d)
        if takes is None or ctx.has_star(d):
            return None
        given = [f for f in fields if f in takes]
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


def _constructor(ctx, call):
    params = {k.arg: k for k in call.keywords if k.arg in MOVED}
    for i, arg in enumerate(call.args[6:8], start=6):  # positional event_store / retry_interval
        if isinstance(arg, ast.Starred) or any(isinstance(a, ast.Starred) for a in call.args[:i]):
            break
        params[sdk.FASTMCP_POSITIONAL[i]] = arg
    if not params:
        return
    dests = [(d, ctx.transport_accepts(d)) for d in ctx.same_object_calls(call, sdk.FASTMCP, *DESTINATIONS)]
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
    where = "v2 takes %s on `run()` / the app methods, not the constructor: %s" % (
        _names(stuck),
        "; ".join("`%s=` -> %s" % (n, WHERE.get(n, _HTTP_WHERE)) for n in stuck),
    )
    if stuck and not dests and _keep_beside(ctx, call, params, stuck, dropped, where):
        return
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
        ctx.manual(call, where)


def _keep_beside(ctx, call, params, kept, dropped, said):
    """A server this file never starts: as a review fix, the constructor loses its transport settings
    (v2 raises `TypeError` on them when it runs) and the values of `kept` wait where the code that
    starts the server can find them (see `_kept`), under the marker saying where they go; those equal
    to v1's defaults go by a safe fix of their own too. Returns whether it could."""
    if any(not isinstance(params[n], ast.keyword) for n in kept + dropped):
        return False
    removed = ctx.remove_args(call, [params[n] for n in kept + dropped])
    defaults = ctx.remove_args(call, [params[n] for n in dropped])
    kept_at = _kept(ctx, call, kept, said, removed) if removed is not None and defaults is not None else None
    if kept_at is None:
        return False
    edits, where = kept_at
    ctx.fix(call, "%s; the fix %s" % (said, where), edits, fix_class="review")
    if dropped:  # (inside the text the review fix deletes, when that applies)
        ctx.fix(call, "drop %s: v2's default is the same" % _names(dropped), defaults)
    return True


def _kept(ctx, call, kept, said, removed):
    """(the edits, what they do with the values) of `_keep_beside`: `<server>_transport_settings`
    beside a module-level server, `self.transport_settings` after a subclass's `super().__init__(...)`;
    for a server a function builds, where no variable outlives the call, the marker above it spells
    the values out. None when the statement is none of these."""
    stmt = ctx.parent(call)
    if isinstance(stmt, (ast.Assign, ast.AnnAssign)) and stmt.value is call and ctx.parent(stmt) is ctx.tree:
        target = stmt.target if isinstance(stmt, ast.AnnAssign) else stmt.targets[0]
        ok = isinstance(target, ast.Name) and len(getattr(stmt, "targets", [target])) == 1
        holder = ctx.fresh_name("%s_transport_settings" % target.id) if ok else None
    elif isinstance(stmt, ast.Expr) and stmt.value is call and ctx.source(call.func) == "super().__init__":
        method = ctx.enclosing(stmt)
        first = method.args.args[0].arg if method is not None and method.args.args else None
        holder = "%s.transport_settings" % first if first and "transport_settings" not in ctx.text else None
    elif (
        isinstance(stmt, (ast.Assign, ast.AnnAssign, ast.Return, ast.Expr))
        and stmt.value is call
        and isinstance(ctx.enclosing(stmt), (ast.FunctionDef, ast.AsyncFunctionDef))
        and ctx.line_span(stmt) is not None
    ):
        values = ", ".join("%s=%s" % (n, _one_line(ctx.source(ctx.keyword_value(call, n)))) for n in kept)
        note = ctx.marker_comment("%s; the fix took them off the constructor: pass %s there" % (said, values))
        line = "%s%s%s" % (ctx.index.indentation(stmt.lineno), note, ctx.index.newline())
        return removed + [ctx.insert(ctx.index.line_start(stmt.lineno), line)], (
            "takes them off the constructor and spells out their values in the marker"
        )
    else:
        return None
    if holder is None:
        return None
    edits = _holder(ctx, stmt, holder, kept, ctx.marker_comment("%s; pass them from `%s`" % (said, holder)), removed)
    return (edits, "keeps the values in `%s`" % holder) if edits else None


def _one_line(source: str) -> str:
    """An expression laid out over lines, as one line for a marker: `f(\n    a=1,\n)` -> `f(a=1)`."""
    text = " ".join(source.split())
    return re.sub(r",? ([)\]}])", r"\1", re.sub(r"([(\[{]) ", r"\1", text))


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


def _repeatable(ctx, value):
    """A value that may be written at each destination: a simple one, or a read of the environment
    (`int(os.environ.get("PORT", "8000"))`), which gives the same answer each time."""
    if ctx.simple_value(value) or _environment_string(ctx, value):
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
