"""Shared planning for the lowlevel `Server` rules (LOW001, LOW002, LOW003, LOW004, LOW010).

The decorator rewrite (LOW001) moves `server = Server(...)` below the handlers and changes their
signatures; the return-wrapping rule (LOW002) and the `request_context` rule (LOW010) must agree
with it on which handlers become `(ctx, params)` handlers, so the plan lives here, memoised per file.
"""

import ast
import io
import tokenize
from typing import Dict, List, NamedTuple, Optional, Tuple

from ..edits import Edit

SERVER = "mcp.server.lowlevel.server.Server"
SERVER_V1_ARGS = ("version", "instructions", "website_url", "icons", "lifespan")


class Kind(NamedTuple):
    kwarg: str          # v2 constructor keyword
    params: str         # v2 params type (mcp.types name), "| None" when optional
    result: str         # v2 result type ("" for notifications)
    fields: Tuple[str, ...]   # params attributes v1 passed positionally, in order
    list_field: str = ""      # list_* handlers: the result field a bare list went into


KINDS: Dict[str, Kind] = {
    "list_tools": Kind("on_list_tools", "PaginatedRequestParams | None", "ListToolsResult", (), "tools"),
    "call_tool": Kind("on_call_tool", "CallToolRequestParams", "CallToolResult", ("name", "arguments")),
    "list_resources": Kind("on_list_resources", "PaginatedRequestParams | None", "ListResourcesResult", (),
                           "resources"),
    "list_resource_templates": Kind("on_list_resource_templates", "PaginatedRequestParams | None",
                                    "ListResourceTemplatesResult", (), "resource_templates"),
    "read_resource": Kind("on_read_resource", "ReadResourceRequestParams", "ReadResourceResult", ("uri",)),
    "subscribe_resource": Kind("on_subscribe_resource", "SubscribeRequestParams", "EmptyResult", ("uri",)),
    "unsubscribe_resource": Kind("on_unsubscribe_resource", "UnsubscribeRequestParams", "EmptyResult", ("uri",)),
    "list_prompts": Kind("on_list_prompts", "PaginatedRequestParams | None", "ListPromptsResult", (), "prompts"),
    "get_prompt": Kind("on_get_prompt", "GetPromptRequestParams", "GetPromptResult", ("name", "arguments")),
    "completion": Kind("on_completion", "CompleteRequestParams", "CompleteResult",
                       ("ref", "argument", "context")),
    "set_logging_level": Kind("on_set_logging_level", "SetLevelRequestParams", "EmptyResult", ("level",)),
    "progress_notification": Kind("on_progress", "ProgressNotificationParams", "",
                                  ("progress_token", "progress", "total", "message")),
}
DECORATORS = tuple(KINDS)


def signature_hint(kind: Kind) -> str:
    ret = kind.result or "None"
    return "`(ctx: ServerRequestContext, params: %s) -> %s`" % (kind.params, ret)


# ---- mcp.types references -----------------------------------------------------------------
def types_prefix(ctx) -> Optional[str]:
    """`types.` / `mcp.types.` when the module itself is imported at top level, else None."""
    for node in ctx.tree.body:
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name == "mcp.types":
                    return (a.asname or "mcp.types") + "."
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module == "mcp":
            for a in node.names:
                if a.name == "types":
                    return (a.asname or "types") + "."
    return None


def _imported_names(ctx, module: str) -> Dict[str, str]:
    out = {}
    for node in ctx.tree.body:
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module == module:
            for a in node.names:
                out[a.name] = a.asname or a.name
    return out


def type_ref(ctx, name: str) -> str:
    prefix = types_prefix(ctx)
    if prefix:
        return prefix + name
    return _imported_names(ctx, "mcp.types").get(name, name)


def _context_ref(ctx) -> str:
    for mod in ("mcp.server", "mcp.server.context"):
        local = _imported_names(ctx, mod).get("ServerRequestContext")
        if local:
            return local
    return "ServerRequestContext"


def import_edit(ctx) -> Optional[Edit]:
    """One insertion carrying every import the LOW rewrites of this file need.

    Every LOW finding that needs an import carries this same Edit, so the runner applies it once
    and findings from different LOW rules never collide on the insertion point.
    """
    cache = getattr(ctx, "_low_imports", None)
    if cache is not None:
        return cache[0]
    plan = handler_plan(ctx)
    need_ctx = any(h.rewrite for h in plan.values())
    names = set()
    if types_prefix(ctx) is None:
        have = _imported_names(ctx, "mcp.types")
        for h in plan.values():
            if h.rewrite:
                names.update(_type_names(h.kind.params))
            if h.wraps:
                names.add(h.kind.result)
        names -= set(have)
    lines = []
    if need_ctx and not (_imported_names(ctx, "mcp.server").get("ServerRequestContext")
                         or _imported_names(ctx, "mcp.server.context").get("ServerRequestContext")):
        lines.append("from mcp.server import ServerRequestContext")
    if names:
        lines.append("from mcp.types import " + ", ".join(sorted(names)))
    edit = None
    if lines:
        placeholder = "from mcp.types import __low__"
        base = ctx.add_import("mcp.types", "__low__")
        edit = Edit(base.start, base.end, base.text.replace(placeholder, ctx.index.newline().join(lines)))
    ctx._low_imports = (edit,)
    return edit


def _type_names(params: str) -> List[str]:
    return [p.strip() for p in params.split("|") if p.strip() != "None"]


def params_annotation(ctx, kind: Kind) -> str:
    return " | ".join(type_ref(ctx, p) if p != "None" else "None" for p in
                      [p.strip() for p in kind.params.split("|")])


# ---- source helpers -----------------------------------------------------------------------
def paren_span(ctx, fn) -> Optional[Tuple[int, int]]:
    """Offsets of a def's parameter-list `(` and `)`."""
    start = ctx.span(fn)[0]
    body_start = ctx.span(fn.body[0])[0]
    header = ctx.text[start:body_start]
    depth = 0
    open_at = None
    try:
        for tok in tokenize.generate_tokens(io.StringIO(header).readline):
            if tok.type == tokenize.OP and tok.string in "([{":
                if depth == 0 and tok.string == "(" and open_at is None:
                    open_at = _offset(header, tok.start)
                depth += 1
            elif tok.type == tokenize.OP and tok.string in ")]}":
                depth -= 1
                if depth == 0 and open_at is not None:
                    return (start + open_at, start + _offset(header, tok.start))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return None
    return None


def _offset(text: str, pos: Tuple[int, int]) -> int:
    line, col = pos
    off = 0
    for _ in range(line - 1):
        off = text.index("\n", off) + 1
    return off + col


def whole_lines(ctx, node) -> Optional[Tuple[int, int]]:
    """(start, end) covering the node's full lines, when nothing else shares them."""
    s, e = ctx.span(node)
    first = node.lineno if not hasattr(node, "decorator_list") else node.lineno
    ls = ctx.index.line_start(first)
    if ctx.text[ls:s].strip():
        return None
    le = ctx.index.line_end(node.end_lineno)
    rest = ctx.text[e:le].strip()
    if rest and not rest.startswith("#"):
        return None
    end = ctx.index.line_start(node.end_lineno + 1) if node.end_lineno < ctx.index.line_count else len(ctx.text)
    return (ls, end)


def names_in(node) -> set:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


# ---- the plan -----------------------------------------------------------------------------
class Handler(NamedTuple):
    fn: ast.AST
    dec: ast.expr
    method: str
    kind: Kind
    server: Optional[ast.stmt]   # the module-level `x = Server(...)` statement when it can move
    rewrite: bool                # LOW001 rewrites the signature to (ctx, params)
    why: str                     # why not, when rewrite is False
    wraps: bool                  # LOW002 wraps at least one return of this handler


def servers(ctx) -> Dict[str, ast.stmt]:
    """Module-level `name = Server(...)` statements, by name, when the name is bound only there."""
    out: Dict[str, ast.stmt] = {}
    seen: Dict[str, int] = {}
    for st in ctx.tree.body:
        targets = []
        if isinstance(st, ast.Assign):
            targets = st.targets
        elif isinstance(st, ast.AnnAssign) and st.value is not None:
            targets = [st.target]
        for t in targets:
            for n in ast.walk(t):
                if isinstance(n, ast.Name):
                    seen[n.id] = seen.get(n.id, 0) + 1
        if len(targets) == 1 and isinstance(targets[0], ast.Name) and isinstance(st.value, ast.Call) \
                and ctx.is_ref(st.value.func, SERVER):
            out[targets[0].id] = st
    return {k: v for k, v in out.items() if seen.get(k) == 1}


def handler_plan(ctx) -> Dict[int, Handler]:
    cached = getattr(ctx, "_low_plan", None)
    if cached is not None:
        return cached
    plan: Dict[int, Handler] = {}
    srv = servers(ctx)
    by_server: Dict[str, List[Tuple[ast.AST, ast.expr]]] = {}
    found = ctx.decorated_by(SERVER, *DECORATORS)
    for fn, dec in found:
        f = dec.func if isinstance(dec, ast.Call) else dec
        key = f.value.id if isinstance(f.value, ast.Name) else None
        by_server.setdefault(key, []).append((fn, dec))
    for key, items in by_server.items():
        st = srv.get(key) if key else None
        movable = st is not None and _movable(ctx, st, key, items)
        for fn, dec in items:
            f = dec.func if isinstance(dec, ast.Call) else dec
            kind = KINDS[f.attr]
            why = ""
            if not movable:
                why = "the `Server(...)` construction cannot be moved below the handlers automatically"
            else:
                why = _signature_problem(ctx, fn, dec, kind)
            rewrite = not why
            plan[id(fn)] = Handler(fn, dec, f.attr, kind, st if movable else None, rewrite, why,
                                   bool(wrappable_returns(ctx, fn, kind)[0]))
    ctx._low_plan = plan
    return plan


def _movable(ctx, st: ast.stmt, name: str, items) -> bool:
    body = ctx.tree.body
    if whole_lines(ctx, st) is None:
        return False
    fns = {id(fn) for fn, _ in items}
    decs = {id(d) for _, d in items}
    if any(fn not in body for fn, _ in items):
        return False
    if any(isinstance(d, ast.Call) and d.args for _, d in items):
        return False
    idx = body.index(st)
    last = max(body.index(fn) for fn, _ in items)
    if any(body.index(fn) < idx for fn, _ in items):
        return False
    for node in body[idx + 1:last + 1]:
        if id(node) in fns:
            loaded = [d for d in node.decorator_list if id(d) not in decs]
            loaded += list(node.args.defaults) + [d for d in node.args.kw_defaults if d is not None]
            if any(name in names_in(x) for x in loaded):
                return False
            continue
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            loaded = list(node.decorator_list) + list(node.args.defaults)
            if any(name in names_in(x) for x in loaded):
                return False
            continue
        if name in names_in(node):
            return False
    return True


def _signature_problem(ctx, fn, dec, kind: Kind) -> str:
    if not isinstance(fn, ast.AsyncFunctionDef):
        return "the handler is not an `async def`"
    a = fn.args
    if a.posonlyargs or a.vararg or a.kwarg or a.kwonlyargs or a.defaults:
        return "the handler's parameter list is unusual"
    if len(a.args) > len(kind.fields):
        return "the handler takes the v1 request object; read `params` instead"
    if {"ctx", "params"} & (names_in(fn) | {x.arg for x in a.args}):
        return "the handler already uses the names `ctx`/`params`"
    if fn.body[0].lineno == fn.lineno:
        return "the handler body shares the `def` line"
    if paren_span(ctx, fn) is None:
        return "the parameter list could not be located"
    return ""


def own_returns(fn) -> List[ast.Return]:
    """`return` statements of `fn` itself (not of nested functions/classes)."""
    out = []
    stack = list(fn.body)
    while stack:
        n = stack.pop()
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        if isinstance(n, ast.Return):
            out.append(n)
        stack.extend(ast.iter_child_nodes(n))
    return sorted(out, key=lambda r: (r.lineno, r.col_offset))


def is_list_expr(ctx, e) -> bool:
    if isinstance(e, (ast.List, ast.ListComp)):
        return True
    return isinstance(e, ast.Call) and isinstance(e.func, ast.Name) and e.func.id == "list" \
        and ctx.resolve(e.func) is None


def wrappable_returns(ctx, fn, kind: Kind):
    """(returns to wrap, returns that need a person) for the handler's v1 return shapes."""
    wrap, hand = [], []
    if not (kind.list_field or kind.kwarg == "on_call_tool"):
        return wrap, hand
    result_cls = "mcp.types." + kind.result
    for r in own_returns(fn):
        v = r.value
        if v is not None and isinstance(v, ast.Call) and ctx.is_ref(v.func, result_cls):
            continue
        if v is not None and is_list_expr(ctx, v):
            wrap.append(r)
        else:
            hand.append(r)
    return wrap, hand


def keyword_only_edits(ctx, call: ast.Call) -> Optional[List[Edit]]:
    """Edits naming `Server(...)`'s positional arguments after `name`; None when unsure."""
    extra = call.args[1:]
    if any(isinstance(a, ast.Starred) for a in call.args) or len(extra) > len(SERVER_V1_ARGS):
        return None
    return [ctx.insert(ctx.span(a)[0], SERVER_V1_ARGS[i] + "=") for i, a in enumerate(extra)]


def local_apply(text: str, base: int, edits: List[Edit]) -> str:
    for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        text = text[: e.start - base] + e.text + text[e.end - base:]
    return text


def unbound(ctx, node) -> bool:
    """A bare Name the file never binds (guide-style fragments): no import, def or assignment."""
    if not isinstance(node, ast.Name) or ctx.resolver.binding(node) is not None:
        return False
    return not any(a.name == "*" for imp in ctx.walk(ast.ImportFrom) for a in imp.names)
