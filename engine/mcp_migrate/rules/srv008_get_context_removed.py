import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

MANUAL = (
    "`get_context()` was removed: declare a `ctx: Context` parameter on the tool/resource/prompt "
    "function and pass it to helpers that need it"
)

# v2 raises `ValueError` for a static resource (no `{...}` in its URI) that declares a Context parameter.
MANUAL_STATIC = (
    "`get_context()` was removed, and v2 injects no `Context` into a static resource (its URI has no "
    "`{...}` variable): for lifespan state, read it from an object your lifespan populates; for the "
    "request, add a template variable to the URI (an optional `{?name}` with a default is enough) and a "
    "`ctx: Context` parameter, or do this work in a tool"
)

# A name MCPServer accepts (no leading `_`) that says the variable carries nothing.
QUERY_VARIABLE = "unused"
FIX_STATIC = (
    "`get_context()` was removed, and v2 injects a `Context` only into resource templates: the "
    "resource gets the optional query variable `{?%s}` and a `ctx: Context` parameter, as the guide "
    "shows"
)
# What the guide's fix changes and no v2 form avoids: it stays as a marker once the fix is applied.
LISTED_AS_TEMPLATE = (
    "this resource is now a template (`{?%s}`, for the `Context` v2 injects only into templates): a "
    "read of its old URI still matches, but clients find it in `resources/templates/list`, not "
    "`resources/list`"
)


@rule(
    code="SRV008",
    title="`MCPServer.get_context()` removed",
    anchor="mcpserverget_context-removed",
    fix_class="safe",
    summary="""
        In a `@mcp.tool()` / `@mcp.prompt()` function or a resource template (`{...}` in its URI),
        replaces `ctx = mcp.get_context()` by an injected `ctx: Context` parameter (or uses the
        `Context` parameter the function already has): a review fix when something besides the server
        may call the function (the file names it, another module imports it, another decorator wraps
        it). A plain helper that only such handlers call gets a `ctx: Context` parameter they pass
        (`_audit("x", ctx=ctx)`). A static resource gets no `Context` in v2, so, as the guide shows,
        the fix adds the optional query variable `{?unused}` to its URI with the parameters
        `ctx: Context, unused: str | None = None`: it becomes a template that a read of the old URI
        still matches, listed by `resources/templates/list` (a marker on it stays and says so); not
        when it reads the lifespan state or
        hands the context on (the guide reads state from an object the lifespan fills, and a
        template's bare `Context` loses the state's type). Elsewhere (or when the URI already has a
        query), marks the call: the context must be passed down from the handler. Calls of such a
        helper that another module of the project defines are marked too.
    """,
    why="""
        v2 removed the ambient context: `mcp.get_context()` raises
        `AttributeError: 'MCPServer' object has no attribute 'get_context'`.
    """,
    example="""
         from mcp.server.fastmcp import FastMCP
        +from mcp.server.mcpserver import Context

         mcp = FastMCP("Demo")


         @mcp.tool()
        -async def my_tool(x: int) -> str:
        -    ctx = mcp.get_context()
        +async def my_tool(x: int, ctx: Context) -> str:
             await ctx.report_progress(1, 2)
             return str(x)
    """,
    v1_names=[sdk.FASTMCP + ".get_context"],
    v2_names=["mcp.server.mcpserver.Context"],
)
def check(ctx: PythonContext):
    calls = ctx.method_calls(sdk.FASTMCP, "get_context")
    calls += [
        c
        for c in ctx.walk(ast.Call)
        if isinstance(c.func, ast.Attribute)
        and c.func.attr == "get_context"
        and not c.args
        and ctx.fragment_receiver(c.func.value)
    ]
    handler_defs, static, tool_defs = set(), {}, set()
    for d, dec, kind in ctx.fastmcp_handlers("tool", "prompt", "resource"):
        if kind == "tool":
            tool_defs.add(id(d))
        uri = _resource_uri(ctx, dec) if kind == "resource" else None
        if kind != "resource" or (uri is not None and "{" in uri):
            handler_defs.add(id(d))
        elif uri is not None:
            static[id(d)] = dec
    by_handler, by_helper, by_static = {}, {}, {}
    for call in calls:
        fn = ctx.enclosing(call)
        if fn is not None and id(fn) in handler_defs:
            by_handler.setdefault(id(fn), (fn, []))[1].append(call)
        elif fn is not None and id(fn) in static:
            by_static.setdefault(id(fn), (fn, []))[1].append(call)
        elif isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            by_helper.setdefault(id(fn), (fn, []))[1].append(call)
        else:
            ctx.manual(call, MANUAL)
    for fn, fn_calls in by_helper.values():
        edits = _pass_down(ctx, fn, fn_calls, handler_defs - set(by_handler), tool_defs)
        for call in fn_calls:
            if edits:
                ctx.fix(
                    call,
                    "`get_context()` was removed: the handlers that call this helper pass their `Context` down",
                    edits[0],
                    fix_class=edits[1],
                )
            else:
                ctx.manual(call, MANUAL)
    for fn, fn_calls in by_handler.values():
        edits = _inject(ctx, fn, fn_calls, id(fn) in tool_defs)
        level = "safe" if _only_a_handler(ctx, fn) else "review"
        for call, call_edits in zip(fn_calls, edits or [None] * len(fn_calls)):
            if call_edits:
                ctx.fix(
                    call,
                    "`get_context()` was removed; the handler receives the `Context` as a parameter",
                    call_edits,
                    fix_class=level,
                )
            else:
                ctx.manual(call, MANUAL)
    for fn, fn_calls in by_static.values():
        edits = _as_template(ctx, fn, fn_calls, static[id(fn)])
        for call, call_edits in zip(fn_calls, edits or [None] * len(fn_calls)):
            if call_edits:
                ctx.fix(call, FIX_STATIC % QUERY_VARIABLE, call_edits)
            else:
                ctx.manual(call, MANUAL_STATIC)
        if edits:
            ctx.manual(static[id(fn)], LISTED_AS_TEMPLATE % QUERY_VARIABLE)
    _imported_helpers(ctx)


def _as_template(ctx, fn, calls, dec):
    """The guide's way to keep the request in a static resource: an optional query variable makes it
    a template, which v2 injects a `Context` into, and a plain read of the old URI still matches it.
    None unless the function takes nothing and nothing but the server calls it, and the URI is one
    plain literal with no query or fragment to extend."""
    a = fn.args
    if a.posonlyargs or a.args or a.vararg or a.kwonlyargs or a.kwarg or not _only_a_handler(ctx, fn):
        return None
    uri = dec.args[0] if dec.args else ctx.keyword_value(dec, "uri")
    text = ctx.source(uri)
    quote = text[-3:] if text[-3:] in ('"""', "'''") else text[-1:]
    value = ctx.const_str(uri)
    if value is None or "?" in value or "#" in value or not text.endswith(quote) or "\\" in text:
        return None
    if QUERY_VARIABLE in {n.id for n in ast.walk(fn) if isinstance(n, ast.Name)} or _reads_state(ctx, fn, calls):
        return None
    edits = _inject(ctx, fn, calls, False, ", %s: str | None = None" % QUERY_VARIABLE)
    if edits is None:
        return None
    at = ctx.span(uri)[1] - len(quote)
    return [e + [ctx.insert(at, "{?%s}" % QUERY_VARIABLE)] for e in edits]


def _imported_helpers(ctx):
    """Calls of another module's function that reads the request through `get_context()`: there it
    gets a `ctx` parameter (or a marker), so each caller here must hand the handler's `Context` on."""
    if ctx.types.project is None:
        return
    for call in ctx.walk(ast.Call):
        origin = ctx.project_origin(call.func) if isinstance(call.func, ast.Name) else None
        if origin and ctx.types.project.context_helper(*origin) and not ctx.has_star(call):
            imp = ctx.import_of(ctx.binding(call.func).node)  # the module as this file spells it
            ctx.manual(
                call,
                "`%s()` (in `%s`) read the request through `get_context()`, which v2 removed: it needs the "
                "handler's `Context` passed in (see its new `ctx` parameter or its marker there)"
                % (origin[1], "." * imp.level + (imp.module or "")),
            )


def _reads_state(ctx, fn, calls):
    """The resource reads the lifespan state, or hands its context to other code (which may): the
    guide keeps that out of a template, whose bare `Context` loses the state's type, and reads it
    from an object the lifespan populates instead."""
    if any(isinstance(n, ast.Attribute) and n.attr == "lifespan_context" for n in ast.walk(fn)):
        return True
    names = {r[0] for r in (_assignment_line(ctx, fn, c) for c in calls) if r}
    values = [n for n in ast.walk(fn) if isinstance(n, ast.Name) and n.id in names] + list(calls)
    parents = [(v, ctx.parent(v)) for v in values]
    return any(isinstance(p, ast.keyword) or (isinstance(p, ast.Call) and p.func is not v) for v, p in parents)


def _inject(ctx, fn, calls, tool, more=""):
    """Per call, the edits that give the handler a `Context` parameter (followed by `more`) and use
    it instead (the parameter edit is the same for every call, so it is applied once); None when
    unsure."""
    existing = ctx.context_params(fn)
    if existing:
        return [[ctx.replace(call, existing[0])] for call in calls]
    local, import_edit = ctx.context_name()
    if local is None:
        return None
    removals = {id(c): _assignment_line(ctx, fn, c) for c in calls}
    named = [r[0] for r in removals.values() if r]
    name = named[0] if named else _free_name(ctx, fn)
    param = ctx.add_param(fn, "%s: %s%s" % (name, _typed(ctx, local, calls) if tool else local, more))
    if param is None or name is None:
        return None
    out = []
    for call in calls:
        removal = removals[id(call)]
        use = ctx.delete(removal[1]) if removal and removal[0] == name else ctx.replace(call, name)
        out.append([param, use] + ([import_edit] if import_edit is not None else []))
    return out


def _typed(ctx, local, calls):
    """`Context[AppState]` when the server every call asks is declared `FastMCP[AppState]`: v1's
    `get_context()` returned a `Context` typed with the server's lifespan state, which a bare
    `Context` loses (tools only: SRV031 keeps prompts and resource templates on a bare `Context`)."""
    states = {ctx.declared_server_state(call.func.value) for call in calls}
    state = states.pop() if len(states) == 1 else None
    return "%s[%s]" % (local, state) if state else local


def _pass_down(ctx, helper, calls, handler_defs, tool_defs):
    """(edits, fix class) giving a helper that calls `get_context()` a `ctx: Context` parameter that
    each handler calling it passes (adding one to a handler that has none), as the guide says; None
    unless the helper is a plain function that only those handlers call, directly (`handler_defs`
    leaves out handlers that get a parameter of their own from their own `get_context()`). Typed
    `Context[AppState]` (see _typed) when every caller is a tool that gets or has that type."""
    if helper.decorator_list or isinstance(ctx.parent(helper), ast.ClassDef):
        return None
    names = ctx.names_with_id(helper.name)
    if any(isinstance(c.value, str) and c.value == helper.name for c in ctx.walk(ast.Constant)):
        return None  # `__all__`, a name looked up by string
    sites = []
    for n in names:
        call = ctx.parent(n)
        b = ctx.binding(n)
        handler = ctx.enclosing(call) if isinstance(call, ast.Call) and call.func is n else None
        if b is None or b.node is not helper or handler is None or id(handler) not in handler_defs:
            return None
        sites.append((call, handler))
    local, import_edit = ctx.context_name()
    removals = {id(c): _assignment_line(ctx, helper, c) for c in calls}
    named = [r[0] for r in removals.values() if r]
    name = named[0] if named else _free_name(ctx, helper)
    if not sites or local is None or name is None or any(ctx.keyword(c, name) for c, _ in sites):
        return None
    typed = _typed(ctx, local, calls)
    if any(id(h) not in tool_defs or not _takes_typed(ctx, h, typed) for _, h in sites):
        typed = local
    param = ctx.add_param(helper, "%s: %s" % (name, typed))
    if param is None:
        return None
    edits = [param] + ([import_edit] if import_edit else [])
    for c in calls:
        removal = removals[id(c)]
        edits.append(ctx.delete(removal[1]) if removal and removal[0] == name else ctx.replace(c, name))
    safe = not ctx.imported_elsewhere(helper.name)
    given = {}
    for call, handler in sites:
        if id(handler) not in given:
            existing = ctx.context_params(handler)
            arg = existing[0] if existing else _free_name(ctx, handler)
            add = None if existing else ctx.add_param(handler, "%s: %s" % (arg, typed))
            if arg is None or (add is None and not existing):
                return None
            edits += [add] if add else []
            safe = safe and (bool(existing) or _only_a_handler(ctx, handler))
            given[id(handler)] = arg
        kwarg = ctx.add_kwargs(call, "%s=%s" % (name, given[id(handler)]))
        if kwarg is None:
            return None
        edits.append(kwarg)
    return edits, "safe" if safe else "review"


def _takes_typed(ctx, handler, typed):
    """The handler has no `Context` parameter yet (it gets `typed`), or one annotated `typed`."""
    existing = ctx.context_params(handler)
    if not existing:
        return True
    a = handler.args
    arg = next((x for x in a.posonlyargs + a.args + a.kwonlyargs if x.arg == existing[0]), None)
    return arg is not None and arg.annotation is not None and ctx.source(arg.annotation) == typed


def _assignment_line(ctx, fn, call):
    """(name, span of its whole line) for `name = mcp.get_context()` alone on a line of the handler."""
    stmt = ctx.parent(call)
    if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)):
        return None
    if stmt not in fn.body or len(fn.body) == 1 or stmt.lineno != stmt.end_lineno:
        return None
    name = stmt.targets[0].id
    if name in {a.arg for a in fn.args.posonlyargs + fn.args.args + fn.args.kwonlyargs}:
        return None
    line = stmt.lineno
    start, end = ctx.index.line_start(line), ctx.span(stmt)[1]
    rest = ctx.index.line_start(line + 1) if line < ctx.index.line_count else len(ctx.text)
    if ctx.text[start : ctx.span(stmt)[0]].strip() or ctx.text[end:rest].strip():
        return None
    return name, (start, rest)


def _free_name(ctx, fn):
    used = {n.id for n in ast.walk(fn) if isinstance(n, ast.Name)}
    used |= {a.arg for a in ast.walk(fn.args) if isinstance(a, ast.arg)}
    return next((n for n in ("ctx", "context", "mcp_context") if n not in used), None)


def _resource_uri(ctx, dec):
    """The URI a `@mcp.resource("res://{name}")` decorator gives, when it is a literal; else None."""
    if not isinstance(dec, ast.Call):
        return None
    uri = dec.args[0] if dec.args else ctx.keyword_value(dec, "uri")
    return ctx.const_str(uri) if uri is not None else None


def _only_a_handler(ctx, fn):
    """Nothing but the server calls the function, so a new parameter breaks no caller."""
    return len(fn.decorator_list) == 1 and not ctx.used_elsewhere(fn)
