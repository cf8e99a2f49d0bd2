"""Map expressions to fully qualified SDK names through the file's own imports and assignments.

Scoping follows Python closely enough for migration work: function, lambda, class and
comprehension scopes; within a scope the binding closest before the use wins. Attribute-chain
targets (`self.server = Server(...)`) are tracked file-wide because they cross methods.
"""

import ast
from bisect import bisect_right
from functools import lru_cache
from operator import attrgetter
from typing import Dict, List, NamedTuple, Optional, Set, Tuple

from .sdk_types import CLASSES, FUNCTIONS
from .v1_aliases import ALIASES, MIXED, V2_SPELLINGS

FUNC_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
COMP_SCOPES = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


class Binding(NamedTuple):
    name: str
    pos: int
    kind: str  # "import" | "value" (maybe an SDK instance) | "other"
    target: Optional[str]  # import: the dotted name as written
    node: ast.AST
    # For "value" bindings: how to learn the class, resolved lazily once all imports are known.
    how: Optional[str] = None  # "call" | "annotation" | "except"
    expr: Optional[ast.AST] = None
    scope: Optional[ast.AST] = None


@lru_cache(maxsize=65536)
def canonical(qualname: Optional[str], v2_spellings: bool = False) -> Optional[str]:
    """Follow v1 re-exports to the defining module: `mcp.McpError` -> `mcp.shared.exceptions.McpError`;
    a half-migrated spelling (`mcp.server.mcpserver.FastMCP`) to its v1 name, and with v2_spellings
    a v2 one too (`mcp.server.mcpserver.MCPServer` -> v1's FastMCP)."""
    if not qualname:
        return qualname
    tables = (ALIASES, MIXED, V2_SPELLINGS) if v2_spellings else (ALIASES, MIXED)
    for _ in range(8):  # alias chains are short; the bound guards against cycles
        parts = qualname.split(".")
        for cut in range(len(parts), 1, -1):
            head = ".".join(parts[:cut])
            target = next((t[head] for t in tables if head in t), None)
            if target is not None:
                qualname = ".".join([target] + parts[cut:])
                break
        else:
            return qualname
    return qualname


def still_v1(import_targets) -> bool:
    """A file importing a v1 spelling of something v2 renamed, or a mixed one, is (half) v1: in it, v2
    spellings of renamed names stand for their v1 originals too, so the rules finish the file."""
    from .sdk import RENAMED_MODULES, RENAMED_NAMES

    old = tuple(RENAMED_MODULES)
    for t in import_targets:
        if t in old or t.startswith(tuple(m + "." for m in old)) or canonical(t) in RENAMED_NAMES:
            return True
        parts = t.split(".")
        if any(".".join(parts[:cut]) in MIXED for cut in range(2, len(parts) + 1)):
            return True
    return False


def dotted(expr: ast.AST) -> Optional[str]:
    """`a.b.c` -> "a.b.c" for pure Name/Attribute chains, else None."""
    parts = []
    while isinstance(expr, ast.Attribute):
        parts.append(expr.attr)
        expr = expr.value
    if isinstance(expr, ast.Name):
        parts.append(expr.id)
        return ".".join(reversed(parts))
    return None


_BINDERS = {
    ast.Import,
    ast.ImportFrom,
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
    ast.Lambda,
    ast.Assign,
    ast.AnnAssign,
    ast.AugAssign,
    ast.NamedExpr,
    ast.With,
    ast.AsyncWith,
    ast.For,
    ast.AsyncFor,
    ast.comprehension,
    ast.ExceptHandler,
    ast.MatchAs,
    ast.MatchStar,
    ast.MatchMapping,
}
_SCOPES = {ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef} | set(COMP_SCOPES)
# Context and operator singletons (Load, Store, Add, Eq, ...): never walked, never resolved.
_LEAF_TYPES = {
    t for base in (ast.expr_context, ast.operator, ast.boolop, ast.unaryop, ast.cmpop) for t in base.__subclasses__()
}

# Fields that only ever hold identifiers, numbers, flags or context/operator singletons (never a
# node to walk): skipping them does not change the walk. `name` is not here (TypeAlias.name is a node).
_SCALAR_FIELDS = frozenset(
    {
        "ctx",
        "op",
        "ops",
        "id",
        "attr",
        "arg",
        "asname",
        "module",
        "level",
        "kind",
        "conversion",
        "is_async",
        "simple",
        "type_comment",
        "tag",
        "lineno",
    }
)
_CHILD_FIELDS: Dict[type, Tuple[str, ...]] = {}


class Resolver:
    def __init__(self, tree: ast.Module, span_of, reexport=None):
        """`span_of(node)` gives a node's (start, end) str offsets, used to order bindings;
        `reexport(level, module, name)` the SDK name an import from the user's own modules binds, or None."""
        self.tree = tree
        self.span_of = span_of
        self._reexport = reexport
        self._class_cache: Dict[int, Optional[str]] = {}
        self._resolve_cache: Dict[int, Optional[str]] = {}
        self._instance_cache: Dict[int, Optional[str]] = {}
        # Names bound by some import anywhere: any other base name cannot resolve, which lets
        # the common case (files that never import the SDK) skip scope lookups entirely.
        self._import_names = set()
        self._import_targets: List[str] = []
        self._v2_spellings: Optional[bool] = None
        self.parents: Dict[int, ast.AST] = {}
        self.scope_of: Dict[int, ast.AST] = {}
        self.scope_parent: Dict[int, ast.AST] = {}
        self.nodes: List[ast.AST] = []
        self._bindings: Dict[Tuple[int, str], List[Binding]] = {}
        self._attr_bindings: Dict[str, List[Binding]] = {}
        self._class_imports = False  # some class body imports from the SDK (`self.Server`)
        self._sdk_import_names: Set[str] = set()
        self._index()

    # ---- indexing -------------------------------------------------------------------------
    def _index(self) -> None:
        tree = self.tree
        stack: List[Tuple[ast.AST, ast.AST]] = [(tree, tree)]
        self.scope_of[id(tree)] = tree
        nodes, scope_of, parents = self.nodes, self.scope_of, self.parents
        binders, scopes, skip = _BINDERS, _SCOPES, _LEAF_TYPES
        AST = ast.AST
        child_fields = _CHILD_FIELDS
        pop, push, add_node = stack.pop, stack.append, nodes.append
        collect, scope_parent, is_inner = self._collect_bindings, self.scope_parent, self._field_is_inner
        while stack:
            node, scope = pop()
            add_node(node)
            scope_of[id(node)] = scope
            t = type(node)
            if t in binders:
                collect(node, scope)
            fields = child_fields.get(t)
            if fields is None:
                fields = child_fields[t] = tuple(f for f in t._fields if f not in _SCALAR_FIELDS)
            if t in scopes:
                scope_parent[id(node)] = scope
                for field in fields:
                    value = getattr(node, field, None)
                    child_scope = node if is_inner(node, field) else scope
                    if type(value) is list:
                        for child in value:
                            if isinstance(child, AST) and type(child) not in skip:
                                parents[id(child)] = node
                                push((child, child_scope))
                    elif isinstance(value, AST) and type(value) not in skip:
                        parents[id(value)] = node
                        push((value, child_scope))
                continue
            for field in fields:
                value = getattr(node, field, None)
                if type(value) is list:
                    for child in value:
                        if isinstance(child, AST) and type(child) not in skip:
                            parents[id(child)] = node
                            push((child, scope))
                elif isinstance(value, AST) and type(value) not in skip:
                    parents[id(value)] = node
                    push((value, scope))
        self.nodes.sort(key=lambda n: (getattr(n, "lineno", 0), getattr(n, "col_offset", 0)))
        for lst in list(self._bindings.values()) + list(self._attr_bindings.values()):
            lst.sort(key=lambda b: b.pos)
        self._import_names |= self._alias_names()

    def _alias_names(self) -> Set[str]:
        """Names that may alias an SDK module (`types = self.types`, `t = mcp.types`), and `self` when
        a method stores one on it (`self.types = mcp.types`: the SDK as an optional dependency,
        imported in `__init__`) or a class body imports from the SDK (`self.Server`). Only a candidate
        list for the cheap checks before resolving: `_alias` and `_self_alias` decide."""
        imported = self._sdk_import_names
        if not imported:
            return set()
        on_self = self._class_imports or any(
            isinstance(b.node, ast.Assign) and _root(b.expr) in imported
            for key, lst in self._attr_bindings.items()
            if key.startswith("self.") and key.count(".") == 1
            for b in lst
        )
        names = {"self"} if on_self else set()
        for lst in self._bindings.values():
            for b in lst:
                if _is_alias(b) and (_root(b.expr) in imported or (on_self and _root(b.expr) == "self")):
                    names.add(b.name)
        return names

    @staticmethod
    def _field_is_inner(node: ast.AST, field: str) -> bool:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return field in ("body", "args")
        if isinstance(node, ast.Lambda):
            return field in ("body", "args")
        if isinstance(node, ast.ClassDef):
            return field == "body"
        return True  # comprehensions

    def offset_of(self, node: ast.AST) -> int:
        return self.span_of(node)[0]

    def _add(
        self,
        scope: ast.AST,
        name: str,
        pos: int,
        kind: str,
        target: Optional[str],
        node: ast.AST,
        how: Optional[str] = None,
        expr: Optional[ast.AST] = None,
        expr_scope: Optional[ast.AST] = None,
    ) -> None:
        if how is not None and expr is None:
            how = None
        if how is not None:
            kind = "value"
        if kind == "import":
            self._import_names.add(name)
            self._import_targets.append(target)
            if target.split(".")[0] == "mcp":
                self._sdk_import_names.add(name)
                self._class_imports = self._class_imports or isinstance(scope, ast.ClassDef)
        b = Binding(name, pos, kind, target, node, how, expr, expr_scope if expr_scope is not None else scope)
        if "." in name:
            self._attr_bindings.setdefault(name, []).append(b)
        else:
            self._bindings.setdefault((id(scope), name), []).append(b)

    def _end(self, node: ast.AST) -> int:
        return self.span_of(node)[1]

    def _collect_bindings(self, node: ast.AST, scope: ast.AST) -> None:
        add = self._add
        if isinstance(node, ast.Import):
            pos = self._end(node)
            for a in node.names:
                if a.asname:
                    add(scope, a.asname, pos, "import", a.name, a)
                else:
                    top = a.name.split(".")[0]
                    add(scope, top, pos, "import", top, a)
        elif isinstance(node, ast.ImportFrom):
            pos = self._end(node)
            for a in node.names:
                if a.name == "*":
                    continue
                local = a.asname or a.name
                sdk = self._reexport(node.level, node.module, a.name) if self._reexport is not None else None
                if sdk is not None:
                    add(scope, local, pos, "import", sdk, a)
                elif node.level == 0 and node.module:
                    add(scope, local, pos, "import", node.module + "." + a.name, a)
                else:
                    add(scope, local, pos, "other", None, a)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            add(scope, node.name, self.offset_of(node), "other", None, node)
            if not isinstance(node, ast.ClassDef):
                a = node.args
                for arg in a.posonlyargs + a.args + a.kwonlyargs + [a.vararg, a.kwarg]:
                    if arg is None:
                        continue
                    # Registered in the function's own scope; annotations evaluate in the outer one.
                    self._add(
                        node, arg.arg, self.offset_of(node), "other", None, arg, "annotation", arg.annotation, scope
                    )
        elif isinstance(node, ast.Lambda):
            a = node.args
            for arg in a.posonlyargs + a.args + a.kwonlyargs + [a.vararg, a.kwarg]:
                if arg is not None:
                    self._add(node, arg.arg, self.offset_of(node), "other", None, arg)
        elif isinstance(node, ast.Assign):
            for t in node.targets:
                self._bind_target(t, scope, self._end(node), node, "call", node.value)
        elif isinstance(node, ast.AnnAssign):
            self._bind_target(node.target, scope, self._end(node), node, "annotation", node.annotation)
        elif isinstance(node, ast.AugAssign):
            self._bind_target(node.target, scope, self._end(node), node)
        elif isinstance(node, ast.NamedExpr):
            self._bind_target(node.target, scope, self._end(node), node, "call", node.value)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                if item.optional_vars is not None:
                    self._bind_target(
                        item.optional_vars, scope, self._end(item.context_expr), item, "call", item.context_expr
                    )
        elif isinstance(node, (ast.For, ast.AsyncFor)):
            self._bind_target(node.target, scope, self.offset_of(node), node)
        elif isinstance(node, ast.comprehension):
            self._bind_target(node.target, scope, 0, node)
        elif isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:  # `case Blob() as res:`
            add(scope, node.name, self.offset_of(node), "other", None, node)
        elif isinstance(node, ast.MatchMapping) and node.rest:
            add(scope, node.rest, self.offset_of(node), "other", None, node)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            add(scope, node.name, self.offset_of(node), "other", None, node, "except", node.type)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            pass
        elif isinstance(node, ast.Delete):
            pass

    def _bind_target(
        self,
        target: ast.AST,
        scope: ast.AST,
        pos: int,
        node: ast.AST,
        how: Optional[str] = None,
        expr: Optional[ast.AST] = None,
    ) -> None:
        if isinstance(target, ast.Name):
            self._add(scope, target.id, pos, "other", None, node, how, expr)
        elif isinstance(target, ast.Attribute):
            key = dotted(target)
            if key:
                self._add(scope, key, pos, "other", None, node, how, expr)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for elt in target.elts:
                self._bind_target(elt, scope, pos, node)
        elif isinstance(target, ast.Starred):
            self._bind_target(target.value, scope, pos, node)

    def _binding_class(self, b: Binding) -> Optional[str]:
        if b.kind != "value":
            return None
        key = id(b.expr)
        if key in self._class_cache:
            return self._class_cache[key]
        cls = None
        if b.how == "call":
            cls = self._value_class(b.expr, b.scope, b.expr)
        elif b.how == "annotation":
            cls = self._annotation_class(b.expr, b.scope, b.expr)
        elif b.how == "except" and not isinstance(b.expr, ast.Tuple):
            cls = self.canonical(self._qualname_in(b.expr, b.scope, b.expr))
        self._class_cache[key] = cls
        return cls

    def _value_class(self, value: ast.AST, scope: ast.AST, at: ast.AST) -> Optional[str]:
        if isinstance(value, ast.Await):
            value = value.value
        if isinstance(value, ast.Call):
            return self.canonical(self._qualname_in(value.func, scope, at))
        return None

    def _annotation_class(self, ann: Optional[ast.AST], scope: ast.AST, at: ast.AST) -> Optional[str]:
        if ann is None:
            return None
        if isinstance(ann, ast.Subscript):  # Context[ServerSession, None] -> Context
            ann = ann.value
        if isinstance(ann, ast.Constant) and isinstance(ann.value, str):
            try:
                ann = ast.parse(ann.value.strip(), mode="eval").body
            except SyntaxError:
                return None
            if isinstance(ann, ast.Subscript):
                ann = ann.value
            name = dotted(ann)
            if not name:
                return None
            head, _, rest = name.partition(".")
            b = self._lookup(head, scope, self.offset_of(at))
            if b is None or b.kind != "import":
                return None
            return self.canonical(b.target + ("." + rest if rest else ""))
        return self.canonical(self._qualname_in(ann, scope, at))

    # ---- lookup -----------------------------------------------------------------------------
    def _lookup(self, name: str, scope: ast.AST, pos: int) -> Optional[Binding]:
        lst = self._scope_bindings(name, scope)
        return _closest(lst, pos) if lst else None

    def _scope_bindings(self, name: str, scope: ast.AST) -> Optional[List[Binding]]:
        """The bindings of `name` in the scope a read of it in `scope` sees."""
        # Python's scoping: enclosing function scopes are visible, enclosing class bodies are not.
        # A plain loop, not a generator: this runs for nearly every resolved name.
        bindings, tree, parent = self._bindings, self.tree, self.scope_parent
        first = True
        while True:
            if first or not isinstance(scope, ast.ClassDef):
                lst = bindings.get((id(scope), name))
                if lst:
                    return lst
            first = False
            if scope is tree:
                return None
            scope = parent.get(id(scope), tree)

    def _qualname_in(self, expr: ast.AST, scope: ast.AST, at: ast.AST, depth: int = 0) -> Optional[str]:
        # an assignment's target is not a use of what it is bound to: `self.types = mcp.types`
        aliasing = not isinstance(getattr(expr, "ctx", None), ast.Store)
        parts = []
        while isinstance(expr, ast.Attribute):
            parts.append(expr.attr)
            expr = expr.value
        if not isinstance(expr, ast.Name) or expr.id not in self._import_names or depth > _ALIAS_DEPTH:
            return None
        if expr.id == "self" and parts:
            attr = parts.pop()
            b = self._class_import(attr, scope)  # `self.Server`: imported in the class body
            if b is not None and b.kind == "import":
                target = b.target
            else:
                target = self._self_alias(attr, scope, depth) if aliasing else None
        else:
            b = self._lookup(expr.id, scope, self.offset_of(at))
            if b is not None and b.kind == "import":
                target = b.target
            else:
                target = self._alias(b, depth) if aliasing else None
        if target is None:
            return None
        return ".".join([target] + list(reversed(parts)))

    def _alias(self, b: Optional[Binding], depth: int) -> Optional[str]:
        """The SDK module `name = <module>` binds (`types = self.types`), when that is the name's only
        binding in its scope. Modules only: a fix that renames a class rewrites its name where it is
        used, which an alias does not spell."""
        if b is None or not _is_alias(b) or len(self._bindings.get((id(b.scope), b.name), ())) != 1:
            return None
        return _module(self._qualname_in(b.expr, b.scope, b.node, depth + 1))

    def _self_alias(self, attr: str, scope: ast.AST, depth: int) -> Optional[str]:
        """The SDK module `self.<attr>` holds when every method of the class that sets it stores that
        module (`self.types = mcp.types` in `__init__`)."""
        cls = self._method_class(scope)
        stores = [
            b
            for b in self._attr_bindings.get("self." + attr, ())
            if cls is not None and self.scope_parent.get(id(b.scope)) is cls
        ]
        if not stores or not all(_is_alias(b) for b in stores):
            return None
        targets = {self._qualname_in(b.expr, b.scope, b.node, depth + 1) for b in stores}
        return _module(targets.pop()) if len(targets) == 1 else None

    def _method_class(self, scope: ast.AST) -> Optional[ast.ClassDef]:
        """The class whose method `scope` is (or is nested in), when `self` is that method's first
        parameter."""
        while scope is not self.tree:
            outer = self.scope_parent.get(id(scope), self.tree)
            if isinstance(outer, ast.ClassDef):
                args = getattr(scope, "args", None)
                return outer if args is not None and args.args and args.args[0].arg == "self" else None
            scope = outer
        return None

    def _class_import(self, name: str, scope: ast.AST) -> Optional[Binding]:
        """The import binding `name` in the body of the class whose method `scope` is (or is nested
        in), when `self` is that method's first parameter: `self.Server` for a class-body import."""
        cls = self._method_class(scope) if name in self._import_names else None
        lst = self._bindings.get((id(cls), name)) if cls is not None else None
        return lst[-1] if lst and lst[-1].kind == "import" else None

    # ---- public ----------------------------------------------------------------------------
    def canonical(self, qualname: Optional[str]) -> Optional[str]:
        """`canonical()`, following v2 spellings of renamed names when the file still uses v1 ones."""
        if self._v2_spellings is None:
            self._v2_spellings = still_v1(self._import_targets)
        return canonical(qualname, self._v2_spellings)

    def binding(self, name_node: ast.Name) -> Optional[Binding]:
        scope = self.scope_of.get(id(name_node), self.tree)
        return self._lookup(name_node.id, scope, self.offset_of(name_node))

    def bindings_like(self, name_node: ast.Name) -> List[Binding]:
        """Every binding of the name in the scope a read of it sees (binding() gives the closest)."""
        return list(self._scope_bindings(name_node.id, self.scope_of.get(id(name_node), self.tree)) or ())

    def qualname(self, expr: ast.AST) -> Optional[str]:
        """Dotted name as imported (not canonicalised), e.g. `mcp.server.fastmcp.FastMCP`."""
        scope = self.scope_of.get(id(expr), self.tree)
        return self._qualname_in(expr, scope, expr)

    def resolve(self, expr: ast.AST) -> Optional[str]:
        """Canonical qualified name (v1 re-exports followed), or None if not from an import."""
        key = id(expr)
        cache = self._resolve_cache
        if key in cache:
            return cache[key]
        q = self.qualname(expr)
        q = cache[key] = self.canonical(q) if q else q
        return q

    def instance_of(self, expr: ast.AST) -> Optional[str]:
        """Canonical class qualname of the object `expr` evaluates to, when the file shows it."""
        key = id(expr)
        if key not in self._instance_cache:
            self._instance_cache[key] = self._instance_of(expr)
        return self._instance_cache[key]

    def _instance_of(self, expr: ast.AST) -> Optional[str]:
        if not self._import_names:
            return None  # no imports: no SDK classes to be instances of
        if isinstance(expr, ast.Await):
            expr = expr.value
        if isinstance(expr, ast.Call):
            return self.resolve(expr.func)
        pos = self.offset_of(expr)
        if isinstance(expr, ast.Name):
            b = self.binding(expr)
            return self._binding_class(b) if b is not None else None
        key = dotted(expr)
        if key and key in self._attr_bindings:
            b = _closest(self._attr_bindings[key], pos)
            return self._binding_class(b) if b is not None else None
        return None

    def parent(self, node: ast.AST) -> Optional[ast.AST]:
        return self.parents.get(id(node))


_ALIAS_DEPTH = 4  # `a = self.b`, `self.b = c.d`, ...: how many assignments a name is followed through


@lru_cache(maxsize=1)
def _sdk_modules() -> frozenset:
    """The v1 SDK's modules (the packages holding its classes and functions)."""
    names = set(CLASSES) | set(FUNCTIONS)
    return (
        frozenset(".".join(parts[:i]) for parts in (n.split(".") for n in names) for i in range(1, len(parts))) - names
    )


def _module(qualname: Optional[str]) -> Optional[str]:
    return qualname if qualname is not None and canonical(qualname) in _sdk_modules() else None


def _root(expr: ast.AST) -> Optional[str]:
    while isinstance(expr, ast.Attribute):
        expr = expr.value
    return expr.id if isinstance(expr, ast.Name) else None


def _is_alias(b: Binding) -> bool:
    """`x = a.b` (one target, a plain dotted value): the binding may alias an imported name."""
    return (
        b.how == "call"
        and isinstance(b.node, ast.Assign)
        and len(b.node.targets) == 1
        and isinstance(b.expr, (ast.Name, ast.Attribute))
    )


def _closest(bindings: List[Binding], pos: int) -> Optional[Binding]:
    """The last binding at or before `pos` (lists are sorted by pos), else the first one."""
    if not bindings:
        return None
    i = bisect_right(bindings, pos, key=_POS)  # Python >= 3.10
    return bindings[i - 1] if i else bindings[0]


_POS = attrgetter("pos")
