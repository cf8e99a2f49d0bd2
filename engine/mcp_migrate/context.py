"""What a rule's `check(ctx)` receives: the file, its index, and ways to report findings."""

import ast
from typing import Dict, Iterable, List, Optional, Sequence, Tuple, Union

from .edits import Edit
from .framework import Finding, RuleInfo
from .positions import LineIndex

Span = Tuple[int, int]


class Context:
    """Shared by every file kind. Python files get `PythonContext`, dependency files `DepsContext`."""

    def __init__(self, text: str, filename: str, kind: str):
        self.text = text
        self.filename = filename
        self.kind = kind
        self.index = LineIndex(text)
        self.findings: List[Finding] = []
        self.rule: Optional[RuleInfo] = None  # set by the runner around each check()

    # ---- spans ---------------------------------------------------------------------------
    def span(self, target) -> Span:
        if isinstance(target, tuple):
            return target
        return self.index.node_span(target)

    def source(self, target) -> str:
        s, e = self.span(target)
        return self.text[s:e]

    def replace(self, target, text: str) -> Edit:
        s, e = self.span(target)
        return Edit(s, e, text)

    def insert(self, offset: int, text: str) -> Edit:
        return Edit(offset, offset, text)

    def delete(self, target) -> Edit:
        s, e = self.span(target)
        return Edit(s, e, "")

    # ---- reporting -----------------------------------------------------------------------
    def marker_line_for(self, target) -> Optional[int]:
        return self.index.line_of(self.span(target)[0])

    def fix(self, target, message: str, edits: Sequence[Edit], fix_class: Optional[str] = None,
            subsumable: bool = False) -> Finding:
        """Report a finding with an automatic fix; fix_class defaults to the rule's.

        subsumable=True: when every edit lies inside text that an accepted fix of an earlier rule
        replaces (that fix already carries this change, e.g. LOW001 moving `Server(...)` with its
        arguments made keyword-only), the finding counts as applied through it instead of clashing.
        """
        assert self.rule is not None
        fc = fix_class or self.rule.fix_class
        if fc == "manual":
            fc = "review"  # a fix with edits is at least reviewable; manual means "no edits"
        f = self._add(target, message, list(dict.fromkeys(edits)), fc)
        f.subsumable = subsumable
        return f

    def advise(self, target, message: str) -> Finding:
        """Report-only advice (fix_class review, no edits, no marker): code that keeps working in v2
        but deserves a look (deprecations, behaviour on some connections). A marker would be noise."""
        f = self._add(target, message, [], "review")
        f.advisory = True
        return f

    def manual(self, target, message: str) -> Finding:
        """Report something a person must do; becomes a marker comment above the statement."""
        return self._add(target, message, [], "manual")

    def _add(self, target, message: str, edits: List[Edit], fix_class: str) -> Finding:
        s, e = self.span(target)
        f = Finding(self.rule, fix_class, " ".join(message.split()), s, e, edits, self.marker_line_for(target))
        self.findings.append(f)
        return f


class PythonContext(Context):
    def __init__(self, text: str, filename: str, tree: ast.Module, project=None):
        super().__init__(text, filename, "python")
        from .inference import Inference
        from .resolver import Resolver

        self.tree = tree
        self.resolver = Resolver(tree, self.index.node_span)
        self.types = Inference(self.resolver, project, filename)
        self._walk_cache = {}
        self._by_type = None
        self._refs = None
        self._calls = None
        self._calls_by_attr = None
        self._attrs_by_name = None
        self._names_by_id = None
        self._call_order = None
        self._attr_order = None

    # ---- tree navigation -----------------------------------------------------------------
    def walk(self, *types) -> Iterable[ast.AST]:
        """All nodes in source order (optionally only of the given types)."""
        nodes = self.resolver.nodes
        if not types:
            return list(nodes)
        cached = self._walk_cache.get(types)
        if cached is None:
            by_type = self._by_type
            if by_type is None:  # one pass: node positions by concrete type
                by_type = self._by_type = {}
                for i, n in enumerate(nodes):
                    by_type.setdefault(type(n), []).append(i)
            hits = [idx for t, idx in by_type.items() if issubclass(t, types)]
            if len(hits) == 1:
                cached = [nodes[i] for i in hits[0]]
            else:
                cached = [nodes[i] for i in sorted(i for idx in hits for i in idx)]
            self._walk_cache[types] = cached
        return list(cached)

    def parent(self, node: ast.AST) -> Optional[ast.AST]:
        return self.resolver.parent(node)

    def statement_of(self, node: ast.AST) -> ast.AST:
        while node is not None and not isinstance(node, ast.stmt):
            node = self.parent(node)
        return node if node is not None else self.tree

    def marker_line_for(self, target) -> Optional[int]:
        if isinstance(target, tuple):
            node_start = target[0]
            # Find the innermost statement containing this offset for indentation/placement.
            stmt = None
            for n in self._stmts_containing(node_start):
                stmt = n
            if stmt is None:
                return self.index.line_of(node_start)
            target = stmt
        stmt = self.statement_of(target)
        if stmt is self.tree:
            return 1
        decorators = getattr(stmt, "decorator_list", None)
        line = decorators[0].lineno if decorators else stmt.lineno
        return line

    def _stmts_containing(self, offset: int):
        """Statements whose span contains `offset`, outermost first."""
        out = []
        body = self.tree.body
        while True:
            hit = None
            for n in body:  # statement lists are short compared to the file; no index needed
                s, e = self.index.node_span(n)
                if s <= offset < e:
                    hit = n
                    break
                if s > offset:
                    break
            if hit is None:
                return out
            out.append(hit)
            body = [c for f in ("body", "orelse", "finalbody", "handlers", "cases")
                    for c in (getattr(hit, f, None) or [])]
            body = [c for c in body if isinstance(c, ast.stmt)] + [
                s for h in body if not isinstance(h, ast.stmt) for s in getattr(h, "body", [])]
            body.sort(key=lambda n: (n.lineno, n.col_offset))

    # ---- name resolution -----------------------------------------------------------------
    def resolve(self, expr: ast.AST) -> Optional[str]:
        """Canonical SDK name for a Name/Attribute (`F` -> `mcp.server.fastmcp.server.FastMCP`)."""
        return self.resolver.resolve(expr)

    def is_ref(self, expr: ast.AST, *qualnames: str) -> bool:
        from .resolver import canonical

        qn = self.resolve(expr)
        return qn is not None and qn in {canonical(q) for q in qualnames}

    def instance_of(self, expr: ast.AST) -> Optional[str]:
        """The SDK class of the object `expr` holds, when the file (or the project) shows one."""
        return self.resolver.instance_of(expr) or self.types.class_of(expr)

    def is_instance(self, expr: ast.AST, *qualnames: str) -> bool:
        from .resolver import canonical

        cls = self.instance_of(expr)
        return cls is not None and cls in {canonical(q) for q in qualnames}

    def references(self, *qualnames: str) -> List[ast.AST]:
        """Name/Attribute nodes that evaluate to one of `qualnames` (outermost match only)."""
        from .resolver import canonical

        index = self._ref_index()
        hits = [n for q in {canonical(q) for q in qualnames} for n in index.get(q, ())]
        return sorted(hits, key=lambda n: (n.lineno, n.col_offset))

    def calls(self, *qualnames: str) -> List[ast.Call]:
        """Calls whose callee resolves to one of `qualnames`."""
        from .resolver import canonical

        if self._calls is None:  # built once per file: callee qualname -> calls, in source order
            self._calls = {}
            imported = self.resolver._import_names
            for c in self.walk(ast.Call):
                root = c.func  # cheap pre-check: only a chain on an imported name can resolve
                while isinstance(root, ast.Attribute):
                    root = root.value
                if not isinstance(root, ast.Name) or root.id not in imported:
                    continue
                q = self.resolve(c.func)
                if q is not None:
                    self._calls.setdefault(q, []).append(c)
        hits = [c for q in dict.fromkeys(canonical(q) for q in qualnames) for c in self._calls.get(q, ())]
        if len({canonical(q) for q in qualnames}) > 1:
            order = {id(c): i for i, c in enumerate(self.walk(ast.Call))} if len(hits) > 1 else {}
            hits.sort(key=lambda c: order.get(id(c), 0))
        return hits

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

    def _by_key(self, slot: str, types, key) -> Dict[str, List[ast.AST]]:
        # Built once per file: nodes of `types` grouped by `key(node)`, each group in source order.
        index = getattr(self, slot)
        if index is None:
            index = {}
            for n in self.walk(*types):
                k = key(n)
                if k is not None:
                    index.setdefault(k, []).append(n)
            setattr(self, slot, index)
        return index

    def names_with_id(self, name: str) -> List[ast.Name]:
        """Name nodes spelled `name`, in source order (same as filtering walk(ast.Name))."""
        return list(self._by_key("_names_by_id", (ast.Name,), lambda n: n.id).get(name, ()))

    def attributes_named(self, attr: str) -> List[ast.Attribute]:
        """Attribute nodes `x.attr`, in source order (same as filtering walk(ast.Attribute))."""
        return list(self._by_key("_attrs_by_name", (ast.Attribute,), lambda n: n.attr).get(attr, ()))

    def attr_calls(self, *attrs: str) -> List[ast.Call]:
        """`x.attr(...)` calls for any of `attrs`, in source order (same as filtering walk(ast.Call))."""
        index = self._by_key("_calls_by_attr", (ast.Call,),
                             lambda c: c.func.attr if isinstance(c.func, ast.Attribute) else None)
        names = set(attrs)
        out = [c for a in names for c in index.get(a, ())]
        if len(names) > 1:
            order = self._call_order
            if order is None:
                order = self._call_order = {id(c): i for i, c in enumerate(self.walk(ast.Call))}
            out.sort(key=lambda c: order[id(c)])
        return out

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
                if isinstance(f, ast.Attribute) and (not methods or f.attr in methods) \
                        and self.is_instance(f.value, cls):
                    out.append((d, dec))
        return out

    def imports(self) -> List[Union[ast.Import, ast.ImportFrom]]:
        return self.walk(ast.Import, ast.ImportFrom)

    def patch_targets(self) -> List[Tuple[ast.Constant, str]]:
        from .pyedits import patch_targets

        return patch_targets(self)

    # ---- edit helpers (see pyedits.py) ---------------------------------------------------
    def rename_module(self, old: str, new: str, message: Optional[str] = None) -> int:
        from .pyedits import rename_module

        return rename_module(self, old, new, message)

    def rename_symbol(self, old: str, new_name: str, message: Optional[str] = None) -> int:
        from .pyedits import rename_symbol

        return rename_symbol(self, old, new_name, message)

    def attr_span(self, node: ast.Attribute) -> Optional[Span]:
        from .pyedits import attr_span

        return attr_span(self, node)

    def name_span(self, node: ast.AST) -> Optional[Span]:
        from .pyedits import name_span

        return name_span(self, node)

    def keyword(self, call: ast.Call, name: str) -> Optional[ast.keyword]:
        for kw in call.keywords:
            if kw.arg == name:
                return kw
        return None

    def rename_kwarg(self, call: ast.Call, old: str, new: str) -> Optional[Edit]:
        from .pyedits import rename_kwarg

        return rename_kwarg(self, call, old, new)

    def remove_kwarg(self, call: ast.Call, name: str) -> Optional[Edit]:
        from .pyedits import remove_arg

        kw = self.keyword(call, name)
        return remove_arg(self, call, kw) if kw is not None else None

    def add_kwargs(self, call: ast.Call, text: str) -> Optional[Edit]:
        from .pyedits import add_args

        return add_args(self, call, text)

    def move_kwargs(self, src: ast.Call, dst: ast.Call, names: Sequence[str]) -> Optional[List[Edit]]:
        from .pyedits import move_kwargs

        return move_kwargs(self, src, dst, names)

    def add_import(self, module: str, name: Optional[str] = None) -> Optional[Edit]:
        from .pyedits import add_import

        return add_import(self, module, name)
