"""Name resolution: which SDK name an expression is, which object it holds, what the file imports.

The core of "never touch code that is not from the SDK". Every lookup canonicalises the qualified
names it is given (`mcp.McpError` and `mcp.shared.exceptions.McpError` are one name).
"""

import ast
from typing import Dict, List, Optional, Tuple

from ..inference import NONE, members
from ..project import module_name
from ..resolver import Binding, canonical, dotted


class NameQuestions:
    """Mixed into `PythonContext`; needs `self.resolver`, `self.tree`, `self.walk`."""

    # ---- what an expression is ---------------------------------------------------------------
    def canonical(self, qualname: str) -> str:
        """The defining module's spelling of a v1 name (`mcp.McpError` -> `mcp.shared.exceptions.McpError`),
        following the half-migrated spellings this file may use (resolver.py)."""
        return self.resolver.canonical(qualname)

    def resolve(self, expr: ast.AST) -> Optional[str]:
        """Canonical SDK name for a Name/Attribute (`F` -> `mcp.server.fastmcp.server.FastMCP`)."""
        return self.resolver.resolve(expr)

    def qualname(self, expr: ast.AST) -> Optional[str]:
        """The dotted name a Name/Attribute spells through the file's imports, not canonicalised
        (`import httpx as h; h.Client` -> `httpx.Client`)."""
        return self.resolver.qualname(expr)

    def is_ref(self, expr: ast.AST, *qualnames: str) -> bool:
        qn = self.resolve(expr)
        return qn is not None and qn in {canonical(q) for q in qualnames}

    def instance_of(self, expr: ast.AST) -> Optional[str]:
        """Canonical class of the object `expr` is, when the file (or the project) shows it."""
        cls = self.types.class_of(expr) or self.resolver.instance_of(expr)
        return None if cls is not None and self._own_member_of_self(expr) else cls

    def _own_member_of_self(self, expr: ast.AST) -> bool:
        """`self.get_context` where the user's subclass of an SDK class defines `get_context` itself:
        the attribute is the user's, so the SDK's v1 rules do not apply to it."""
        if not isinstance(expr, ast.Name):
            return False
        use = self.parent(expr)
        b = self.binding(expr)
        if not isinstance(use, ast.Attribute) or b is None or not isinstance(b.node, ast.arg):
            return False
        cls = self.types.method_class(b.node)
        return cls is not None and use.attr in self.types.own_members(cls)

    def possible_classes(self, expr: ast.AST) -> Optional[frozenset]:
        """Every class `expr` may hold wherever it is read ("None" for a None it may be), or None
        when one of its values is not known: `timeout: timedelta | None` -> {timedelta, "None"}."""
        out = set()
        for m in members(self.types.possible(expr)):
            if m == NONE:
                out.add("None")
            elif isinstance(m, str):
                out.add(m)
            else:
                return None
        return frozenset(out) or None

    def is_instance(self, expr: ast.AST, *qualnames: str) -> bool:
        cls = self.instance_of(expr)
        return cls is not None and cls in {canonical(q) for q in qualnames}

    # ---- bindings ----------------------------------------------------------------------------
    def assigned_values(self, target: ast.AST) -> List[ast.AST]:
        """The values the file assigns to an attribute target like `self.client` (any method)."""
        key = dotted(target)
        return [
            b.expr for b in self.resolver._attr_bindings.get(key or "", ()) if b.how == "call" and b.expr is not None
        ]

    def declared_return(self, func: ast.AST) -> Optional[str]:
        """The class name a called function of the user's declares it returns (`-> str`), for a def
        of this file or one imported from the project's own modules; None otherwise."""
        fn = self.types.local_def(func)
        if fn is not None:
            return fn.returns.id if isinstance(fn.returns, ast.Name) else None
        b = self.binding(func) if isinstance(func, ast.Name) else None
        project = self.types.project
        if b is None or b.kind not in ("import", "other") or project is None or not isinstance(b.node, ast.alias):
            return None
        node = self.parent(b.node)
        if not isinstance(node, ast.ImportFrom):
            return None
        module = project.imported_module(self.types.path, node.level, node.module)
        return project.declared_return(module, b.node.name) if module else None

    def binding(self, name: ast.Name) -> Optional[Binding]:
        """What binds this Name where it is used (import, assignment, def, parameter...), or None."""
        return self.resolver.binding(name)

    def bound_by(self, name: ast.Name, node: ast.AST) -> bool:
        """The Name reads what `node` binds (that def, assignment, parameter or import alias)."""
        b = self.resolver.binding(name)
        return b is not None and b.node is node

    def module_binding(self, name: str) -> Optional[Binding]:
        """What binds `name` at module level at the end of the file, or None."""
        return self.resolver._lookup(name, self.tree, len(self.text))

    def is_unbound(self, node: ast.AST, ignore_sdk_star: bool = False) -> bool:
        """A bare Name the file never binds: a guide fragment that lost its import line.

        A star import could bind any name, so a file with `from x import *` has no unbound names;
        ignore_sdk_star=True leaves out star imports from the SDK (`from mcp.x import *`), for
        callers that treat an unbound name as the SDK's anyway.
        """
        if not isinstance(node, ast.Name) or self.resolver.binding(node) is not None:
            return False
        stars = self._star_imports
        if stars is None:
            stars = self._star_imports = [i for i in self.walk(ast.ImportFrom) if any(a.name == "*" for a in i.names)]
        if ignore_sdk_star:
            return not any(not (i.level == 0 and (i.module or "").split(".")[0] == "mcp") for i in stars)
        return not stars

    def is_read(self, name: ast.Name) -> bool:
        """Another `Name` with this identifier is read in the enclosing function (or module): the
        value a target binds may be used (another `_` that is only bound does not count)."""
        fn = self.enclosing(name, ast.FunctionDef, ast.AsyncFunctionDef) or self.tree
        for n in self.names_with_id(name.id):
            if n is name or isinstance(n.ctx, ast.Store):
                continue
            if fn is self.tree or self.within(n, fn):
                return True
        return False

    def used_elsewhere(self, fn) -> bool:
        """Something besides its own def may call top-level `fn`: the file names it (a call, a
        reference, `__all__`), or another module of the project imports it."""
        if self.names_with_id(fn.name):
            return True
        if self.named_in_string(fn.name):
            return True
        return self.imported_elsewhere(fn.name)

    def named_in_string(self, name: str) -> bool:
        """A string literal of the file is exactly `name` (`__all__`, `getattr(obj, "name")`)."""
        return any(isinstance(c.value, str) and c.value == name for c in self.walk(ast.Constant))

    def project_url_methods(self) -> set:
        """Names of methods of the project's classes that take a pydantic URL parameter."""
        project = self.types.project
        return project.url_methods() if project is not None else set()

    def project_url_functions(self) -> set:
        """Names of top-level functions of the project's modules that take a pydantic URL parameter."""
        project = self.types.project
        return project.url_functions() if project is not None else set()

    def project_url_params(self, call: ast.Call) -> list:
        """[[position, name, URL class]] of the URL parameters of the project's method `call` calls
        (`remote.read(...)` on an instance of the user's class in another module), or of the function
        it calls that this file imports from another module (`describe(res.uri)`), else []."""
        if isinstance(call.func, ast.Name):
            origin = self.project_origin(call.func)
            return self.types.project.function_url_params(*origin) if origin else []
        t = self.types.type_of(call.func.value) if isinstance(call.func, ast.Attribute) else None
        if not (isinstance(t, tuple) and t[0] == "uobj" and isinstance(t[1], tuple) and self.types.project):
            return []
        return self.types.project.url_params(t[1][0], t[1][1], call.func.attr)

    def imported_elsewhere(self, name: str) -> bool:
        """Another module of the project imports top-level `name` from this one."""
        project, module = self.types.project, module_name(self.filename)
        return project is not None and module is not None and project.imports_of(module, name)

    def annotation_of(self, name: ast.AST) -> Optional[ast.AST]:
        """The annotation of the parameter or annotated variable a Name reads, else None."""
        b = self.binding(name) if isinstance(name, ast.Name) else None
        node = b.node if b is not None else None
        return node.annotation if isinstance(node, (ast.arg, ast.AnnAssign)) else None

    def importer_facts(self) -> List[dict]:
        """The project index's facts of the other modules that import something from this one."""
        project, module = self.types.project, module_name(self.filename)
        return project.importers(module) if project is not None and module is not None else []

    def project_origin(self, name: ast.AST) -> Optional[Tuple[str, str]]:
        """(module, name) that a name (or an import alias) imports from a module of the project
        (`from .app import mcp`), else None."""
        if isinstance(name, ast.Name):
            b = self.binding(name)
            name = b.node if b is not None else None  # (a relative import binds kind "other")
        project = self.types.project
        node = self.import_of(name) if isinstance(name, ast.alias) else None
        module = project.imported_module(self.types.path, node.level, node.module) if node and project else None
        return (module, name.name) if module else None

    def project_type_alias(self, name: ast.Name) -> Optional[str]:
        """The text of the type alias the name stands for when it is imported from another module of
        the project that declares it (`from .types import Inbox`, `Inbox = X[...]` there), else None."""
        origin = self.project_origin(name)
        return self.types.project.type_alias(*origin) if origin else None

    def project_global_type(self, name):
        """The inferred type of a top-level name of another module of the project that this file imports
        (`from .catalog import SUMMARY_URI`, `SUMMARY_URI = AnyUrl(...)` there: `pydantic.AnyUrl`; a def:
        `("def", what it returns)`), else None."""
        origin = self.project_origin(name)
        return self.types.project.global_type(*origin) if origin else None

    def own_call_parameters(self, call: ast.Call) -> Optional[Tuple[str, List[Tuple[str, Optional[ast.AST], ast.AST]]]]:
        """(the callee's name, [(parameter, its annotation, the argument given)]) for a call of the
        file's own def (`self.method(...)` too) or dataclass / pydantic model (its annotated fields, in
        order); None for other calls and calls with `*args` / `**kwargs`."""
        if self.has_star(call):
            return None
        fn = self.types.local_def(call.func)
        if fn is not None:
            params = fn.args.posonlyargs + fn.args.args
            if (
                isinstance(call.func, ast.Attribute)
                and params
                and not any(getattr(d, "id", None) == "staticmethod" for d in fn.decorator_list)
            ):
                params = params[1:]  # `self.method(...)`: the first parameter is bound
            fields = [(a.arg, a.annotation) for a in params]
            keyword_only = [(a.arg, a.annotation) for a in fn.args.kwonlyargs]
            name = fn.name
        else:
            cls = self._own_record_class(call.func)
            if cls is None:
                return None
            fields = [
                (f.target.id, f.annotation)
                for f in cls.body
                if isinstance(f, ast.AnnAssign) and isinstance(f.target, ast.Name)
            ]
            keyword_only, name = [], cls.name
        given = [(p, ann, arg) for (p, ann), arg in zip(fields, call.args)]
        by_name = dict(fields + keyword_only)
        given += [(k.arg, by_name[k.arg], k.value) for k in call.keywords if k.arg in by_name]
        return name, given

    def _own_record_class(self, func: ast.AST) -> Optional[ast.ClassDef]:
        """The file's own dataclass or pydantic model a call constructs."""
        b = self.binding(func) if isinstance(func, ast.Name) else None
        cls = b.node if b is not None else None
        if not isinstance(cls, ast.ClassDef):
            return None
        decorated = any(
            (self.qualname(d.func if isinstance(d, ast.Call) else d) or "") == "dataclasses.dataclass"
            for d in cls.decorator_list
        )
        model = any((self.qualname(base) or "") == "pydantic.BaseModel" for base in cls.bases)
        return cls if decorated or model else None

    def fresh_name(self, *candidates: str) -> Optional[str]:
        """The first of `candidates` that nothing in the file spells (no name, parameter, def, class
        or import uses it), so a rewrite may bind it anywhere; None when all are taken."""
        used = self._identifiers
        if used is None:
            used = self._identifiers = set()
            for n in self.walk(ast.Name, ast.arg, ast.alias, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef):
                if isinstance(n, ast.Name):
                    used.add(n.id)
                elif isinstance(n, ast.arg):
                    used.add(n.arg)
                elif isinstance(n, ast.alias):
                    used.add((n.asname or n.name).split(".")[0])
                else:
                    used.add(n.name)
        return next((c for c in candidates if c not in used), None)

    def is_unknown_receiver(self, expr: ast.AST) -> bool:
        """A receiver the file says nothing about: a free name, an unannotated parameter, or an
        attribute chain on one of those (`self.session` never assigned in this file). Snippets and
        objects passed in from elsewhere look like this."""
        root = expr
        while isinstance(root, ast.Attribute):
            root = root.value
        if not isinstance(root, ast.Name):
            return False
        if self.instance_of(expr) is not None or self.resolve(expr) is not None:
            return False
        if expr is not root:
            key = dotted(expr)
            if key and key in self.resolver._attr_bindings:
                return False
            return root.id == "self" or self.is_unknown_receiver(root)
        b = self.resolver.binding(root)
        if b is None:
            return True
        # an unannotated parameter, or a `match` capture whose class the pattern does not show
        return (isinstance(b.node, ast.arg) and b.node.annotation is None) or isinstance(
            b.node, (ast.MatchAs, ast.MatchStar, ast.MatchMapping)
        )

    # ---- where SDK names are used --------------------------------------------------------------
    def references(self, *qualnames: str) -> List[ast.AST]:
        """Name/Attribute nodes that evaluate to one of `qualnames` (outermost match only)."""
        index = self._ref_index()
        hits = [n for q in {canonical(q) for q in qualnames} for n in index.get(q, ())]
        return sorted(hits, key=lambda n: (n.lineno, n.col_offset))

    def calls(self, *qualnames: str) -> List[ast.Call]:
        """Calls whose callee resolves to one of `qualnames`."""
        if self._calls is None:  # built once per file: callee qualname -> calls, in source order
            self._calls = {}
            imported = self.resolver._import_names
            for c in self.walk(ast.Call):
                root = c.func  # cheap pre-check: only a chain on an imported name can resolve
                while isinstance(root, ast.Attribute):
                    root = root.value
                if not isinstance(root, ast.Name):
                    continue
                if root.id not in imported:
                    # A user subclass keeping the SDK constructor: `App("x", port=1)` is a FastMCP call.
                    q = self.types.sdk_constructor(c) if root.id in self._subclass_names() else None
                else:
                    q = self.resolve(c.func)
                if q is not None:
                    self._calls.setdefault(q, []).append(c)
        hits = [c for q in dict.fromkeys(canonical(q) for q in qualnames) for c in self._calls.get(q, ())]
        if len({canonical(q) for q in qualnames}) > 1:
            order = {id(c): i for i, c in enumerate(self.walk(ast.Call))} if len(hits) > 1 else {}
            hits.sort(key=lambda c: order.get(id(c), 0))
        return hits

    def _subclass_names(self):
        """Names that may be user subclasses of SDK classes: classes defined here, names imported
        from the user's own modules."""
        if self._subclasses is None:
            self._subclasses = {c.name for c in self.walk(ast.ClassDef) if c.bases}
            for node in self.walk(ast.ImportFrom):
                if node.level or not (node.module or "").startswith("mcp"):
                    self._subclasses.update(a.asname or a.name for a in node.names)
        return self._subclasses

    def _ref_index(self):
        # Built once per file: every rule asking for references shares one resolution pass.
        if self._refs is None:
            self._refs = {}
            imported = self.resolver._import_names
            for n in self.walk(ast.Name, ast.Attribute):
                root = n  # cheap pre-check: only a chain on an imported name can resolve
                while isinstance(root, ast.Attribute):
                    root = root.value
                if not isinstance(root, ast.Name) or root.id not in imported:
                    continue
                q = self.resolve(n)
                if q is not None:
                    self._refs.setdefault(q, []).append(n)
        return self._refs

    def method_calls(self, cls: str, *methods: str) -> List[ast.Call]:
        """`obj.m(...)` calls where `obj` is known to be an instance of `cls` and m in methods."""
        if not methods:
            cands = [c for c in self.walk(ast.Call) if isinstance(c.func, ast.Attribute)]
        else:
            cands = self.attr_calls(*methods)
        return [c for c in cands if self.is_instance(c.func.value, cls)]

    def attribute_uses(self, cls: str, *attrs: str) -> List[ast.Attribute]:
        """`obj.a` (any context) where `obj` is an instance of `cls` and a in attrs."""
        if not attrs:
            cands = self.walk(ast.Attribute)
        else:
            names = set(attrs)
            cands = [n for a in names for n in self.attributes_named(a)]
            if len(names) > 1:
                order = self._attr_order
                if order is None:
                    order = self._attr_order = {id(n): i for i, n in enumerate(self.walk(ast.Attribute))}
                cands.sort(key=lambda n: order[id(n)])
        return [n for n in cands if self.is_instance(n.value, cls)]

    def decorated_by(self, cls: str, *methods: str) -> List[Tuple[ast.AST, ast.expr]]:
        """(def, decorator) pairs for `@obj.m(...)`/`@obj.m` where obj is an instance of `cls`."""
        out = []
        for d in self.walk(ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef):
            for dec in d.decorator_list:
                f = dec.func if isinstance(dec, ast.Call) else dec
                if (
                    isinstance(f, ast.Attribute)
                    and (not methods or f.attr in methods)
                    and self.is_instance(f.value, cls)
                ):
                    out.append((d, dec))
        return out

    def patch_targets(self) -> List[Tuple[ast.Constant, str]]:
        """(Constant, "dotted.target") for `patch("...")`, `mock.patch`, `mocker.patch`,
        `monkeypatch.setattr("...", v)`."""
        from ..pyedits import patch_targets

        return patch_targets(self)

    # ---- imports -----------------------------------------------------------------------------
    def import_aliases(self, *qualnames: str, top_level: bool = False) -> List[ast.alias]:
        """`from m import name [as x]` aliases whose `m.name` is one of `qualnames` (canonical), at
        any depth or (top_level=True) in module-level statements only."""
        want = {canonical(q) for q in qualnames}
        nodes = self.tree.body if top_level else self.imports()
        out = []
        for node in nodes:
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                for a in node.names:
                    if canonical(node.module + "." + a.name) in want:
                        out.append(a)
        return out

    def import_of(self, alias: ast.alias) -> Optional[ast.ImportFrom]:
        """The `from ... import` statement an alias belongs to (None for `import x`)."""
        parent = self.parent(alias)
        return parent if isinstance(parent, ast.ImportFrom) else None

    def imported_names(self, module: str) -> Dict[str, str]:
        """{name: local name} imported by module-level `from <module> import ...` (exact module)."""
        out = {}
        for node in self.tree.body:
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module == module:
                for a in node.names:
                    out[a.name] = a.asname or a.name
        return out

    def bound_names(self, alias: ast.alias) -> List[ast.Name]:
        """Name nodes whose binding is this import alias."""
        from ..pyedits import bound_names

        return bound_names(self, alias)

    def imports_from(self, *prefixes: str) -> bool:
        """The file imports something from one of these module prefixes."""
        for n in self.imports():
            mods = (
                [a.name for a in n.names]
                if isinstance(n, ast.Import)
                else ([n.module] if n.level == 0 and n.module else [])
            )
            for m in mods:
                if any(m == p or m.startswith(p + ".") for p in prefixes):
                    return True
        return False

    def mentions(self, *qualnames: str) -> bool:
        """The file imports or references one of `qualnames` (an import alone counts)."""
        return bool(self.references(*qualnames) or self.import_aliases(*qualnames))
