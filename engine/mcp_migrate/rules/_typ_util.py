"""Shared by the TYP / CLT / TST rules: which expressions hold v1 MCP protocol objects, how sure we
are, and small import edits the framework does not offer.

Confidence is "safe" when every step is shown by the file (imports, constructors, annotations,
`ClientSession` instances) and "review" when one step is a guess (a `session.call_tool(...)` on a
receiver the file never binds, typical of snippets and of sessions passed in from elsewhere).
"""

import ast
from typing import List, Optional, Tuple

from ..edits import Edit
from ..pyedits import from_module_span
from ._typ_fields import CAMEL, FIELDS

TYPES = "mcp.types."
SESSION = "mcp.client.session.ClientSession"
GROUP = "mcp.client.session_group.ClientSessionGroup"
SERVER_SESSION = "mcp.server.session.ServerSession"

# What v1 session methods return (the JSON has no return types).
RETURNS = {
    "call_tool": "CallToolResult",
    "list_tools": "ListToolsResult",
    "list_resources": "ListResourcesResult",
    "list_resource_templates": "ListResourceTemplatesResult",
    "list_prompts": "ListPromptsResult",
    "read_resource": "ReadResourceResult",
    "get_prompt": "GetPromptResult",
    "initialize": "InitializeResult",
    "complete": "CompleteResult",
    "create_message": "CreateMessageResult",
    "elicit": "ElicitResult",
    "list_roots": "ListRootsResult",
}
FIELD_NAMES = {f for fs in FIELDS.values() for f in fs}
RANK = {"safe": 0, "review": 1}


def worst(*levels: Optional[str]) -> Optional[str]:
    if any(lv is None for lv in levels):
        return None
    return max(levels, key=lambda lv: RANK[lv])


def type_name(qualname: Optional[str]) -> Optional[str]:
    """`mcp.types.Tool` -> `Tool` when it is a v1 protocol model, else None."""
    if qualname and qualname.startswith(TYPES) and qualname[len(TYPES):] in FIELDS:
        return qualname[len(TYPES):]
    return None


def is_unbound(ctx, expr: ast.AST) -> bool:
    """A receiver the file says nothing about: a free name, an unannotated parameter, or an
    attribute chain on one of those (`self.session` never assigned in this file)."""
    root = expr
    while isinstance(root, ast.Attribute):
        root = root.value
    if not isinstance(root, ast.Name):
        return False
    if ctx.instance_of(expr) is not None or ctx.resolve(expr) is not None:
        return False
    if expr is not root:
        from ..resolver import dotted
        key = dotted(expr)
        if key and key in ctx.resolver._attr_bindings:
            return False
        return root.id == "self" or is_unbound(ctx, root)
    b = ctx.resolver.binding(root)
    if b is None:
        return True
    return isinstance(b.node, ast.arg) and b.node.annotation is None


def receiver_level(ctx, expr: ast.AST, *classes: str) -> Optional[str]:
    """"safe" when `expr` is an instance of one of `classes`, "review" when the file cannot tell."""
    if ctx.is_instance(expr, *classes):
        return "safe"
    ctx_managed = _context_managed_class(ctx, expr)
    if ctx_managed is not None:
        from ..resolver import canonical
        return "safe" if ctx_managed in {canonical(c) for c in classes} else None
    return "review" if is_unbound(ctx, expr) else None


def _context_managed_class(ctx, expr: ast.AST) -> Optional[str]:
    """`s = await stack.enter_async_context(ClientSession(r, w))` -> the ClientSession class."""
    if not isinstance(expr, ast.Name):
        return None
    b = ctx.resolver.binding(expr)
    if b is None or b.how != "call" or b.expr is None:
        return None
    value = b.expr.value if isinstance(b.expr, ast.Await) else b.expr
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) \
            and value.func.attr in ("enter_async_context", "enter_context") and len(value.args) == 1:
        return ctx.instance_of(value.args[0])
    return None


def mcp_value(ctx, expr: ast.AST, depth: int = 0) -> Tuple[Optional[str], Optional[str]]:
    """(v1 type name or "?" when only known to be some MCP model, level) for an expression holding
    an MCP protocol object, else (None, None)."""
    if depth > 12:
        return None, None
    if isinstance(expr, ast.Await):
        expr = expr.value
    if isinstance(expr, ast.Call):
        name = type_name(ctx.resolve(expr.func))
        if name:
            return name, "safe"
        f = expr.func
        if isinstance(f, ast.Attribute) and f.attr in RETURNS:
            level = receiver_level(ctx, f.value, SESSION, GROUP, SERVER_SESSION)
            if level:
                return RETURNS[f.attr], level
        return None, None
    if isinstance(expr, ast.Attribute):
        if expr.attr not in FIELD_NAMES:
            return None, None
        _, level = mcp_value(ctx, expr.value, depth + 1)
        return ("?", level) if level else (None, None)
    if isinstance(expr, ast.Subscript):
        _, level = mcp_value(ctx, expr.value, depth + 1)
        return ("?", level) if level else (None, None)
    if isinstance(expr, ast.Name):
        name = type_name(ctx.instance_of(expr))
        if name:
            return name, "safe"
        b = ctx.resolver.binding(expr)
        if b is None:
            return None, None
        if b.how == "call" and b.expr is not None and b.expr is not expr:
            return mcp_value(ctx, b.expr, depth + 1)
        loop = b.node
        if isinstance(loop, (ast.For, ast.AsyncFor, ast.comprehension)) and isinstance(loop.target, ast.Name) \
                and loop.target.id == expr.id:
            _, level = mcp_value(ctx, loop.iter, depth + 1)
            return ("?", level) if level else (None, None)
    return None, None


def imports_mcp(ctx) -> bool:
    """The file imports the SDK (so MCP-looking attribute names are probably MCP's)."""
    for node in ctx.imports():
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "mcp" or node.module.startswith("mcp."):
                return True
        elif isinstance(node, ast.Import):
            if any(a.name == "mcp" or a.name.startswith("mcp.") for a in node.names):
                return True
    return False


def alias_removal(ctx, node: ast.ImportFrom, alias: ast.alias) -> Optional[Edit]:
    """Edit deleting one name from a `from x import a, b` list (None when it is the only one)."""
    names = node.names
    if len(names) < 2:
        return None
    i = names.index(alias)
    if i + 1 < len(names):
        return Edit(ctx.span(alias)[0], ctx.span(names[i + 1])[0], "")
    return Edit(ctx.span(names[i - 1])[1], ctx.span(alias)[1], "")


def import_of(ctx, alias: ast.alias) -> Optional[ast.ImportFrom]:
    parent = ctx.parent(alias)
    return parent if isinstance(parent, ast.ImportFrom) else None


def move_import_alias(ctx, alias: ast.alias, module: str, new_name: Optional[str] = None) -> Optional[List[Edit]]:
    """Edits moving `from old import name [as x]` to `from module import new_name [as x]`:
    rewrite the module path when the name is alone, else drop it and add a new import line."""
    node = import_of(ctx, alias)
    if node is None:
        return None
    name = new_name or alias.name
    if len(node.names) == 1:
        span = from_module_span(ctx, node)
        if span is None:
            return None
        edits = [Edit(span[0], span[1], module)]
        if name != alias.name:
            nspan = ctx.name_span(alias)
            if nspan is None:
                return None
            edits.append(Edit(nspan[0], nspan[1], name))
        return edits
    if alias.asname:
        return None  # add_import cannot write `as` clauses
    removal = alias_removal(ctx, node, alias)
    addition = ctx.add_import(module, name)
    if removal is None:
        return None
    return [removal] + ([addition] if addition else [])


def camel_to_snake(name: str) -> Optional[str]:
    return CAMEL.get(name)


def import_aliases(ctx, qualname: str) -> List[ast.alias]:
    """`from m import name [as x]` aliases whose import resolves to `qualname` (canonical)."""
    from ..resolver import canonical
    want = canonical(qualname)
    out = []
    for node in ctx.imports():
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for a in node.names:
                if canonical(node.module + "." + a.name) == want:
                    out.append(a)
    return out


def drop_import_alias(ctx, alias: ast.alias) -> Optional[Edit]:
    """Delete a name from its import; the whole line when it is the statement's only name."""
    node = import_of(ctx, alias)
    if node is None:
        return None
    if len(node.names) > 1:
        return alias_removal(ctx, node, alias)
    if ctx.parent(node) is not ctx.tree:
        return None
    start = ctx.index.line_start(node.lineno)
    s, e = ctx.span(node)
    if ctx.text[start:s].strip():
        return None
    end = ctx.index.line_start(node.end_lineno + 1) if node.end_lineno < ctx.index.line_count else len(ctx.text)
    if ctx.text[e:end].strip():
        return None
    return Edit(start, end, "")


def inline_name(ctx, qualname: str, text: str, message: str) -> bool:
    """Replace every reference to an SDK name with `text` and drop its imports (one finding)."""
    refs = ctx.references(qualname)
    aliases = import_aliases(ctx, qualname)
    if not refs and not aliases:
        return False
    edits = [ctx.replace(r, text) for r in refs]
    target = aliases[0] if aliases else refs[0]
    for a in aliases:
        e = drop_import_alias(ctx, a)
        if e is None:
            ctx.manual(a, message)
            return True
        edits.append(e)
    ctx.fix(ctx.statement_of(import_of(ctx, target)) if aliases else target, message, edits)
    return True


def shared_import(ctx, module: str, names) -> Optional[Edit]:
    """One `from module import a, b` edit for all `names` a rule needs, carried by every finding of
    the rule (duplicates are applied once). The runner also merges separate `add_import` insertions
    at one point, so a single name needs no helper: use `ctx.add_import(module, name)`."""
    missing = []
    for name in dict.fromkeys(names):
        if ctx.add_import(module, name) is not None:
            missing.append(name)
    return ctx.add_import(module, ", ".join(missing)) if missing else None
