"""The transport settings v2 removed from `FastMCP(...)` and `mcp.settings`, where each v2 call takes
them, and how one file uses them on a server it defines or imports.

SRV007 moves them; the project index (`file_facts`) summarises each file's uses so that every file
of a project makes the same decision about a server several modules share.
"""

import ast
from typing import List, NamedTuple, Optional, Tuple

from .sdk import TRANSPORT_ACCEPTS as ACCEPTS
from .sdk import TRANSPORT_DESTINATIONS as DESTINATIONS
from .sdk import TRANSPORT_SETTINGS as MOVED

LITERALS = ("typing.Literal", "typing_extensions.Literal")


def accepts(resolver, dest: ast.Call) -> Optional[Tuple[str, ...]]:
    """Parameters a destination call takes, or None when its transport is not known.
    (`transport: Literal["sse", "streamable-http"]`: v2's overloads take what every one of them takes.)"""
    options = transport_options(resolver, dest)
    if options is None:
        return None
    return tuple(p for p in options[0] if all(p in o for o in options))


def transport_options(resolver, dest: ast.Call) -> Optional[List[Tuple[str, ...]]]:
    """The parameters each transport a destination call may run takes; None when the file does not
    say which transports those are."""
    method = dest.func.attr
    if method != "run":
        return [ACCEPTS[method]]
    kw = next((k for k in dest.keywords if k.arg == "transport"), None)
    node = kw.value if kw is not None else (dest.args[0] if dest.args else None)
    if node is None:
        return [ACCEPTS[("run", "stdio")]]
    values = _transports(resolver, node)
    if not values or any(("run", v) not in ACCEPTS for v in values):
        return None
    return [ACCEPTS[("run", v)] for v in values]


def _transports(resolver, node):
    """The transport names a `run()` argument can be: a string, or a parameter annotated with a `Literal`
    of strings; None when the file does not say (v2's typed overloads accept no keyword for those)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    binding = resolver.binding(node) if isinstance(node, ast.Name) else None
    ann = binding.expr if binding is not None and binding.how == "annotation" else None
    if not (isinstance(ann, ast.Subscript) and resolver.resolve(ann.value) in LITERALS):
        return None
    items = ann.slice.elts if isinstance(ann.slice, ast.Tuple) else [ann.slice]
    if not all(isinstance(i, ast.Constant) and isinstance(i.value, str) for i in items):
        return None
    return [i.value for i in items]


class ServerUses(NamedTuple):
    """What one file does with a server through one binding of its name."""

    settings: List[ast.Attribute]  # `<server>.settings.port` (or `<alias>.port`), read or plainly assigned
    destinations: List[ast.Call]  # `<server>.run(...)`, `.sse_app(...)`, ...
    ok: bool  # False: the server or its settings go somewhere this file cannot follow
    aliases: List[ast.Assign]  # `settings = mcp.settings` used for removed settings only: dead once they move


def server_uses(resolver, loads: List[ast.Name]) -> ServerUses:
    """The uses of a server through the Name loads of one binding of it (its import alias or its
    assignment). Handing the server to the SDK (`Client(mcp)`) is fine; handing it or its settings to
    anything else, or writing a setting other than by plain assignment, is not."""
    settings, dests, aliases, ok = [], [], [], True
    for name in loads:
        parent = resolver.parent(name)
        if isinstance(parent, ast.Attribute) and parent.value is name:
            above = resolver.parent(parent)
            if parent.attr == "settings":
                ok &= _settings_object(resolver, parent, above, settings, aliases)
            elif parent.attr in DESTINATIONS and isinstance(above, ast.Call) and above.func is parent:
                dests.append(above)
                ok &= not any(isinstance(a, ast.Starred) for a in above.args)
                ok &= not any(k.arg is None or k.arg in MOVED for k in above.keywords)
        elif isinstance(parent, ast.Call) and parent.func is not name:
            ok &= (resolver.resolve(parent.func) or "").split(".")[0] == "mcp"
        elif isinstance(parent, ast.keyword) and isinstance(resolver.parent(parent), ast.Call):
            ok &= (resolver.resolve(resolver.parent(parent).func) or "").split(".")[0] == "mcp"
        else:
            ok = False
    return ServerUses(settings, dests, ok, aliases)


def _settings_object(resolver, node: ast.Attribute, above, out: List[ast.Attribute], aliases: List[ast.Assign]) -> bool:
    """`<server>.settings` used as `.field` or kept in a local (`settings = mcp.settings`)."""
    if isinstance(above, ast.Attribute) and above.value is node:
        return _setting(resolver, above, out)
    if isinstance(above, ast.Assign) and above.value is node and len(above.targets) == 1:
        target = above.targets[0]
        if not isinstance(target, ast.Name):
            return False
        scope = resolver.scope_of.get(id(target), resolver.tree)
        found = len(out)
        kept = False  # read for a field v2 still has (`settings.debug`)
        for n in resolver.nodes:
            if isinstance(n, ast.Name) and n.id == target.id and n is not target:
                b = resolver.binding(n)
                if b is None or b.node is not above:
                    if resolver.scope_of.get(id(n), resolver.tree) is scope:
                        return False  # rebound: which object a read sees is not plain
                    continue
                attr = resolver.parent(n)
                if not (isinstance(attr, ast.Attribute) and attr.value is n and _setting(resolver, attr, out)):
                    return False
                kept |= attr.attr not in MOVED
        if not kept and len(out) > found:
            aliases.append(above)
        return True
    return False


def _setting(resolver, attr: ast.Attribute, out: List[ast.Attribute]) -> bool:
    if attr.attr not in MOVED:
        return True
    if isinstance(attr.ctx, ast.Load):
        out.append(attr)
        return True
    stmt, target = resolver.parent(attr), attr
    if isinstance(stmt, ast.Tuple):  # `mcp.settings.host, mcp.settings.port = saved`
        stmt, target = resolver.parent(stmt), stmt
    if isinstance(attr.ctx, ast.Store) and isinstance(stmt, ast.Assign) and stmt.targets == [target]:
        out.append(attr)
        return True
    return False


def later_destination(resolver, stmt: ast.stmt, owner: ast.AST, name: str) -> Optional[ast.Call]:
    """The first `owner.run...()` / app call after `stmt` in its block when it takes `name` and the
    statements in between are simple ones that do not read the server's settings (so the value
    `stmt` assigns to `owner.settings.<name>` may move into that call), else None."""
    parent = resolver.parent(stmt) or resolver.tree
    block = next(
        (
            b
            for b in (getattr(parent, f, None) for f in ("body", "orelse", "finalbody"))
            if isinstance(b, list) and stmt in b
        ),
        None,
    )
    if block is None:
        return None
    key = ast.dump(owner)
    for later in block[block.index(stmt) + 1 :]:
        if not isinstance(later, (ast.Expr, ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Return)):
            return None
        calls = [
            c
            for c in ast.walk(later)
            if isinstance(c, ast.Call)
            and isinstance(c.func, ast.Attribute)
            and c.func.attr in DESTINATIONS
            and ast.dump(c.func.value) == key
        ]
        if calls:
            dest = calls[0]
            takes = accepts(resolver, dest)
            starred = any(isinstance(a, ast.Starred) for a in dest.args)
            ok = takes is not None and name in takes and not starred
            return dest if ok and not any(k.arg in (name, None) for k in dest.keywords) else None
        reads = later.value if _sets_setting(later, key) else later  # another setting: fine
        if any(
            isinstance(n, ast.Attribute) and n.attr == "settings" and ast.dump(n.value) == key for n in ast.walk(reads)
        ):
            return None
    return None


def fold_destination(resolver, attr: ast.Attribute) -> Optional[ast.Call]:
    """`mcp.settings.port = 9000` right before `mcp.run("sse")`: the call SRV007 moves the value into."""
    stmt = resolver.parent(attr)
    if (
        isinstance(attr.ctx, ast.Store)
        and attr.attr in MOVED
        and isinstance(attr.value, ast.Attribute)
        and attr.value.attr == "settings"
        and isinstance(stmt, ast.Assign)
        and stmt.targets == [attr]
        and simple(stmt.value)
    ):
        return later_destination(resolver, stmt, attr.value.value, attr.attr)
    return None


def _sets_setting(stmt, key: str) -> bool:
    """`<key>.settings.<field> = value`"""
    if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1):
        return False
    t = stmt.targets[0]
    return (
        isinstance(t, ast.Attribute)
        and isinstance(t.value, ast.Attribute)
        and t.value.attr == "settings"
        and ast.dump(t.value.value) == key
    )


def simple(value: ast.AST) -> bool:
    """A constant or a (dotted) name, possibly negated: safe to move or repeat."""
    if isinstance(value, ast.UnaryOp):
        value = value.operand
    while isinstance(value, ast.Attribute):
        value = value.value
    return isinstance(value, (ast.Constant, ast.Name))
