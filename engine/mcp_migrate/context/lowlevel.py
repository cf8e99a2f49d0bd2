"""The lowlevel `Server` handler plan, shared by the LOW rules: which `@server.<decorator>()` handlers
become v2 `(ctx, params)` handlers and how each is registered, either as `on_*=` in a `Server(...)`
moved below the handlers (the guide's way, when the construction sits in the same block before them)
or with `server.add_request_handler(route, params_type, handler)` right after the def (a server built
elsewhere: in `__init__`, passed in, used before the handlers).

A `Conversion` is one atomic rewrite: decorators removed, registration, signatures, v1 shorthand
returns wrapped (lowlevel_returns.py), `server.request_context` -> `ctx`, imports. LOW001, LOW002 and
LOW010 each report the parts at their own sites, every finding carrying all of the conversion's
edits, so they apply together or not at all. Computed once per file (kept in `ctx.scratch`).
"""

import ast
from typing import Dict, List, NamedTuple, Optional, Set, Tuple

from .. import sdk
from ..edits import Edit
from ..markers import EXISTING
from ..project import module_name
from ..resolver import canonical, dotted
from ..sdk import HandlerKind
from . import lowlevel_returns

CALL_TOOL_CHECK = (
    "v1's `call_tool()` checked `arguments` against the tool's `inputSchema` (and structured "
    "output against `outputSchema`) before calling this handler; v2 does not, so validate here "
    "if you relied on it"
)
SRC = "ServerRequestContext"


class Handler(NamedTuple):
    fn: ast.AST
    dec: ast.expr
    method: str
    kind: HandlerKind
    why: str  # why a person must convert it ("" when a Conversion does)
    conversion: Optional["Conversion"]

    @property
    def via_mcpserver(self) -> bool:
        """`@mcp._mcp_server.<decorator>()` on an MCPServer: SRV019 reports it, not LOW001."""
        return via_mcpserver(self.dec)


def via_mcpserver(dec) -> bool:
    """`@mcp._mcp_server.<decorator>()`: a handler SRV019 reports, not LOW001."""
    f = dec.func if isinstance(dec, ast.Call) else dec
    return isinstance(f, ast.Attribute) and isinstance(f.value, ast.Attribute) and f.value.attr == "_mcp_server"


class Conversion:
    """Handlers rewritten and registered together; `edits` apply all at once or not at all."""

    def __init__(self, how: str):
        self.how = how  # "on": `Server(..., on_*=)` moved below them; "add": add_request_handler
        self.handlers: List[ast.AST] = []
        self.edits: List[Edit] = []
        self.wrapped: Dict[int, ast.Return] = {}  # id(def) -> its first return the conversion wraps
        self.contexts: List[ast.AST] = []  # `server.request_context` uses that become `ctx`
        # (handler, node, what v2 changed there): markers that stay once it is applied
        self.notes: List[Tuple[ast.AST, ast.AST, str]] = []
        self.imports: List[ast.alias] = []  # `request_ctx` imports it drops

    def registration(self, h) -> str:
        if self.how == "on":
            return "pass it as `%s=` to `Server(...)` (moved below the handlers)" % h.kind.kwarg
        return "register it with `add_%s_handler(\"%s\", ...)`" % (
            "request" if h.kind.result else "notification",
            h.kind.route,
        )


class _Draft(NamedTuple):
    edits: List[Edit]
    needs: Set[Tuple[Optional[str], str]]  # (module, name) imports; (None, "json") = `import json`
    first_wrapped: Optional[ast.Return]
    contexts: List[ast.AST]
    notes: List[Tuple[ast.AST, ast.AST, str]]


class LowlevelPlan:
    """Mixed into `PythonContext`."""

    @staticmethod
    def handler_signature(kind: HandlerKind) -> str:
        ret = kind.result or "None"
        return "`(ctx: ServerRequestContext, params: %s) -> %s`" % (kind.params, ret)

    # ---- how this file spells v2 names ------------------------------------------------------------
    def types_prefix(self, at: Optional[ast.AST] = None) -> Optional[str]:
        """`types.` / `mcp.types.` when the `mcp.types` module is imported (at top level, or visible
        from `at` when given), else None."""
        for node in self.imports():
            if self.parent(node) is not self.tree and (at is None or not self._visible(node, at)):
                continue
            if isinstance(node, ast.Import):
                for a in node.names:
                    if a.name == "mcp.types":
                        return (a.asname or "mcp.types") + "."
            elif node.level == 0 and node.module == "mcp":
                for a in node.names:
                    if a.name == "types":
                        return (a.asname or "types") + "."
        return None

    def _visible(self, imp: ast.stmt, at: ast.AST) -> bool:
        """An import nested in a block is visible at run time from `at` inside that same function (or
        module), after it: not in a class body, not under `if TYPE_CHECKING:`."""
        if self._type_checking_only(imp):
            return False
        scope = self.resolver.scope_of.get(id(imp))
        return self.within(at, scope) and imp.lineno < at.lineno and not isinstance(scope, ast.ClassDef)

    def _type_checking_only(self, node) -> bool:
        parent = self.parent(node)
        while parent is not None and parent is not self.tree:
            if isinstance(parent, ast.If) and (dotted(parent.test) or "").endswith("TYPE_CHECKING"):
                return True
            parent = self.parent(parent)
        return False

    def types_ref(self, name: str) -> str:
        """How this file spells `mcp.types.<name>` (`types.X`, an imported alias, or the bare name)."""
        prefix = self.types_prefix()
        if prefix:
            return prefix + name
        return self.imported_names("mcp.types").get(name, name)

    def request_context_ref(self) -> str:
        """How this file spells v2's `ServerRequestContext`."""
        for mod in ("mcp.server", "mcp.server.context"):
            local = self.imported_names(mod).get(SRC)
            if local:
                return local
        return SRC

    # ---- the plan ---------------------------------------------------------------------------------
    def lowlevel_plan(self) -> Dict[int, Handler]:
        """{id(def): Handler} for every `@server.<decorator>()` handler of a lowlevel `Server`."""
        cached = self.scratch.get("low.plan")
        if cached is not None:
            return cached
        groups: Dict[tuple, List[Tuple[ast.AST, ast.expr, str, ast.expr]]] = {}
        forms = self._call_forms()
        found = self.decorated_by(sdk.SERVER, *sdk.SERVER_DECORATORS) + self._mcpserver_decorated()
        for fn, dec in found + [(fn, st.value.func) for fn, st in forms.values()]:
            f = dec.func if isinstance(dec, ast.Call) else dec
            root = f.value
            while isinstance(root, ast.Attribute):
                root = root.value
            b = self.binding(root) if isinstance(root, ast.Name) else None
            key = (dotted(f.value), id(b.node) if b is not None else None)
            groups.setdefault(key, []).append((fn, dec, f.attr, f.value))
        plan: Dict[int, Handler] = {}
        for (name, _), items in groups.items():
            info = self._server_info(items[0][3])
            drafts = {}
            for fn, dec, method, recv in items:
                why, draft = self._draft(fn, dec, method, recv, info)
                drafts[id(fn)] = (why, draft)
            st = info[0]
            if (
                st is not None
                and all(not drafts[id(fn)][0] and id(fn) not in forms for fn, _, _, _ in items)
                and self._movable(st, name, items)
            ):
                conv = Conversion("on")
                for fn, _dec, _method, _recv in items:
                    self._add_draft(conv, fn, drafts[id(fn)][1])
                self._register_on(conv, st, items)  # after the drafts: it goes below a `return` they add
                for fn, dec, method, _recv in items:
                    plan[id(fn)] = Handler(fn, dec, method, sdk.SERVER_HANDLERS[method], "", conv)
                continue
            for fn, dec, method, _recv in items:
                kind = sdk.SERVER_HANDLERS[method]
                why, draft = drafts[id(fn)]
                if not why and name is None:
                    why = "the server expression cannot be repeated after the handler"
                if why:
                    plan[id(fn)] = Handler(fn, dec, method, kind, why, None)
                    continue
                conv = Conversion("add")
                self._add_draft(conv, fn, draft)
                server = name[: -len("._mcp_server")] + "._lowlevel_server" if via_mcpserver(dec) else name
                conv.edits.append(self._register_add(fn, kind, server, forms.get(id(fn), (None, None))[1]))
                plan[id(fn)] = Handler(fn, dec, method, kind, "", conv)
        self._thread_context(plan)
        self._inline_context_properties(plan)
        self._drop_request_ctx(plan)
        self.scratch["low.plan"] = plan
        return plan

    def _call_forms(self) -> Dict[int, Tuple[ast.AST, ast.Expr]]:
        """{id(def): (def, statement)} for `server.subscribe_resource()(handler)` statements registering
        an `async def` of this file (a lowlevel `Server`, or `mcp._mcp_server` of an MCPServer)."""
        cached = self.scratch.get("low.forms")
        if cached is not None:
            return cached
        out = {}
        for st in self.walk(ast.Expr):
            v = st.value
            if not (
                isinstance(v, ast.Call)
                and isinstance(v.func, ast.Call)
                and len(v.args) == 1
                and not v.keywords
                and isinstance(v.args[0], (ast.Name, ast.Attribute))
                and isinstance(v.func.func, ast.Attribute)
                and v.func.func.attr in sdk.SERVER_HANDLERS
            ):
                continue
            recv = v.func.func.value
            if not (
                self.is_instance(recv, sdk.SERVER)
                or isinstance(recv, ast.Attribute)
                and recv.attr == "_mcp_server"
                and self.is_instance(recv.value, sdk.FASTMCP)
            ):
                continue
            fn = self._registered_def(v.args[0])
            if fn is not None and id(fn) not in out:
                out[id(fn)] = (fn, st)
        self.scratch["low.forms"] = out
        return out

    def _registered_def(self, handler: ast.expr):
        """The def a call-form registration names: a function of the file, or `self.handle` for a
        method of the class whose method registers it (one def of that name in the class)."""
        if isinstance(handler, ast.Name):
            b = self.binding(handler)
            return b.node if b is not None and isinstance(b.node, (ast.FunctionDef, ast.AsyncFunctionDef)) else None
        if not isinstance(handler.value, ast.Name):
            return None
        b = self.binding(handler.value)
        cls = self.types.method_class(b.node) if b is not None and isinstance(b.node, ast.arg) else None
        if cls is None:
            return None
        found = self.defs_named(cls, handler.attr)
        return found[0] if len(found) == 1 else None

    def handler_context_name(self, fn) -> Optional[str]:
        """The name of a converted handler's context parameter: `ctx`, unless the handler binds `ctx` to
        something else (`ctx = await self._context()`); then a free one (v2 passes it by position)."""
        taken = self.names_in(fn) | {a.arg for a in ast.walk(fn.args) if isinstance(a, ast.arg)}
        if "ctx" not in taken or self._context_aliases(fn):
            return "ctx"
        return next((n for n in ("request_ctx", "server_ctx") if n not in taken), None)

    def registered_handler(self, fn) -> Optional[str]:
        """The handler as a `server.list_tools()(<handler>)` statement names it, else None."""
        form = self._call_forms().get(id(fn))
        return self.source(form[1].value.args[0]) if form is not None else None

    def used_directly(self, fn) -> bool:
        """Code other than its registration calls or names the handler (for a method: reads it off an
        object, or a subclass may override it), so what it takes and returns must stay v1's."""
        form = self._call_forms().get(id(fn))
        registered = form[1].value.args[0] if form is not None else None
        if any(n is not registered and self.bound_by(n, fn) for n in self.names_with_id(fn.name)):
            return True
        return self._bound_method(fn) and self._method_used_elsewhere(fn, registered)

    def _v1_args(self, fn) -> List[ast.arg]:
        """The parameters v1 passed the handler (a method's `self` is not one)."""
        return fn.args.args[1:] if self._bound_method(fn) else fn.args.args

    def _method_used_elsewhere(self, fn, registered: ast.expr) -> bool:
        """Code other than the registration reads the method off an object (`self.list_tools()`, a
        test calling it on an instance), names it in a string, or a subclass overrides it: here or,
        by name, in any other module of the project."""
        cls = self.parent(fn)
        for node in self.attributes_named(fn.name):
            owner = self.instance_of(node.value)  # an SDK object's, or another class's, member is not it
            if node is not registered and (owner is None or owner.rpartition(".")[2] == cls.name):
                return True
        for other in self.walk(ast.ClassDef):
            if other is not cls and (
                self.defs_named(other, fn.name)
                or any(isinstance(b, ast.Name) and b.id == cls.name for b in other.bases)
            ):
                return True
        project, module = self.types.project, module_name(self.filename)
        return self.named_in_string(fn.name) or (
            project is not None and module is not None and project.member_used(module, fn.name)
        )

    def _bound_method(self, fn) -> bool:
        """The handler is a method, registered as `server.list_tools()(self.list_tools)`."""
        form = self._call_forms().get(id(fn))
        return form is not None and isinstance(form[1].value.args[0], ast.Attribute)

    def _mcpserver_decorated(self) -> List[Tuple[ast.AST, ast.expr]]:
        """(def, decorator) for `@mcp._mcp_server.<decorator>()`: the v1 workaround for handlers
        `FastMCP` had no API for (SRV019), registered on v2's `mcp._lowlevel_server`."""
        out = []
        for node in self.attributes_named("_mcp_server"):
            dec = self.parent(self.parent(node))
            fn = self.parent(dec)
            if (
                isinstance(dec, ast.Call)
                and dec.func is self.parent(node)
                and dec.func.attr in sdk.SERVER_HANDLERS
                and isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef))
                and dec in fn.decorator_list
                and self.is_instance(node.value, sdk.FASTMCP)
            ):
                out.append((fn, dec))
        return out

    def _thread_context(self, plan: Dict[int, "Handler"]) -> None:
        """Helpers that read `server.request_context` (or `request_ctx.get()`) and that only handlers of
        one conversion call (`self._log(...)` in a class-based server) take the handler's `ctx` as a
        parameter, passed by each of those calls, within that conversion: in v1 the current request's
        context was the calling handler's own."""
        if not plan or not (self.attributes_named("request_context") or self.references(sdk.REQUEST_CTX)):
            return
        owner = {id(h.fn): h.conversion for h in plan.values()}
        for fn in self.walk(ast.FunctionDef, ast.AsyncFunctionDef):
            if (
                id(fn) in owner
                or fn.decorator_list
                or any(isinstance(a, ast.arg) and a.arg == "ctx" for a in ast.walk(fn.args))
            ):
                continue
            uses = [u for u in self._request_context_uses(fn, None) if self._def_of(u) is fn]
            calls = self._helper_calls(fn) if uses else None
            if not calls:
                continue
            callers = [self._def_of(c) for c in calls]
            convs = [owner.get(id(h)) for h in callers]
            aliases = self._context_aliases(fn) or []
            if None in convs or ("ctx" in self.names_in(fn) and not aliases):
                continue
            param = self.add_param(fn, "ctx: %s" % self.request_context_ref())
            passes = [
                None if self.has_star(c) else self.add_kwargs(c, "ctx=%s" % self.handler_context_name(h))
                for c, h in zip(calls, callers)
            ]
            if param is None or None in passes:
                continue
            # the helper's own edits go with every conversion whose handlers call it (the same edits, so
            # they apply once); each call's with its handler's
            helper = [param] + [self.delete(self.whole_lines(st)) for st in aliases]
            helper += [self.replace(u, "ctx") for u in uses if not any(u is st.value for st in aliases)]
            for conv, passed in zip(convs, passes):
                conv.edits += [e for e in helper if e not in conv.edits] + [passed]
                conv.contexts += [u for u in uses if u not in conv.contexts]

    def _inline_context_properties(self, plan: Dict[int, "Handler"]) -> None:
        """A `@property` of a class-based server that only returns something of `server.request_context`
        (`return self.server.request_context.lifespan_context`): each read of it in a converted handler
        becomes that expression on the handler's `ctx` (`ctx.lifespan_context`), within the handler's
        conversion. The property stays, marked, for code outside the handlers."""
        if not plan or not self.attributes_named("request_context"):
            return
        owner = {id(h.fn): h.conversion for h in plan.values()}
        for fn in self.walk(ast.FunctionDef):
            holder = self.parent(fn)
            body = [st for st in fn.body if not (isinstance(st, ast.Expr) and isinstance(st.value, ast.Constant))]
            if not (
                isinstance(holder, ast.ClassDef)
                and [self.dotted(d) for d in fn.decorator_list] == ["property"]
                and len(body) == 1
                and isinstance(body[0], ast.Return)
                and body[0].value is not None
            ):
                continue
            uses = self._request_context_uses(fn, None)
            reads = [
                r
                for r in self.attributes_named(fn.name)
                if isinstance(r.value, ast.Name) and r.value.id == "self" and self.enclosing(r, ast.ClassDef) is holder
            ]
            if not uses or self.named_in_string(fn.name) or any(not isinstance(r.ctx, ast.Load) for r in reads):
                continue
            expr = body[0].value
            start = self.span(expr)[0]
            text = self.source(expr).replace("{", "{{").replace("}", "}}")
            for u in sorted(uses, key=lambda n: self.span(n)[0], reverse=True):
                a, b = self.span(u)
                text = text[: a - start] + "{ctx}" + text[b - start :]
            if not isinstance(expr, (ast.Attribute, ast.Name, ast.Call, ast.Subscript)):
                text = "(%s)" % text
            for r in reads:
                conv = owner.get(id(self._def_of(r)))
                if conv is not None:
                    conv.edits.append(self.replace(r, text.format(ctx=self.handler_context_name(self._def_of(r)))))

    def _def_of(self, node) -> Optional[ast.AST]:
        return self.enclosing(node, ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)

    def _helper_calls(self, fn) -> Optional[List[ast.Call]]:
        """Every use of the helper `fn` when each is a call of it: `self.<name>(...)` in its own class for
        a method (the server's own `server.<name>` decorators aside: they are not the method), `<name>(...)`
        for a module-level function no other module imports or for a function nested in another (every
        use of its name there bound to it); else None."""
        holder = self.parent(fn)
        if isinstance(holder, ast.ClassDef):
            named = [a for a in self.attributes_named(fn.name) if not self.is_instance(a.value, sdk.SERVER)]
            refs = [
                a
                for a in named
                if isinstance(a.value, ast.Name) and a.value.id == "self" and self.enclosing(a, ast.ClassDef) is holder
            ]
            if len(refs) != len(named):
                return None
        elif holder is self.tree and not self.imported_elsewhere(fn.name):
            refs = self.names_with_id(fn.name)
        elif isinstance(holder, (ast.FunctionDef, ast.AsyncFunctionDef)):
            refs = [r for r in self.names_with_id(fn.name) if self.within(r, holder)]
            if not all(self.bound_by(r, fn) for r in refs):
                return None  # the name is rebound, or shadowed by another function of that name
        else:
            return None
        if self.named_in_string(fn.name):
            return None  # `getattr(self, "_log")`, `__all__`
        calls = [self.parent(r) for r in refs]
        if not refs or not all(isinstance(c, ast.Call) and c.func is r for c, r in zip(calls, refs)):
            return None
        return calls

    def _drop_request_ctx(self, plan: Dict[int, "Handler"]) -> None:
        """The `request_ctx` import goes with the conversion that turns all its uses into `ctx`."""
        uses = [n for n in self.references(sdk.REQUEST_CTX) if isinstance(self.parent(n), ast.Attribute)]
        owners = {
            id(h.conversion): h.conversion
            for h in plan.values()
            if h.conversion is not None and any(self.parent(self.parent(u)) in h.conversion.contexts for u in uses)
        }
        if len(owners) != 1 or not uses:
            return
        conv = next(iter(owners.values()))
        if not all(self.parent(self.parent(u)) in conv.contexts for u in uses):
            return
        for alias in self.import_aliases(sdk.REQUEST_CTX):
            edit = self.drop_import_alias(alias)
            if edit is None:
                return
            conv.edits.append(edit)
            conv.imports.append(alias)

    def _server_info(self, recv: ast.expr):
        """(the `name = Server(...)` statement the receiver names, or None; whether handlers need
        `ServerRequestContext[Any]`: the server may have a lifespan type, or its type is not shown)."""
        st, call = None, None
        if isinstance(recv, ast.Name):
            b = self.binding(recv)
            if b is not None and isinstance(b.node, (ast.Assign, ast.AnnAssign)):
                st = b.node
        else:
            key = dotted(recv)
            bindings = self.resolver._attr_bindings.get(key or "")
            if bindings and len(bindings) == 1 and isinstance(bindings[0].node, (ast.Assign, ast.AnnAssign)):
                call = bindings[0].node.value
                ann = getattr(bindings[0].node, "annotation", None)
                if ann is not None and isinstance(ann, ast.Subscript):
                    call = None
        if st is not None:
            value = st.value
            targets = st.targets if isinstance(st, ast.Assign) else [st.target]
            ann = getattr(st, "annotation", None)
            if not (
                len(targets) == 1
                and isinstance(targets[0], ast.Name)
                and isinstance(value, ast.Call)
                and self.is_ref(value.func, sdk.SERVER)
            ):
                st = None
            elif ann is None or not isinstance(ann, ast.Subscript):
                call = value
        if not isinstance(call, ast.Call) or not self.is_ref(call.func, sdk.SERVER):
            return st, True
        typed = (
            self.keyword(call, "lifespan") is not None
            or len(call.args) > 5
            or any(k.arg is None for k in call.keywords)
            or any(isinstance(a, ast.Starred) for a in call.args)
        )
        return st, typed

    # ---- `server.request_handlers[XRequest] = handler` --------------------------------------------
    def handler_dict_plan(self) -> Dict[int, Tuple[Optional[Conversion], str]]:
        """{id(`x.request_handlers` node): (conversion, why not)} for `x.request_handlers[XRequest] = fn`
        (and `notification_handlers`) statements: `x.add_request_handler(route, params_type, fn)`, with
        `fn`'s v1 `(request)` signature turned into `(ctx, params)`."""
        cached = self.scratch.get("low.dicts")
        if cached is not None:
            return cached
        out: Dict[int, Tuple[Optional[Conversion], str]] = {}
        for node in self.handler_dicts():
            sub = self.parent(node)
            st = self.parent(sub)
            if (
                isinstance(sub, ast.Subscript)
                and sub.value is node
                and isinstance(st, ast.Assign)
                and st.targets == [sub]
            ):
                out[id(node)] = self._dict_conversion(node, sub, st)
        self.scratch["low.dicts"] = out
        return out

    def handler_dicts(self) -> List[ast.Attribute]:
        """`x.request_handlers` / `x.notification_handlers` of a lowlevel `Server`: `x` is one, or the
        dict is keyed by a v1 request or notification class (`x.request_handlers[types.ListToolsRequest]`,
        `types.ListToolsRequest in x.request_handlers`)."""
        out = []
        for node in self.attributes_named("request_handlers") + self.attributes_named("notification_handlers"):
            if self.is_instance(node.value, sdk.SERVER) or self._keyed_by_sdk_type(node):
                out.append(node)
        return sorted(out, key=lambda n: (n.lineno, n.col_offset))

    def _keyed_by_sdk_type(self, node) -> bool:
        parent = self.parent(node)
        key = None
        if isinstance(parent, ast.Subscript) and parent.value is node:
            key = parent.slice
        elif (
            isinstance(parent, ast.Compare)
            and len(parent.comparators) == 1
            and parent.comparators[0] is node
            and isinstance(parent.ops[0], (ast.In, ast.NotIn))
        ):
            key = parent.left
        q = self.resolve(key) if key is not None else None
        return bool(q) and q.startswith(sdk.TYPES) and q.endswith(("Request", "Notification"))

    def handler_route(self, key: ast.AST, notification: bool) -> Optional[Tuple[str, str]]:
        """(method, params type) of the v1 request (or notification) class `key` names
        (`types.ListToolsRequest` -> ("tools/list", "PaginatedRequestParams")), else None."""
        q = self.resolve(key) or ""
        name = q[len(sdk.TYPES) :] if q.startswith(sdk.TYPES) else ""
        route = sdk.HANDLER_ROUTES.get(name)
        return route if route is not None and name.endswith("Notification") == notification else None

    def _dict_conversion(self, node, sub, st) -> Tuple[Optional[Conversion], str]:
        notification = node.attr == "notification_handlers"
        route = self.handler_route(sub.slice, notification)
        if route is None:
            return None, "register the handler with `add_%s_handler(method, params_type, handler)`" % (
                "notification" if notification else "request"
            )
        fn = None
        if isinstance(st.value, ast.Name):
            b = self.binding(st.value)
            fn = b.node if b is not None and isinstance(b.node, ast.AsyncFunctionDef) else None
        server = dotted(node.value)
        why = (
            self._dict_handler_problem(fn, st)
            if fn is not None and server
            else "the handler is not an `async def` of this file"
        )
        if why:
            return None, why
        site = self._import_site(fn)
        if site is False:
            return None, "the SDK is imported inside a class body"
        needs: Set[Tuple[Optional[str], str]] = set()
        prefix = self.types_prefix(fn)
        ptype = prefix + route[1] if prefix else route[1]
        if not prefix and not self._name_visible(route[1], fn, sdk.TYPES + route[1]):
            needs.add(("mcp.types", route[1]))
        typed = self._server_info(node.value)[1]
        if not self._name_visible(SRC, fn, "mcp.server." + SRC, "mcp.server.context." + SRC):
            needs.add(("mcp.server", SRC))
        if typed and not self._name_visible("Any", fn, "typing.Any", "typing_extensions.Any"):
            needs.add(("typing", "Any"))
        conv = Conversion("add")
        conv.handlers.append(fn)
        o, c = self.paren_span(fn)
        opt = " | None" if route[1] == "PaginatedRequestParams" else ""
        signature = self.replace((o + 1, c), "ctx: %s%s, params: %s%s" % (SRC, "[Any]" if typed else "", ptype, opt))
        conv.edits = [
            self.replace(
                st,
                '%s.add_%s_handler("%s", %s, %s)'
                % (server, "notification" if notification else "request", route[0], ptype, fn.name),
            )
        ]
        conv.edits += [self.replace(n, "params") for n in self._request_params_uses(fn, fn.args.args[0].arg)]
        conv.edits += [signature] + self._import_edits(needs, site)
        return conv, ""

    def _dict_handler_problem(self, fn, st) -> str:
        a = fn.args
        if a.posonlyargs or a.vararg or a.kwarg or a.kwonlyargs or a.defaults or len(a.args) != 1:
            return "the handler does not take just the v1 request object"
        if self._request_params_uses(fn, a.args[0].arg) is None:
            return "the handler uses the v1 request object beyond `request.params`"
        if {"ctx", "params"} & (self.names_in(fn) - {a.args[0].arg}):
            return "the handler already uses the names `ctx`/`params`"
        if fn.body[0].lineno == fn.lineno or self.paren_span(fn) is None or fn.decorator_list:
            return "the handler's definition is unusual"
        uses = [n for n in self.names_with_id(fn.name) if self.bound_by(n, fn)]
        if uses != [st.value]:
            return "the handler is also called or referenced elsewhere, and its signature changes"
        return ""

    # ---- one handler ------------------------------------------------------------------------------
    def _draft(self, fn, dec, method: str, recv, info) -> Tuple[str, Optional[_Draft]]:
        kind = sdk.SERVER_HANDLERS[method]
        why = self._signature_problem(fn, dec, kind)
        if why:
            return why, None
        site = self._import_site(fn)
        if site is False:
            return "the SDK is imported inside a class body", None
        needs: Set[Tuple[Optional[str], str]] = set()
        prefix = self.types_prefix(fn)

        def ref(name: str) -> str:
            if prefix:
                return prefix + name
            if not self._name_visible(name, fn, sdk.TYPES + name):
                needs.add(("mcp.types", name))
            return name

        edits: List[Edit] = []
        if id(fn) not in self._call_forms():
            ls = self.index.line_start(dec.lineno)
            edits.append(self.delete((ls, self.index.line_start(dec.end_lineno + 1))))
        ctx_ann = SRC + ("[Any]" if info[1] else "")
        if not self._name_visible(SRC, fn, "mcp.server." + SRC, "mcp.server.context." + SRC):
            needs.add(("mcp.server", SRC))
        if info[1] and not self._name_visible("Any", fn, "typing.Any", "typing_extensions.Any"):
            needs.add(("typing", "Any"))
        params = " | ".join(ref(p) if p != "None" else "None" for p in [p.strip() for p in kind.params.split("|")])
        o, c = self.paren_span(fn)
        own = "%s, " % self.source(fn.args.args[0]) if self._bound_method(fn) else ""
        cname = self.handler_context_name(fn)
        edits.append(self.replace((o + 1, c), "%s%s: %s, params: %s" % (own, cname, ctx_ann, params)))
        args = [a.arg for a in self._v1_args(fn)]
        if kind.list_field and args:
            own = self._params_aliases(fn, args[0]) or []  # `params = getattr(request, "params", None)`
            edits += [self.delete(self.whole_lines(st)) for st in own]
            edits += [
                self.replace(n, "params")
                for n in self._request_params_uses(fn, args[0])
                if not any(n is st.value for st in own)
            ]
        elif args:
            url = None
            if kind.fields == ("uri",) and self._non_str_uses(fn, args[0]):
                # v1 passed an `AnyUrl`: kept where the handler uses it as more than text
                url = "AnyUrl"
                if not self._name_visible(url, fn, "pydantic.AnyUrl", "pydantic.networks.AnyUrl"):
                    needs.add(("pydantic", url))
            unpack = self._unpack(fn, method, kind, args, url)
            if unpack is not None:
                edits.append(unpack)
        returns = lowlevel_returns.convert(self, fn, method, kind, ref, needs)
        if isinstance(returns, str):
            return returns, None
        ret_edits, first = returns
        edits += ret_edits
        if kind.result and fn.returns is not None and not self.is_ref(fn.returns, sdk.TYPES + kind.result):
            edits.append(self.replace(fn.returns, ref(kind.result)))
        contexts = self._request_context_uses(fn, recv)
        aliases = self._context_aliases(fn) or []
        edits += [self.delete(self.whole_lines(st)) for st in aliases]
        edits += [self.replace(n, cname) for n in contexts if not any(n is st.value for st in aliases)]
        notes = []  # what v2 changed and a person must check, at the spot: markers that stay
        if method == "call_tool" and not self._no_validation(dec):
            notes.append((fn, fn, CALL_TOOL_CHECK))
        edits = self._import_edits(needs, site) + edits  # first: a helper defined below a lazy import goes after them
        return "", _Draft(edits, needs, first, contexts, notes)

    def _signature_problem(self, fn, dec, kind: HandlerKind) -> str:
        if not isinstance(fn, ast.AsyncFunctionDef):
            return "the handler is not an `async def`"
        form = self._call_forms().get(id(fn), (None, None))[1]
        if len(fn.decorator_list) > (0 if form else 1):
            return "another decorator is stacked on the handler: check what it expects before converting"
        if not isinstance(dec, ast.Call) or dec.args or any(k.arg != "validate_input" for k in dec.keywords):
            return "the decorator takes arguments"
        if form is not None and self.whole_lines(form) is None:
            return "the registration shares a line with other code"
        method = self._bound_method(fn)
        if isinstance(self.resolver.scope_of.get(id(fn)), ast.ClassDef) and not method:
            return "the handler is a method"
        a, args = fn.args, self._v1_args(fn)
        if a.posonlyargs or a.vararg or a.kwarg or a.kwonlyargs:
            return "the handler's parameter list is unusual"
        if len(args) > len(kind.fields) and not (kind.list_field and len(args) == 1):
            return "the handler takes the v1 request object; read `params` instead"
        if kind.list_field and args and self._request_params_uses(fn, args[0].arg) is None:
            return "the handler uses the v1 request object beyond `request.params`"
        taken = self.names_in(fn) | {x.arg for x in a.args}
        if "params" in taken and kind.list_field and args and self._params_aliases(fn, args[0].arg):
            taken.discard("params")
        if "params" in taken or self.handler_context_name(fn) is None:
            return "the handler already uses the names `ctx`/`params`"
        if fn.body[0].lineno == fn.lineno:
            return "the handler body shares the `def` line"
        if self.paren_span(fn) is None:
            return "the parameter list could not be located"
        ls = self.index.line_start(dec.lineno)
        if form is None and (self.text[ls : self.span(dec)[0]].strip() != "@" or dec.end_lineno >= fn.lineno):
            return "the decorator shares a line with other code"
        if self.used_directly(fn):
            if method:
                return "the method is also called, referenced or overridden elsewhere, and its signature changes"
            return "the handler is also called or referenced directly, and its signature changes"
        for n in self.body_nodes(fn):
            if isinstance(n, ast.Attribute) and n.attr == "experimental" and self._is_request_context(n.value):
                return "the handler uses `request_context.experimental` (task support), removed in v2"
        return ""

    def _params_aliases(self, fn, arg: str) -> Optional[List[ast.stmt]]:
        """The handler's `params = request.params` (or `getattr(request, "params", None)`) statements
        when they are its only bindings of `params` (each a whole line of the body): the parameter
        `params` takes their place."""
        uses = self._request_params_uses(fn, arg) or []
        out = []
        for n in ast.walk(fn):
            if isinstance(n, (ast.Name, ast.arg)) and getattr(n, "id", getattr(n, "arg", None)) == "params":
                if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load):
                    continue
                st = self.parent(n)
                if not (
                    isinstance(st, ast.Assign)
                    and st.targets == [n]
                    and st in fn.body
                    and any(st.value is u for u in uses)
                    and self.whole_lines(st) is not None
                ):
                    return None
                out.append(st)
        return out

    def _context_aliases(self, fn) -> Optional[List[ast.stmt]]:
        """The handler's `ctx = server.request_context` statements when they are its only bindings of
        `ctx` (each a whole line of the body): the parameter `ctx` takes their place."""
        out = []
        for n in ast.walk(fn):
            if isinstance(n, ast.Name) and n.id == "ctx" and not isinstance(n.ctx, ast.Load):
                st = self.parent(n)
                if not (
                    isinstance(st, ast.Assign)
                    and st.targets == [n]
                    and st in fn.body
                    and self._is_request_context(st.value)
                    and self.whole_lines(st) is not None
                ):
                    return None
                out.append(st)
            elif isinstance(n, ast.arg) and n.arg == "ctx" and n not in fn.args.args:
                return None
        return out or None

    def _request_params_uses(self, fn, arg: str) -> Optional[List[ast.AST]]:
        """The nodes that become `params` when every use of the v1 request object reads its params:
        `<arg>.params`, `getattr(<arg>, "params", None)`, and `<arg>` in a `<arg> is not None` guard
        beside `<arg>.params` in one `and` (v1 called a paginated handler with None to refresh its
        tool cache; v2 passes None params). None for any other use."""
        out = []
        for n in ast.walk(fn):
            if isinstance(n, ast.Name) and n.id == arg and isinstance(n.ctx, ast.Load):
                parent = self.parent(n)
                if isinstance(parent, ast.Attribute) and parent.attr == "params":
                    out.append(parent)
                elif (
                    isinstance(parent, ast.Call)
                    and isinstance(parent.func, ast.Name)
                    and parent.func.id == "getattr"
                    and self.binding(parent.func) is None
                    and parent.args[:1] == [n]
                    and len(parent.args) == 3
                    and self.const_str(parent.args[1]) == "params"
                    and isinstance(parent.args[2], ast.Constant)
                    and parent.args[2].value is None
                ):
                    out.append(parent)
                elif self._params_guard(parent, n):
                    out.append(n)
                else:
                    return None
        return out

    def _params_guard(self, compare: ast.AST, name: ast.Name) -> bool:
        """`request is not None` (or `request` alone) as one operand of an `and` that also reads
        `request.params`."""
        if isinstance(compare, ast.BoolOp):  # `request and request.params`: the name is the operand
            compare, guard = name, compare
        else:
            guard = self.parent(compare)
        return (
            (
                compare is name
                or isinstance(compare, ast.Compare)
                and compare.left is name
                and len(compare.ops) == 1
                and isinstance(compare.ops[0], ast.IsNot)
                and isinstance(compare.comparators[0], ast.Constant)
                and compare.comparators[0].value is None
            )
            and isinstance(guard, ast.BoolOp)
            and isinstance(guard.op, ast.And)
            and any(
                isinstance(v, ast.Attribute)
                and v.attr == "params"
                and isinstance(v.value, ast.Name)
                and v.value.id == name.id
                for v in guard.values
            )
        )

    def _unpack(self, fn, method: str, kind: HandlerKind, args: List[str], url: Optional[str]) -> Optional[Edit]:
        """`name, arguments = params.name, params.arguments or {}` for the v1 arguments the body reads
        (`uri = AnyUrl(params.uri)` when `url` names the class)."""
        used = {n.id for n in ast.walk(fn) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
        names, values = [], []
        for n, field in zip(args, kind.fields):
            if n in used:
                names.append(n)
                value = "params.%s%s" % (field, " or {}" if method == "call_tool" and field == "arguments" else "")
                values.append("%s(%s)" % (url, value) if url and field == "uri" else value)
        if not names:
            return None
        body = fn.body
        doc = (
            isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str)
        )
        anchor_stmt = body[1] if doc and len(body) > 1 else body[0]
        indent = self.index.indentation(anchor_stmt.lineno)
        line = "%s%s = %s%s" % (indent, ", ".join(names), ", ".join(values), self.index.newline())
        if doc and len(body) == 1:
            return self.insert(self.index.line_start(body[0].end_lineno + 1), line)
        return self.insert(self.index.line_start(anchor_stmt.lineno), line)

    def _is_request_context(self, node) -> bool:
        """`<lowlevel server>.request_context` or `request_ctx.get()`."""
        if isinstance(node, ast.Attribute) and node.attr == "request_context":
            return self.is_instance(node.value, sdk.SERVER)
        return (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get"
            and not node.args
            and self.is_ref(node.func.value, sdk.REQUEST_CTX)
        )

    def _request_context_uses(self, fn, recv) -> List[ast.AST]:
        return [n for n in ast.walk(fn) if isinstance(n, (ast.Attribute, ast.Call)) and self._is_request_context(n)]

    @staticmethod
    def _no_validation(dec) -> bool:
        for k in dec.keywords:
            if k.arg == "validate_input" and isinstance(k.value, ast.Constant) and k.value.value is False:
                return True
        return False

    def _non_str_uses(self, fn, arg: str) -> List[ast.Name]:
        """Uses of `arg` that do not just turn it into text (`str(uri)`, an f-string): where an `AnyUrl`
        and a `str` may behave differently."""
        out = []
        for n in ast.walk(fn):
            if isinstance(n, ast.Name) and n.id == arg and isinstance(n.ctx, ast.Load):
                parent = self.parent(n)
                if isinstance(parent, ast.FormattedValue):
                    continue
                if (
                    isinstance(parent, ast.Call)
                    and isinstance(parent.func, ast.Name)
                    and parent.func.id == "str"
                    and parent.args == [n]
                    and self.resolve(parent.func) is None
                ):
                    continue
                out.append(n)
        return out

    # ---- imports ----------------------------------------------------------------------------------
    def _import_site(self, fn):
        """None: imports go at the top of the file; an import statement inside the enclosing function
        (the SDK is imported lazily there) to add them after; False: the SDK is imported in a class body."""
        if any(self._is_sdk_import(n) for n in self.tree.body):
            return None
        best = None
        for node in self.imports():
            if self._is_sdk_import(node) and self._visible(node, fn):
                if best is None or node.lineno > best.lineno:
                    best = node
        if best is not None:
            return best
        if any(
            self._is_sdk_import(n) and isinstance(self.resolver.scope_of.get(id(n)), ast.ClassDef)
            for n in self.imports()
        ):
            return False
        return None

    @staticmethod
    def _is_sdk_import(node) -> bool:
        if isinstance(node, ast.Import):
            return any(a.name.split(".")[0] == "mcp" for a in node.names)
        return isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == "mcp"

    def _name_visible(self, name: str, at: ast.AST, *qualnames: str) -> bool:
        """`name` is bound at `at` by an import of one of `qualnames`."""
        b = self.resolver._lookup(name, self.resolver.scope_of.get(id(at), self.tree), self.resolver.offset_of(at))
        return (
            b is not None
            and b.kind == "import"
            and canonical(b.target) in {canonical(q) for q in qualnames}
            and not self._type_checking_only(b.node)
        )

    def _import_edits(self, needs, site) -> List[Edit]:
        out = []
        for module, name in sorted(needs, key=lambda x: (x[0] or "", x[1])):
            if module is None or module == "typing" or site is None:
                e = self.add_import(module or name, name if module else None)
            else:
                line = site.end_lineno
                indent = self.index.indentation(site.lineno)
                e = self.insert(
                    self.index.line_start(line + 1),
                    "%sfrom %s import %s%s" % (indent, module, name, self.index.newline()),
                )
            if e is not None:
                out.append(e)
        return out

    # ---- registration -----------------------------------------------------------------------------
    @staticmethod
    def _add_draft(conv: Conversion, fn, draft: _Draft) -> None:
        conv.handlers.append(fn)
        conv.edits += [e for e in draft.edits if e not in conv.edits]
        conv.contexts += draft.contexts
        conv.notes += draft.notes
        if draft.first_wrapped is not None:
            conv.wrapped[id(fn)] = draft.first_wrapped

    def _register_add(self, fn, kind: HandlerKind, server: str, form: Optional[ast.Expr]) -> Edit:
        """`server.add_request_handler(route, params_type, fn)` after the def, or in place of the v1
        call-form registration `server.subscribe_resource()(fn)`."""
        params = kind.param_types()[0]
        prefix = self.types_prefix(fn)
        ptype = prefix + params if prefix else params
        what = "request" if kind.result else "notification"
        handler = self.registered_handler(fn) or fn.name
        call = '%s.add_%s_handler("%s", %s, %s)' % (server, what, kind.route, ptype, handler)
        if form is not None:
            return self.replace(form, call)
        dec = fn.decorator_list[0]
        rest = self.text[self.span(dec)[1] : self.index.line_end(dec.end_lineno)].strip()
        if rest.startswith("#"):  # `# pyright: ignore[...]` and the like go with the registration
            call += "  " + rest
        end = self.whole_lines(fn)
        at = end[1] if end else self.index.line_start(fn.end_lineno + 1)
        nl = self.index.newline()
        lead = "" if self.text[:at].endswith(("\n", "\r")) else nl
        if self.parent(fn) is self.tree:
            lead += nl + nl  # PEP 8: two blank lines after a top-level def
        return self.insert(at, "%s%s%s%s" % (lead, self.index.indentation(fn.lineno), call, nl))

    def _register_on(self, conv: Conversion, st, items) -> None:
        call = st.value
        lines = self.whole_lines(st)
        local = list(self.server_keyword_edits(call) or [])
        local.append(
            self.add_kwargs(call, ", ".join("%s=%s" % (sdk.SERVER_HANDLERS[m].kwarg, fn.name) for fn, _, m, _ in items))
        )
        local += self.server_type_edits(st)
        moved = self.apply_local(self.text[lines[0] : lines[1]], lines[0], local)
        nl = self.index.newline()
        if not moved.endswith(("\n", "\r")):
            moved += nl
        last = max((fn for fn, _, _, _ in items), key=lambda f: f.end_lineno)
        end = self.whole_lines(last)
        at = end[1] if end else self.index.line_start(last.end_lineno + 1)
        indent = self.index.indentation(st.lineno)
        gap = nl + nl if not indent else nl
        prefix = gap if self.text[:at].endswith(("\n", "\r")) else nl + gap
        conv.edits.append(self.delete(self._with_blank_lines(st, lines)))
        conv.edits.append(self.insert(at, prefix + moved))

    def _movable(self, st: ast.stmt, name: str, items) -> bool:
        parent = self.parent(st)
        body = next(
            (
                getattr(parent, f)
                for f in ("body", "orelse", "finalbody")
                if isinstance(getattr(parent, f, None), list) and st in getattr(parent, f)
            ),
            None,
        )
        if body is None or self.whole_lines(st) is None:
            return False
        scope = self.resolver.scope_of.get(id(st))
        if len(self.resolver._bindings.get((id(scope), name), ())) != 1:
            return False
        call = st.value
        if self.server_keyword_edits(call) is None or self.add_kwargs(call, "x=1") is None:
            return False
        for n in ast.walk(st):  # other rules rewrite these; a moved copy would lose their edits
            if isinstance(n, ast.Attribute) and n.attr in sdk.CAMEL_TO_SNAKE:
                return False
            if isinstance(n, ast.keyword) and n.arg in sdk.CAMEL_TO_SNAKE:  # `Icon(mimeType=...)`
                return False
        fns = {id(fn) for fn, _, _, _ in items}
        decs = {id(d) for _, d, _, _ in items}
        if any(fn not in body for fn, _, _, _ in items):
            return False
        idx = body.index(st)
        last = max(body.index(fn) for fn, _, _, _ in items)
        if any(body.index(fn) < idx for fn, _, _, _ in items):
            return False
        names_in = self.names_in
        for node in body[idx + 1 : last + 1]:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                loaded = (
                    [d for d in node.decorator_list if id(d) not in decs]
                    if id(node) in fns
                    else list(node.decorator_list)
                )
                loaded += list(node.args.defaults) + [d for d in node.args.kw_defaults if d is not None]
                if any(name in names_in(x) for x in loaded):
                    return False
                continue
            if name in names_in(node):
                return False
        return True

    def _with_blank_lines(self, st, lines):
        """The statement's lines plus enough blank lines after it that the gap it leaves is no wider
        than the wider of the gaps around it (2 + 2 blank lines become 2, not 4)."""
        top = st.lineno
        while top > 1 and EXISTING.match(self.index.line_text(top - 1)):
            top -= 1  # marker comments above the statement (they go with it)
        before = after = 0
        while self._blank(top - 1 - before):
            before += 1
        while self._blank(st.end_lineno + 1 + after):
            after += 1
        drop = min(before, after)
        parent = self.parent(st)
        if not before and getattr(parent, "body", None) and parent.body[0] is st and parent is not self.tree:
            drop = after  # first in its block: no blank line left under the block's header
        if not drop:
            return lines
        last = st.end_lineno + drop
        end = self.index.line_start(last + 1) if last < self.index.line_count else len(self.text)
        return (lines[0], end)

    def _blank(self, line) -> bool:
        return 1 <= line <= self.index.line_count and not self.index.line_text(line).strip()

    # ---- shared with LOW002/LOW004/LOW005 ---------------------------------------------------------
    def returns_to_wrap(self, fn, kind: HandlerKind):
        """(returns to wrap, returns that need a person) for an unconverted handler's v1 return shapes:
        wrapping a list display keeps working under v1's decorator too."""
        wrap, hand = [], []
        if not (kind.list_field or kind.kwarg == "on_call_tool"):
            return wrap, hand
        result_cls = sdk.TYPES + kind.result
        for r in self.own_returns(fn):
            v = r.value
            if v is not None and isinstance(v, ast.Call) and self.is_ref(v.func, result_cls):
                continue
            if v is not None and lowlevel_returns.is_list_expr(self, v):
                wrap.append(r)
            else:
                hand.append(r)
        return wrap, hand

    def server_keyword_edits(self, call: ast.Call) -> Optional[List[Edit]]:
        """Edits naming `Server(...)`'s positional arguments after `name`; None when unsure. A
        `version` that may be None becomes `version or ""`: v2 takes a `str`, and `""` is what it
        reports for an unversioned server."""
        extra = call.args[1:]
        if any(isinstance(a, ast.Starred) for a in call.args) or len(extra) > len(sdk.SERVER_POSITIONAL):
            return None
        edits = [self.insert(self.span(a)[0], sdk.SERVER_POSITIONAL[i] + "=") for i, a in enumerate(extra)]
        if extra and sdk.SERVER_POSITIONAL[0] == "version" and self._may_be_none(extra[0]):
            edits.append(self.insert(self.span(extra[0])[1], ' or ""'))
        return edits

    def _may_be_none(self, expr: ast.AST) -> bool:
        """A name the file annotates `X | None` / `Optional[X]`, or one that may be assigned None."""
        ann = self.annotation_of(expr)
        if ann is not None:
            return any(
                (isinstance(n, ast.Constant) and n.value is None)
                or (isinstance(n, (ast.Name, ast.Attribute)) and (self.qualname(n) or "").endswith("Optional"))
                for n in ast.walk(ann)
            )
        return isinstance(expr, ast.Name) and "None" in (self.possible_classes(expr) or ())

    def server_type_edits(self, st) -> List[Edit]:
        """LOW005's edit on `x: Server[A, B] = ...` (dropping `B`), so a moved copy carries it."""
        ann = getattr(st, "annotation", None)
        if (
            isinstance(ann, ast.Subscript)
            and isinstance(ann.slice, ast.Tuple)
            and len(ann.slice.elts) == 2
            and self.is_ref(ann.value, sdk.SERVER)
        ):
            elts = ann.slice.elts
            return [self.delete((self.span(elts[0])[1], self.span(elts[1])[1]))]
        return []
