import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

MOD = sdk.SHARED_PROGRESS
NAMES = [MOD + ".progress", MOD + ".ProgressContext", MOD + ".Progress"]
# v1's class, word for word but for its generic parameters: what v2 leaves is the session's
# `send_progress_notification()`, which takes the same arguments.
LOCAL_CLASS = '''
@dataclass
class {name}:
    """v1's `mcp.shared.progress.ProgressContext`, which v2 removed
    (https://py.sdk.modelcontextprotocol.io/v2/migration/#progresscontext-and-progress-context-manager-removed):
    `progress(amount)` adds to the running total and reports the total."""

    session: Any
    progress_token: str | int
    total: float | None
    current: float = field(default=0.0, init=False)

    async def progress(self, amount: float, message: str | None = None) -> None:
        self.current += amount
        await self.session.send_progress_notification(self.progress_token, self.current, total=self.total, message=message)
'''
MESSAGE = (
    "`mcp.shared.progress` was removed: call `await ctx.report_progress(current, total, message=...)` "
    "with the absolute running total (not a delta as `p.progress(amount)` took)"
)


@rule(
    code="SRV017",
    title="`ProgressContext` and `progress()` context manager removed",
    anchor="progresscontext-and-progress-context-manager-removed",
    fix_class="safe",
    summary="""
        Rewrites `with progress(ctx.request_context, total=T) as p:` on an MCPServer `Context` whose
        block only awaits `p.progress(amount, message=...)` into the guide's `ctx.report_progress()`
        calls, keeping the running total `p` that `ProgressContext` kept (the block dedented, the import
        dropped once every use is converted). A file whose only import from the module is
        `ProgressContext`, built and called directly (`tracker = ProgressContext(session, token,
        total=n)`, `await tracker.progress(1)`), gets v1's class in place of the import: it keeps the
        running total and reports it with the session's `send_progress_notification()`, which v2 kept.
        Marks other imports and uses of `mcp.shared.progress` (`progress()`, `Progress`): report
        progress with `Context.report_progress()` and keep the running total yourself.
    """,
    why="""
        v2 removed the module: `from mcp.shared.progress import progress` raises
        `ModuleNotFoundError: No module named 'mcp.shared.progress'`. `report_progress` takes absolute
        values, so passing the old deltas silently reports jittering progress.
    """,
    example="""
         from mcp.server.fastmcp import Context, FastMCP
        -from mcp.shared.progress import progress

         mcp = FastMCP("Demo")


         @mcp.tool()
         async def crunch(ctx: Context) -> str:
        -    with progress(ctx.request_context, total=100) as p:
        -        await p.progress(25, message="step 1")
        -        await p.progress(25)
        +    p = 0
        +    p += 25
        +    await ctx.report_progress(p, 100, message="step 1")
        +    p += 25
        +    await ctx.report_progress(p, 100)
             return "done"
    """,
    v1_names=[MOD] + NAMES,
    v2_names=[
        "mcp.server.mcpserver.context.Context.report_progress",
        "mcp.server.session.ServerSession.send_progress_notification",
    ],
)
def check(ctx: PythonContext):
    converted, dropped = _report_progress(ctx)
    kept = _local_class(ctx)
    converted |= kept
    dropped |= kept
    for node in ctx.imports():
        if id(node) not in dropped and _imports_module(ctx, node):
            ctx.manual(node, MESSAGE)
    for ref in ctx.references(*NAMES):
        if id(ref) not in converted and not isinstance(ctx.parent(ref), ast.Attribute):
            ctx.manual(ref, MESSAGE)


def _report_progress(ctx):
    """`with progress(<Context>.request_context, total=T) as p:` whose body only awaits
    `p.progress(amount, message=...)` statements becomes the guide's `report_progress` calls with the
    running total v1 kept: `p = 0`, then `p += amount` and `await ctx.report_progress(p, T, message=...)`
    at each step, the block dedented into place. The import goes when every use is converted. Returns
    the ids of the `progress` references converted and of the import statements dropped."""
    plans = []
    refs = ctx.references(MOD + ".progress")
    for ref in refs:
        plan = _plan(ctx, ref)
        if plan is not None:
            plans.append((ref, plan))
    aliases = ctx.import_aliases(MOD + ".progress")
    drop = None
    if plans and len(plans) == len(refs) and len(aliases) == 1:
        drop = ctx.drop_import_alias(aliases[0])
    for _ref, (stmt, edits) in plans:
        ctx.fix(
            stmt,
            "`mcp.shared.progress` was removed: report with `report_progress()`, which takes the running total "
            "(kept here as `progress(amount)` kept it)",
            edits + ([drop] if drop else []),
        )
    return {id(ref) for ref, _ in plans}, {id(ctx.import_of(a)) for a in aliases} if drop else set()


def _local_class(ctx):
    """`from mcp.shared.progress import ProgressContext`, the module's only import in the file, at module
    level, its name never subscripted (`ProgressContext[...]`, v1's generic): the import gives way to
    v1's class under the same name. Returns the ids of the import statement and of the references it
    keeps working."""
    aliases = ctx.import_aliases(MOD + ".ProgressContext", top_level=True)
    if len(aliases) != 1:
        return set()
    node = ctx.import_of(aliases[0])
    if len(node.names) != 1 or any(_imports_module(ctx, n) for n in ctx.imports() if n is not node):
        return set()
    refs = ctx.references(MOD + ".ProgressContext")
    if any(isinstance(ctx.parent(r), ast.Subscript) and ctx.parent(r).value is r for r in refs):
        return set()
    drop = ctx.drop_import_alias(aliases[0])
    imports = ctx.imports_for({"dataclass": ("dataclasses",), "field": ("dataclasses",), "Any": ("typing",)})
    if drop is None or imports is None:
        return set()
    name = aliases[0].asname or aliases[0].name
    ctx.fix(
        node,
        "`mcp.shared.progress` was removed: `%s` is now v1's class, defined in this file; it reports the running "
        "total with `send_progress_notification()`" % name,
        [drop, ctx.after_imports(LOCAL_CLASS.format(name=name).lstrip("\n"))] + imports,
    )
    return {id(node)} | {id(r) for r in refs}


def _imports_module(ctx, node) -> bool:
    """The import statement takes something from `mcp.shared.progress`."""
    if isinstance(node, ast.ImportFrom):
        mods = [node.module + "." + a.name for a in node.names] if node.level == 0 and node.module else []
        mods += [node.module] if node.level == 0 and node.module else []
    else:
        mods = [a.name for a in node.names]
    return any(m == MOD or m.startswith(MOD + ".") or ctx.canonical(m) in NAMES for m in mods)


def _plan(ctx, ref):
    """(with statement, edits) for one `with progress(...) as p:` block, or None."""
    call, item = ctx.parent(ref), None
    if isinstance(call, ast.Call) and call.func is ref:
        item = ctx.parent(call)
    stmt = ctx.parent(item) if isinstance(item, ast.withitem) else None
    if not (isinstance(stmt, ast.With) and len(stmt.items) == 1 and isinstance(item.optional_vars, ast.Name)):
        return None
    reporter = _reporter(ctx, call)
    total = ctx.keyword_value(call, "total") if len(call.args) == 1 else (call.args[1] if len(call.args) == 2 else None)
    name = item.optional_vars.id
    steps = _steps(ctx, stmt, name)
    lift = ctx.lift_body(stmt)
    if (
        reporter is None
        or steps is None
        or lift is None
        or len(call.keywords) > (total is not None and len(call.args) == 1)
    ):
        return None
    header, dedents = lift[0], lift[1:]
    indent = ctx.text[header.start : ctx.span(stmt)[0]]
    delta = dedents[0].end - dedents[0].start if dedents else 0
    lines = "%s%s = 0\n" % (indent, name)
    if total is not None and not _simple(total):
        held = ctx.fresh_name(name + "_total")
        if held is None:
            return None
        lines += "%s%s = %s\n" % (indent, held, ctx.source(total))
        total_text = held
    else:
        total_text = ctx.source(total) if total is not None else None
    edits = [header._replace(text=lines)] + dedents
    for st, amount, message in steps:
        ws = ctx.text[ctx.index.line_start(st.lineno) : ctx.span(st)[0]][delta:]
        args = [name] + ([total_text] if total_text else []) + (["message=%s" % ctx.source(message)] if message else [])
        edits.append(
            ctx.replace(st, "%s += %s\n%sawait %s(%s)" % (name, ctx.source(amount), ws, reporter, ", ".join(args)))
        )
    return stmt, edits


def _reporter(ctx, call):
    """`ctx.report_progress` for `progress(ctx.request_context)` (or `progress(ctx)`) on an MCPServer
    `Context`; None for other request contexts."""
    if len(call.args) not in (1, 2) or ctx.has_star(call):
        return None
    arg = call.args[0]
    if isinstance(arg, ast.Attribute) and arg.attr == "request_context":
        arg = arg.value
    return ctx.source(arg) + ".report_progress" if ctx.is_instance(arg, sdk.FASTMCP_CONTEXT) else None


def _steps(ctx, stmt, name):
    """The block's `await <name>.progress(amount[, message])` statements, each on one line, when they
    are the only uses of `name` in its function (none in a nested def); (statement, amount, message)."""
    scope = ctx.enclosing(stmt, ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
    out = []
    for n in ctx.names_with_id(name):
        if n is stmt.items[0].optional_vars:
            continue
        if ctx.enclosing(n, ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda) is not scope:
            if ctx.within(n, stmt):
                return None  # a def in the block reads it: `p += ...` would not reach it
            continue  # another function's own name
        attr = ctx.parent(n)
        call = ctx.parent(attr)
        awaited = ctx.parent(call)
        st = ctx.parent(awaited)
        if not (
            isinstance(attr, ast.Attribute)
            and attr.attr == "progress"
            and isinstance(call, ast.Call)
            and call.func is attr
            and isinstance(awaited, ast.Await)
            and isinstance(st, ast.Expr)
            and st.lineno == st.end_lineno
            and ctx.within(st, stmt)
            and not ctx.has_star(call)
        ):
            return None
        params = dict(zip(("amount", "message"), call.args))
        for k in call.keywords:
            if k.arg not in ("amount", "message") or k.arg in params:
                return None
            params[k.arg] = k.value
        if "amount" not in params or len(call.args) > 2:
            return None
        out.append((st, params["amount"], params.get("message")))
    return out or None


def _simple(node):
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, (ast.Name, ast.Constant))
