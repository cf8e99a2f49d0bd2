"""Helpers shared by the AUT, PRO, DPR, ERA and PKG1xx rules.

Three jobs the framework does not do itself:
- `sdk_calls`: calls of an SDK callable, plus calls of the bare name when the file never binds it
  (a guide fragment without its import line); those fragments only ever get manual findings.
- `advise`: a report-only finding (no edit, no marker) for code that keeps working in v2 but
  behaves differently on some connections; a marker there would be noise in working code.
- `session_calls`: `ctx.session.m()` / `session.m()` calls on a v1 `ServerSession`, reached
  through an MCPServer `Context`, the lowlevel `request_context`, or a session variable.
"""

import ast
from typing import Iterable, List, Optional, Tuple

FASTMCP_CONTEXT = "mcp.server.fastmcp.Context"
SERVER_SESSION = "mcp.server.session.ServerSession"
LOWLEVEL_SERVER = "mcp.server.lowlevel.Server"
FASTMCP = "mcp.server.fastmcp.FastMCP"
HANDLER_DECORATORS = ("tool", "resource", "prompt")


def has_foreign_star_import(ctx) -> bool:
    return any(isinstance(n, ast.ImportFrom) and any(a.name == "*" for a in n.names)
               and not (n.level == 0 and (n.module or "").split(".")[0] == "mcp")
               for n in ctx.imports())


def is_unbound(ctx, node: ast.AST) -> bool:
    """A bare Name the file never binds: a fragment that lost its import line."""
    return isinstance(node, ast.Name) and ctx.resolver.binding(node) is None \
        and not has_foreign_star_import(ctx)


def sdk_calls(ctx, qualname: str) -> List[Tuple[ast.Call, bool]]:
    """(call, resolved) for calls of the SDK name; resolved=False for an unbound bare name."""
    last = qualname.rpartition(".")[2]
    resolved = {id(c) for c in ctx.calls(qualname)}  # indexed per file
    out = []
    for c in ctx.walk(ast.Call):
        if id(c) in resolved:
            out.append((c, True))
        elif isinstance(c.func, ast.Name) and c.func.id == last and is_unbound(ctx, c.func):
            out.append((c, False))
    return out


def advise(ctx, target, message: str):
    """Report without editing and without a marker (see the module docstring)."""
    return ctx.advise(target, message)


def imported_from(ctx, *prefixes: str) -> bool:
    """The file imports something from one of these module prefixes."""
    for n in ctx.imports():
        mods = [a.name for a in n.names] if isinstance(n, ast.Import) else \
            ([n.module] if n.level == 0 and n.module else [])
        for m in mods:
            if any(m == p or m.startswith(p + ".") for p in prefixes):
                return True
    return False


def const_str(node: Optional[ast.AST]) -> Optional[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def keyword_value(call: ast.Call, name: str) -> Optional[ast.AST]:
    for k in call.keywords:
        if k.arg == name:
            return k.value
    return None


def has_star_kwargs(call: ast.Call) -> bool:
    return any(k.arg is None for k in call.keywords) or any(isinstance(a, ast.Starred) for a in call.args)


# ---- MCPServer handler context -------------------------------------------------------------
def _enclosing_function(ctx, node: ast.AST):
    p = ctx.parent(node)
    while p is not None and not isinstance(p, (ast.FunctionDef, ast.AsyncFunctionDef)):
        p = ctx.parent(p)
    return p


def _is_handler(ctx, fn) -> bool:
    """Decorated `@x.tool()` / `@x.resource(...)` / `@x.prompt()` with x a FastMCP or unbound."""
    for dec in fn.decorator_list:
        f = dec.func if isinstance(dec, ast.Call) else dec
        if isinstance(f, ast.Attribute) and f.attr in HANDLER_DECORATORS:
            if ctx.is_instance(f.value, FASTMCP) or is_unbound(ctx, f.value):
                return True
    return False


def is_mcpserver_context(ctx, expr: ast.AST) -> bool:
    """`expr` is a v1 MCPServer `Context`: resolved, or an unbound `Context` annotation in a handler."""
    if ctx.is_instance(expr, FASTMCP_CONTEXT):
        return True
    if not isinstance(expr, ast.Name):
        return False
    fn = _enclosing_function(ctx, expr)
    if fn is None or not _is_handler(ctx, fn):
        return False
    a = fn.args
    for arg in a.posonlyargs + a.args + a.kwonlyargs:
        ann = arg.annotation
        if isinstance(ann, ast.Subscript):
            ann = ann.value
        if arg.arg == expr.id and isinstance(ann, ast.Name) and ann.id == "Context" and is_unbound(ctx, ann):
            return True
    return False


def is_server_session(ctx, expr: ast.AST) -> bool:
    """`ctx.session`, `server.request_context.session`, or a variable typed `ServerSession`."""
    if ctx.is_instance(expr, SERVER_SESSION):
        return True
    if isinstance(expr, ast.Attribute) and expr.attr == "session":
        base = expr.value
        if is_mcpserver_context(ctx, base):
            return True
        if isinstance(base, ast.Attribute) and base.attr == "request_context":
            owner = base.value
            if ctx.is_instance(owner, LOWLEVEL_SERVER) or is_mcpserver_context(ctx, owner):
                return True
            if isinstance(owner, ast.Attribute) and owner.attr == "_mcp_server" \
                    and ctx.is_instance(owner.value, FASTMCP):
                return True
    return False


def session_calls(ctx, methods: Iterable[str]) -> List[ast.Call]:
    methods = set(methods)
    return [c for c in ctx.walk(ast.Call)
            if isinstance(c.func, ast.Attribute) and c.func.attr in methods and is_server_session(ctx, c.func.value)]


def context_calls(ctx, methods: Iterable[str]) -> List[ast.Call]:
    """`ctx.m(...)` with ctx an MCPServer `Context`."""
    methods = set(methods)
    return [c for c in ctx.walk(ast.Call)
            if isinstance(c.func, ast.Attribute) and c.func.attr in methods and is_mcpserver_context(ctx, c.func.value)]


def constructor_calls(ctx, qualname: str) -> List[Tuple[ast.Call, bool]]:
    """`sdk_calls` plus `super().__init__(...)` in classes that subclass the SDK class."""
    out = sdk_calls(ctx, qualname)
    for cls in ctx.walk(ast.ClassDef):
        if not any(ctx.is_ref(b, qualname) for b in cls.bases):
            continue
        for c in ctx.walk(ast.Call):
            f = c.func
            if isinstance(f, ast.Attribute) and f.attr == "__init__" and isinstance(f.value, ast.Call) \
                    and isinstance(f.value.func, ast.Name) and f.value.func.id == "super" \
                    and _enclosing_class(ctx, c) is cls:
                out.append((c, True))
    return out


def _enclosing_class(ctx, node: ast.AST):
    p = ctx.parent(node)
    while p is not None and not isinstance(p, ast.ClassDef):
        p = ctx.parent(p)
    return p


def deprecated_use(ctx, node, what: str, sep: str):
    """Report-only: deprecated in v2 but working on 2025-11-25 and earlier connections."""
    advise(ctx, node, "%s is deprecated (%s) and emits `mcp.MCPDeprecationWarning`; it keeps working on "
                      "2025-11-25 and earlier connections, so no change is required: filter the warning "
                      "(fatal under pytest `filterwarnings = [\"error\"]`)" % (what, sep))


def method_label(call: ast.Call) -> str:
    return "`%s()`" % call.func.attr
