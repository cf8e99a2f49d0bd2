"""The lowlevel `Server` handler plan, shared by LOW001 (decorators -> `Server(on_...=)`), LOW002
(return wrapping) and the other LOW rules, so they agree on which handlers become `(ctx, params)`
handlers. Computed once per file (kept in `ctx.scratch`).
"""

import ast
from typing import Dict, List, NamedTuple, Optional, Tuple

from .. import sdk
from ..edits import Edit
from ..sdk import HandlerKind


class Handler(NamedTuple):
    fn: ast.AST
    dec: ast.expr
    method: str
    kind: HandlerKind
    server: Optional[ast.stmt]   # the module-level `x = Server(...)` statement when it can move
    rewrite: bool                # LOW001 rewrites the signature to (ctx, params)
    why: str                     # why not, when rewrite is False
    wraps: bool                  # LOW002 wraps at least one return of this handler


class LowlevelPlan:
    """Mixed into `PythonContext`."""

    @staticmethod
    def handler_signature(kind: HandlerKind) -> str:
        ret = kind.result or "None"
        return "`(ctx: ServerRequestContext, params: %s) -> %s`" % (kind.params, ret)

    # ---- mcp.types references -------------------------------------------------------------------
    def types_prefix(self) -> Optional[str]:
        """`types.` / `mcp.types.` when the module itself is imported at top level, else None."""
        for node in self.tree.body:
            if isinstance(node, ast.Import):
                for a in node.names:
                    if a.name == "mcp.types":
                        return (a.asname or "mcp.types") + "."
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module == "mcp":
                for a in node.names:
                    if a.name == "types":
                        return (a.asname or "types") + "."
        return None

    def types_ref(self, name: str) -> str:
        """How this file spells `mcp.types.<name>` (`types.X`, an imported alias, or the bare name)."""
        prefix = self.types_prefix()
        if prefix:
            return prefix + name
        return self.imported_names("mcp.types").get(name, name)

    def request_context_ref(self) -> str:
        """How this file spells v2's `ServerRequestContext`."""
        for mod in ("mcp.server", "mcp.server.context"):
            local = self.imported_names(mod).get("ServerRequestContext")
            if local:
                return local
        return "ServerRequestContext"

    def params_annotation(self, kind: HandlerKind) -> str:
        return " | ".join(self.types_ref(p) if p != "None" else "None" for p in
                          [p.strip() for p in kind.params.split("|")])

    def lowlevel_import_edit(self) -> Optional[Edit]:
        """One insertion carrying every import the LOW rewrites of this file need.

        Every LOW finding that needs an import carries this same Edit, so the runner applies it once
        and findings from different LOW rules never collide on the insertion point.
        """
        cache = self.scratch.get("low.imports")
        if cache is not None:
            return cache[0]
        plan = self.lowlevel_plan()
        need_ctx = any(h.rewrite for h in plan.values())
        names = set()
        if self.types_prefix() is None:
            have = self.imported_names("mcp.types")
            for h in plan.values():
                if h.rewrite:
                    names.update(h.kind.param_types())
                if h.wraps:
                    names.add(h.kind.result)
            names -= set(have)
        lines = []
        if need_ctx and not (self.imported_names("mcp.server").get("ServerRequestContext")
                             or self.imported_names("mcp.server.context").get("ServerRequestContext")):
            lines.append("from mcp.server import ServerRequestContext")
        if names:
            lines.append("from mcp.types import " + ", ".join(sorted(names)))
        edit = None
        if lines:
            placeholder = "from mcp.types import __low__"
            base = self.add_import("mcp.types", "__low__")
            edit = Edit(base.start, base.end, base.text.replace(placeholder, self.index.newline().join(lines)))
        self.scratch["low.imports"] = (edit,)
        return edit

    # ---- the plan -------------------------------------------------------------------------------
    def lowlevel_servers(self) -> Dict[str, ast.stmt]:
        """Module-level `name = Server(...)` statements, by name, when the name is bound only there."""
        out: Dict[str, ast.stmt] = {}
        seen: Dict[str, int] = {}
        for st in self.tree.body:
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
                    and self.is_ref(st.value.func, sdk.SERVER):
                out[targets[0].id] = st
        return {k: v for k, v in out.items() if seen.get(k) == 1}

    def lowlevel_plan(self) -> Dict[int, Handler]:
        """{id(def): Handler} for every `@server.<decorator>()` handler of a lowlevel `Server`."""
        cached = self.scratch.get("low.plan")
        if cached is not None:
            return cached
        plan: Dict[int, Handler] = {}
        srv = self.lowlevel_servers()
        by_server: Dict[str, List[Tuple[ast.AST, ast.expr]]] = {}
        found = self.decorated_by(sdk.SERVER, *sdk.SERVER_DECORATORS)
        for fn, dec in found:
            f = dec.func if isinstance(dec, ast.Call) else dec
            key = f.value.id if isinstance(f.value, ast.Name) else None
            by_server.setdefault(key, []).append((fn, dec))
        for key, items in by_server.items():
            st = srv.get(key) if key else None
            movable = st is not None and self._movable(st, key, items)
            for fn, dec in items:
                f = dec.func if isinstance(dec, ast.Call) else dec
                kind = sdk.SERVER_HANDLERS[f.attr]
                why = ""
                if not movable:
                    why = "the `Server(...)` construction cannot be moved below the handlers automatically"
                else:
                    why = self._signature_problem(fn, dec, kind)
                rewrite = not why
                plan[id(fn)] = Handler(fn, dec, f.attr, kind, st if movable else None, rewrite, why,
                                       bool(self.returns_to_wrap(fn, kind)[0]))
        self.scratch["low.plan"] = plan
        return plan

    def _movable(self, st: ast.stmt, name: str, items) -> bool:
        body = self.tree.body
        if self.whole_lines(st) is None:
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
        names_in = self.names_in
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

    def _signature_problem(self, fn, dec, kind: HandlerKind) -> str:
        if not isinstance(fn, ast.AsyncFunctionDef):
            return "the handler is not an `async def`"
        a = fn.args
        if a.posonlyargs or a.vararg or a.kwarg or a.kwonlyargs or a.defaults:
            return "the handler's parameter list is unusual"
        if len(a.args) > len(kind.fields):
            return "the handler takes the v1 request object; read `params` instead"
        if {"ctx", "params"} & (self.names_in(fn) | {x.arg for x in a.args}):
            return "the handler already uses the names `ctx`/`params`"
        if fn.body[0].lineno == fn.lineno:
            return "the handler body shares the `def` line"
        if self.paren_span(fn) is None:
            return "the parameter list could not be located"
        return ""

    def returns_to_wrap(self, fn, kind: HandlerKind):
        """(returns to wrap, returns that need a person) for the handler's v1 return shapes."""
        wrap, hand = [], []
        if not (kind.list_field or kind.kwarg == "on_call_tool"):
            return wrap, hand
        result_cls = sdk.TYPES + kind.result
        for r in self.own_returns(fn):
            v = r.value
            if v is not None and isinstance(v, ast.Call) and self.is_ref(v.func, result_cls):
                continue
            if v is not None and self._is_list_expr(v):
                wrap.append(r)
            else:
                hand.append(r)
        return wrap, hand

    def _is_list_expr(self, e) -> bool:
        if isinstance(e, (ast.List, ast.ListComp)):
            return True
        return isinstance(e, ast.Call) and isinstance(e.func, ast.Name) and e.func.id == "list" \
            and self.resolve(e.func) is None

    def server_keyword_edits(self, call: ast.Call) -> Optional[List[Edit]]:
        """Edits naming `Server(...)`'s positional arguments after `name`; None when unsure."""
        extra = call.args[1:]
        if any(isinstance(a, ast.Starred) for a in call.args) or len(extra) > len(sdk.SERVER_POSITIONAL):
            return None
        return [self.insert(self.span(a)[0], sdk.SERVER_POSITIONAL[i] + "=") for i, a in enumerate(extra)]

