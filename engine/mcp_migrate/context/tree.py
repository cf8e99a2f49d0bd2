"""Navigating the syntax tree: nodes by type, parents, enclosing scopes, and small facts about nodes."""

import ast
from typing import Dict, Iterable, List, Optional, Tuple, Union

from ..resolver import dotted

_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
_TRIES = tuple(getattr(ast, n) for n in ("Try", "TryStar") if hasattr(ast, n))  # (`try`/`except*`: 3.11+)


class TreeQuestions:
    """Mixed into `PythonContext`; needs `self.tree`, `self.resolver`, `self.index`."""

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

    @staticmethod
    def dotted(expr: ast.AST) -> Optional[str]:
        """`a.b.c` -> "a.b.c" for a pure Name/Attribute chain (side-effect free to read twice), else None."""
        return dotted(expr)

    def statement_of(self, node: ast.AST) -> ast.AST:
        while node is not None and not isinstance(node, ast.stmt):
            node = self.parent(node)
        return node if node is not None else self.tree

    def within(self, node: ast.AST, ancestor: ast.AST) -> bool:
        """`node` is `ancestor` or lies inside it."""
        while node is not None and node is not ancestor:
            node = self.parent(node)
        return node is ancestor

    def stores(self, name: str, scope: ast.AST) -> List[ast.Name]:
        """The Names spelled `name` inside `scope` that bind it (assignment, loop or `with` target,
        `del`), not the ones that read it."""
        return [n for n in self.names_with_id(name) if not isinstance(n.ctx, ast.Load) and self.within(n, scope)]

    def tries(self) -> List[ast.AST]:
        """Every `try` statement, `except*` ones included."""
        return self.walk(*_TRIES)

    def in_try_body(self, node: ast.AST, within: ast.AST) -> bool:
        """`node` lies in the body of a `try` inside `within`, where that `try`'s handlers would see what it
        raises (an `except` clause, `else` or `finally` is past them)."""
        child, parent = node, self.parent(node)
        while parent is not None and parent is not within:
            if isinstance(parent, _TRIES) and any(child is s for s in parent.body):
                return True
            child, parent = parent, self.parent(parent)
        return False

    def enclosing(self, node: ast.AST, *types) -> Optional[ast.AST]:
        """The nearest ancestor of one of `types` (default: a def, lambda or class), else None."""
        types = types or _SCOPES
        p = self.parent(node)
        while p is not None and not isinstance(p, types):
            p = self.parent(p)
        return p

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
            body = [
                c for f in ("body", "orelse", "finalbody", "handlers", "cases") for c in (getattr(hit, f, None) or [])
            ]
            body = [c for c in body if isinstance(c, ast.stmt)] + [
                s for h in body if not isinstance(h, ast.stmt) for s in getattr(h, "body", [])
            ]
            body.sort(key=lambda n: (n.lineno, n.col_offset))

    def imports(self) -> List[Union[ast.Import, ast.ImportFrom]]:
        """Every `Import` / `ImportFrom` at any depth."""
        return self.walk(ast.Import, ast.ImportFrom)

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
        index = self._by_key(
            "_calls_by_attr", (ast.Call,), lambda c: c.func.attr if isinstance(c.func, ast.Attribute) else None
        )
        names = set(attrs)
        out = [c for a in names for c in index.get(a, ())]
        if len(names) > 1:
            order = self._call_order
            if order is None:
                order = self._call_order = {id(c): i for i, c in enumerate(self.walk(ast.Call))}
            out.sort(key=lambda c: order[id(c)])
        return out

    @staticmethod
    def defs_named(cls: ast.ClassDef, name: str) -> List[ast.AST]:
        """The defs of the class body named `name` (its own methods, not its bases')."""
        return [d for d in cls.body if isinstance(d, (ast.FunctionDef, ast.AsyncFunctionDef)) and d.name == name]

    def block_of(self, stmt: ast.stmt) -> Optional[List[ast.stmt]]:
        """The statement list `stmt` belongs to (a body, orelse, handler body...), or None."""
        owner = self.parent(stmt) or self.tree
        for field in ("body", "orelse", "finalbody", "handlers"):
            block = getattr(owner, field, None)
            if isinstance(block, list) and any(s is stmt for s in block):
                return block
        return None

    def line_span(self, stmt: ast.stmt) -> Optional[Tuple[int, int]]:
        """The span of the whole lines `stmt` occupies, with their line break, when nothing else
        (code or a comment) shares them; else None."""
        start = self.index.line_start(stmt.lineno)
        s, e = self.span(stmt)
        last = stmt.end_lineno
        end = self.index.line_start(last + 1) if last < self.index.line_count else len(self.text)
        if self.text[start:s].strip() or self.text[e:end].strip():
            return None
        return start, end

    # ---- facts about one node (no file state) --------------------------------------------
    @staticmethod
    def keyword(call: ast.Call, name: str) -> Optional[ast.keyword]:
        """The `name=` keyword of `call`, or None."""
        for kw in call.keywords:
            if kw.arg == name:
                return kw
        return None

    @staticmethod
    def keyword_value(call: ast.Call, name: str) -> Optional[ast.AST]:
        """The value of the `name=` keyword of `call`, or None."""
        kw = TreeQuestions.keyword(call, name)
        return kw.value if kw is not None else None

    @staticmethod
    def is_super_init(call: ast.Call) -> bool:
        """`super().__init__(...)`"""
        return TreeQuestions.is_super_method(call, "__init__")

    @staticmethod
    def is_super_method(call: ast.Call, name: str) -> bool:
        """`super().<name>(...)`"""
        f = call.func
        return (
            isinstance(f, ast.Attribute)
            and f.attr == name
            and isinstance(f.value, ast.Call)
            and isinstance(f.value.func, ast.Name)
            and f.value.func.id == "super"
        )

    def handed_to_super(self, fn: ast.AST, name: str, pos: int) -> Optional[List[ast.Name]]:
        """The reads of parameter `name` in the method `fn`, when each hands it on as the same
        argument (keyword `name`, or positional index `pos` after self) of `super().<fn.name>(...)`;
        None when it is used any other way."""
        out = []
        for node in ast.walk(fn):
            if not (isinstance(node, ast.Name) and node.id == name):
                continue
            call = self.parent(node)
            kw = call if isinstance(call, ast.keyword) else None
            call = self.parent(kw) if kw is not None else call
            if not (
                isinstance(node.ctx, ast.Load)
                and isinstance(call, ast.Call)
                and self.is_super_method(call, fn.name)
                and ((kw is not None and kw.arg == name) or (kw is None and call.args[pos : pos + 1] == [node]))
            ):
                return None
            out.append(node)
        return out

    def returned_by_own_override(self, call: ast.Call) -> bool:
        """`return await super().<m>(...)` in the override `m` itself: the result goes back unchanged
        to whoever called the override (for an SDK method, the SDK's own handler)."""
        awaited = self.parent(call)
        fn = self.enclosing(call, ast.FunctionDef, ast.AsyncFunctionDef)
        return (
            isinstance(awaited, ast.Await)
            and isinstance(self.parent(awaited), ast.Return)
            and fn is not None
            and self.is_super_method(call, fn.name)
        )

    @staticmethod
    def has_star(call: ast.Call) -> bool:
        """`*args` or `**kwargs` in the call: its arguments cannot all be seen."""
        return any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords)

    @staticmethod
    def const_str(node: Optional[ast.AST]) -> Optional[str]:
        """The value of a string literal, else None."""
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        return None

    @staticmethod
    def names_in(node: ast.AST) -> set:
        """Identifiers of every `Name` inside `node`."""
        return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}

    @staticmethod
    def own_returns(fn: ast.AST) -> List[ast.Return]:
        """`return` statements of `fn` itself (not of nested functions/classes), in source order."""
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

    @staticmethod
    def body_nodes(fn: ast.AST):
        """Nodes in a function body, not descending into nested functions, lambdas or classes."""
        stack = [n for n in fn.body if not isinstance(n, _SCOPES)]
        while stack:
            node = stack.pop()
            yield node
            for child in ast.iter_child_nodes(node):
                if not isinstance(child, _SCOPES):
                    stack.append(child)
