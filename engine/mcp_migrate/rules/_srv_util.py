"""Shared helpers for the SRV (MCPServer, formerly FastMCP) rules.

Rules see the original v1 text, so every name here is the v1 spelling; SRV001 renames in the same run.
"""

import ast
from typing import List, Optional, Tuple

CLS = "mcp.server.fastmcp.FastMCP"
CTX = "mcp.server.fastmcp.Context"
HANDLER_KINDS = ("tool", "resource", "prompt")

# v1 `FastMCP.__init__` positional order (after `self`); v2 inserted title/description/version.
V1_POSITIONAL = ("name", "instructions", "website_url", "icons", "auth_server_provider",
                 "token_verifier", "event_store", "retry_interval")


def handlers(ctx, *kinds) -> List[Tuple[ast.AST, ast.expr, str]]:
    """(def, decorator, kind) for `@mcp.tool()` / `@mcp.resource(...)` / `@mcp.prompt()` handlers."""
    out = []
    for d, dec in ctx.decorated_by(CLS, *(kinds or HANDLER_KINDS)):
        f = dec.func if isinstance(dec, ast.Call) else dec
        out.append((d, dec, f.attr))
    return out


def object_key(ctx, expr) -> Optional[tuple]:
    """Identity of the object an expression names: its binding statement, or the dotted target."""
    from ..resolver import dotted

    if isinstance(expr, ast.Call):
        return ("call", id(expr))
    if isinstance(expr, ast.Name):
        b = ctx.resolver.binding(expr)
        return ("node", id(b.node)) if b is not None else None
    key = dotted(expr)
    return ("attr", key) if key else None


def ctor_key(ctx, call: ast.Call) -> Optional[tuple]:
    """Identity of the object a constructor call creates (`mcp = FastMCP(...)`, `self.mcp = ...`)."""
    from ..resolver import dotted

    stmt = ctx.parent(call)
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
        target = stmt.targets[0]
    elif isinstance(stmt, ast.AnnAssign):
        target = stmt.target
    else:
        parent = stmt
        # `FastMCP("x").run()`: the call is its own receiver.
        if isinstance(parent, ast.Attribute):
            return ("call", id(call))
        return None
    if isinstance(target, ast.Name):
        return ("node", id(stmt))
    key = dotted(target)
    return ("attr", key) if key else None


def same_object_calls(ctx, ctor: ast.Call, *methods: str) -> List[ast.Call]:
    """`x.m(...)` calls (m in methods) on the very object `ctor` created."""
    key = ctor_key(ctx, ctor)
    if key is None:
        return []
    return [c for c in ctx.method_calls(CLS, *methods) if object_key(ctx, c.func.value) == key]


def has_star(call: ast.Call) -> bool:
    return any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords)


def is_unbound(ctx, node: ast.Name) -> bool:
    """A bare name the file never binds (a guide fragment): no import, no assignment, no star import."""
    if not isinstance(node, ast.Name) or ctx.resolver.binding(node) is not None:
        return False
    return not any(isinstance(i, ast.ImportFrom) and any(a.name == "*" for a in i.names) for i in ctx.imports())


def fragment_receiver(ctx, expr) -> bool:
    """`mcp.x` in a snippet that never defines `mcp`: treated as the server only for manual findings."""
    return isinstance(expr, ast.Name) and expr.id == "mcp" and is_unbound(ctx, expr)


def insert_first_arg(ctx, call: ast.Call, text: str):
    """Edit inserting `text` as the call's first argument."""
    from ..edits import Edit

    items = sorted(list(call.args) + list(call.keywords), key=lambda n: (n.lineno, n.col_offset))
    if items:
        s = ctx.span(items[0])[0]
        return Edit(s, s, text + ", ")
    s, e = ctx.span(call)
    if ctx.text[e - 1:e] != ")":
        return None
    return Edit(e - 1, e - 1, text)


def enclosing_def(ctx, node) -> Optional[ast.AST]:
    n = ctx.parent(node)
    while n is not None and not isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
        n = ctx.parent(n)
    return n


def context_name(ctx):
    """(local name for the SDK `Context`, import edit or None), or (None, None) if `Context` is taken."""
    from ..resolver import canonical

    want = canonical(CTX)
    for node in ctx.tree.body:
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for a in node.names:
                if canonical(node.module + "." + a.name) == want:
                    return a.asname or a.name, None
    b = ctx.resolver._lookup("Context", ctx.tree, len(ctx.text))
    if b is not None:
        return None, None
    # Written in the v2 spelling: SRV001 only sees the original text.
    return "Context", ctx.add_import("mcp.server.mcpserver", "Context")


def add_param(ctx, fn, text: str):
    """Edit appending parameter `text` to a plain signature (no defaults, *args, kw-only, **kwargs)."""
    import re

    a = fn.args
    if a.vararg or a.kwarg or a.kwonlyargs or a.defaults or a.posonlyargs:
        return None
    if a.args:
        end = ctx.span(a.args[-1])[1]
        return ctx.insert(end, ", " + text)
    s, e = ctx.span(fn)
    m = re.compile(r"(?:async\s+)?def\s+\w+\s*\(\s*\)").match(ctx.text, s, e)
    if not m:
        return None
    return ctx.insert(m.end() - 1, text)


def context_params(ctx, fn) -> List[str]:
    """Names of `fn`'s parameters annotated with the SDK `Context`."""
    a = fn.args
    out = []
    for p in a.posonlyargs + a.args + a.kwonlyargs:
        ann = p.annotation
        if isinstance(ann, ast.Subscript):
            ann = ann.value
        if isinstance(ann, (ast.Name, ast.Attribute)) and ctx.is_ref(ann, CTX):
            out.append(p.arg)
    return out


def body_nodes(fn):
    """Nodes in a function body, not descending into nested functions, lambdas or classes."""
    scopes = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
    stack = [n for n in fn.body if not isinstance(n, scopes)]
    while stack:
        node = stack.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if not isinstance(child, scopes):
                stack.append(child)


def is_context(ctx, expr) -> bool:
    """`expr` is the handler `Context`: an annotated parameter, or a v1 `mcp.get_context()` result."""
    if ctx.is_instance(expr, CTX):
        return True
    if isinstance(expr, ast.Name):
        b = ctx.resolver.binding(expr)
        if b is not None and isinstance(b.node, (ast.Assign, ast.AnnAssign)):
            expr = b.node.value
    return isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) \
        and expr.func.attr == "get_context" and ctx.is_instance(expr.func.value, CLS)


def context_attrs(ctx, *attrs) -> List[ast.Attribute]:
    """`c.a` attribute nodes (a in attrs) where `c` is the handler `Context`."""
    return [n for n in ctx.walk(ast.Attribute) if n.attr in attrs and is_context(ctx, n.value)]


def context_calls(ctx, *methods) -> List[ast.Call]:
    """`c.m(...)` calls (m in methods) where `c` is the handler `Context`."""
    return [c for c in ctx.walk(ast.Call) if isinstance(c.func, ast.Attribute) and c.func.attr in methods
            and is_context(ctx, c.func.value)]
