"""Which expressions hold SDK objects: protocol values, sessions, MCPServer handlers and their
`Context`, constructor calls. The answers rules share, each written once.

A "level" is how sure the answer is: "safe" when every step is shown by the file (imports,
constructors, annotations), "review" when one step is a guess (a `session.call_tool(...)` on a
receiver the file never binds, typical of snippets and of sessions passed in from elsewhere).
"""

import ast
from typing import List, Optional, Tuple

from .. import sdk
from ..project import module_name, server_bindings, server_state_name
from ..transport_settings import ServerUses, accepts, fold_destination, server_uses, simple, transport_options
from ..resolver import dotted

ASYNC_ITERATORS = ("AsyncIterator", "AsyncGenerator", "AsyncIterable")

_FIELD_NAMES = {f for fs in sdk.TYPE_FIELDS.values() for f in fs}


class SdkQuestions:
    """Mixed into `PythonContext`; uses the name questions (names.py) and the tree (tree.py)."""

    # ---- protocol values (mcp.types) --------------------------------------------------------
    @staticmethod
    def protocol_type(qualname: Optional[str]) -> Optional[str]:
        """`mcp.types.Tool` -> `Tool` when it is a v1 protocol model, else None."""
        if qualname and qualname.startswith(sdk.TYPES) and qualname[len(sdk.TYPES) :] in sdk.TYPE_FIELDS:
            return qualname[len(sdk.TYPES) :]
        return None

    def protocol_value(self, expr: ast.AST, depth: int = 0) -> Tuple[Optional[str], Optional[str]]:
        """(v1 type name or "?" when only known to be some MCP model, level) for an expression holding
        an MCP protocol object, else (None, None)."""
        if depth > 12:
            return None, None
        inferred = [self.protocol_type(c) for c in self.types.classes_of(expr)]
        if inferred and all(inferred):  # the v1 SDK's own types say so (see inference.py)
            return (inferred[0] if len(inferred) == 1 else "?"), "safe"
        if isinstance(expr, ast.Await):
            expr = expr.value
        if isinstance(expr, ast.Call):
            name = self.protocol_type(self.resolve(expr.func))
            if name:
                return name, "safe"
            f = expr.func
            if isinstance(f, ast.Attribute) and f.attr in sdk.SESSION_RETURNS:
                level = self.receiver_level(f.value, sdk.CLIENT_SESSION, sdk.CLIENT_SESSION_GROUP, sdk.SERVER_SESSION)
                if level:
                    return sdk.SESSION_RETURNS[f.attr], level
            return None, None
        if isinstance(expr, ast.Attribute):
            if expr.attr not in _FIELD_NAMES:
                return None, None
            _, level = self.protocol_value(expr.value, depth + 1)
            return ("?", level) if level else (None, None)
        if isinstance(expr, ast.Subscript):
            _, level = self.protocol_value(expr.value, depth + 1)
            return ("?", level) if level else (None, None)
        if isinstance(expr, ast.Name):
            name = self.protocol_type(self.instance_of(expr))
            if name:
                return name, "safe"
            b = self.resolver.binding(expr)
            if b is None:
                return None, None
            if b.how == "call" and b.expr is not None and b.expr is not expr:
                return self.protocol_value(b.expr, depth + 1)
            loop = b.node
            if (
                isinstance(loop, (ast.For, ast.AsyncFor, ast.comprehension))
                and isinstance(loop.target, ast.Name)
                and loop.target.id == expr.id
            ):
                _, level = self.protocol_value(loop.iter, depth + 1)
                return ("?", level) if level else (None, None)
        return None, None

    # ---- sessions ------------------------------------------------------------------------------
    def receiver_level(self, expr: ast.AST, *classes: str) -> Optional[str]:
        """ "safe" when `expr` is an instance of one of `classes`, "review" when the file cannot tell."""
        if self.is_instance(expr, *classes):
            return "safe"
        return "review" if self.is_unknown_receiver(expr) else None

    def is_server_session(self, expr: ast.AST) -> bool:
        """`ctx.session`, `server.request_context.session`, or a variable typed `ServerSession`."""
        if self.is_instance(expr, sdk.SERVER_SESSION):
            return True
        if isinstance(expr, ast.Attribute) and expr.attr == "session":
            base = expr.value
            if self.is_mcpserver_context(base, in_fragments=True):
                return True
            if isinstance(base, ast.Attribute) and base.attr == "request_context":
                owner = base.value
                if self.is_instance(owner, sdk.SERVER) or self.is_mcpserver_context(owner, in_fragments=True):
                    return True
                if (
                    isinstance(owner, ast.Attribute)
                    and owner.attr == "_mcp_server"
                    and self.is_instance(owner.value, sdk.FASTMCP)
                ):
                    return True
        return False

    def server_session_calls(self, *methods: str) -> List[ast.Call]:
        """`s.m(...)` calls (m in methods) where `s` is a v1 `ServerSession` (see is_server_session)."""
        methods = set(methods)
        return [
            c
            for c in self.walk(ast.Call)
            if isinstance(c.func, ast.Attribute) and c.func.attr in methods and self.is_server_session(c.func.value)
        ]

    # ---- calls of SDK callables -----------------------------------------------------------------
    def sdk_calls(self, qualname: str) -> List[Tuple[ast.Call, bool]]:
        """(call, resolved) for calls of the SDK name, plus calls of the bare name when the file never
        binds it (a guide fragment without its import line): resolved=False, worth a manual finding only."""
        last = qualname.rpartition(".")[2]
        resolved = {id(c) for c in self.calls(qualname)}  # indexed per file
        out = []
        for c in self.walk(ast.Call):
            if id(c) in resolved:
                out.append((c, True))
            elif isinstance(c.func, ast.Name) and c.func.id == last and self.is_unbound(c.func, ignore_sdk_star=True):
                out.append((c, False))
        return out

    def constructor_calls(self, qualname: str) -> List[Tuple[ast.Call, bool]]:
        """`sdk_calls` plus `super().__init__(...)` in classes that subclass the SDK class."""
        out = self.sdk_calls(qualname)
        for cls in self.walk(ast.ClassDef):
            # (`class Hub(FastMCP[HubState])` subclasses it too)
            if not any(self.is_ref(b.value if isinstance(b, ast.Subscript) else b, qualname) for b in cls.bases):
                continue
            for c in self.walk(ast.Call):
                if self.is_super_init(c) and self.enclosing(c, ast.ClassDef) is cls:
                    out.append((c, True))
        return out

    def shared_servers(self) -> List[Tuple[ast.AST, dict, ServerUses]]:
        """(binding, plan, uses here) for each server this file defines at top level or imports from the
        project whose transport settings the project index carries across modules (the binding is the
        assignment or the import alias; the plan is `ProjectIndex.transport_carry`'s)."""
        project, module = self.types.project, module_name(self.types.path)
        if project is None or module is None:
            return []
        facts = project.find(module) or {"names": {}}
        out = []
        for node, origin, loads in server_bindings(self.resolver, self.tree, self.types.path, facts["names"]):
            target = project.definition(*origin)
            plan = project.transport_carry(*target) if target else None
            if plan is not None and isinstance(node, ast.alias):
                stmt = self.import_of(node)
                spec = project.spelled(self.types.path, stmt.level, stmt.module, target[0]) if stmt else None
                plan = dict(plan, module=spec) if spec else None
            if plan is not None:
                out.append((node, plan, server_uses(self.resolver, loads)))
        return out

    def transport_accepts(self, call: ast.Call) -> Optional[Tuple[str, ...]]:
        """The transport settings a server's `run()` / `sse_app()` / ... call takes; None when its
        transport is only known at run time."""
        return accepts(self.resolver, call)

    def transport_options(self, call: ast.Call) -> Optional[List[Tuple[str, ...]]]:
        """The transport settings each transport a server's `run()` / app call may run takes (several
        for `transport: Literal["sse", "streamable-http"]`); None when only the run time knows."""
        return transport_options(self.resolver, call)

    def settings_destination(self, attr: ast.Attribute) -> Optional[ast.Call]:
        """The server's `run...()` / app call right after `mcp.settings.<name> = value` (`attr` its
        target) that the value may move into, else None."""
        return fold_destination(self.resolver, attr)

    @staticmethod
    def simple_value(value: ast.AST) -> bool:
        """A constant or a (dotted) name, possibly negated: an argument safe to move or repeat."""
        return simple(value)

    def same_object_calls(self, ctor: ast.Call, cls: str, *methods: str) -> List[ast.Call]:
        """`x.m(...)` calls (m in methods, x an instance of `cls`) on the very object `ctor` created."""
        return [c for c in self.method_calls(cls, *methods) if self.same_object(c.func.value, ctor)]

    def same_object(self, expr: ast.AST, ctor: ast.Call) -> bool:
        """`expr` names the very object `ctor` created."""
        key = self._ctor_key(ctor)
        return key is not None and self._object_key(expr) == key

    def _object_key(self, expr) -> Optional[tuple]:
        """Identity of the object an expression names: its binding statement, or the dotted target."""
        if isinstance(expr, ast.Call):
            return ("call", id(expr))
        if isinstance(expr, ast.Name):
            b = self.resolver.binding(expr)
            return ("node", id(b.node)) if b is not None else None
        key = dotted(expr)
        return ("attr", key) if key else None

    def _ctor_key(self, call: ast.Call) -> Optional[tuple]:
        """Identity of the object a constructor call creates (`mcp = FastMCP(...)`, `self.mcp = ...`)."""
        stmt = self.parent(call)
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

    # ---- MCPServer (FastMCP) handlers and their Context ---------------------------------------
    def is_request_meta(self, expr: ast.AST) -> bool:
        """`expr` holds a v1 `RequestParams.Meta` / `NotificationParams.Meta` (by type, or spelled
        `x.meta`): a dict in v2, whose fields are keys (TYP010), not snake_case attributes."""
        typed = any(c in sdk.META_CLASSES for c in self.types.classes_of(expr))
        return typed or (isinstance(expr, ast.Attribute) and expr.attr == "meta")

    def fastmcp_handlers(self, *kinds: str) -> List[Tuple[ast.AST, ast.expr, str]]:
        """(def, decorator, kind) for `@mcp.tool()` / `@mcp.resource(...)` / `@mcp.prompt()` handlers."""
        out = []
        for d, dec in self.decorated_by(sdk.FASTMCP, *(kinds or sdk.FASTMCP_HANDLER_DECORATORS)):
            f = dec.func if isinstance(dec, ast.Call) else dec
            out.append((d, dec, f.attr))
        return out

    def declared_server_state(self, server) -> Optional[str]:
        """`AppState` when the server expression is a name declared `FastMCP[AppState]` (a parameter or
        variable annotation, or `FastMCP[AppState](...)`), or built with a `lifespan=` that yields it
        (defined here, or in another module of the project), and `AppState` is bound at module level,
        where a handler's `Context[AppState]` annotation resolves; else None."""
        generic = self.annotation_of(server)
        if generic is None:
            b = self.binding(server) if isinstance(server, ast.Name) else None
            node = b.node if b is not None else None
            if isinstance(node, ast.alias):
                server = self.project_origin(node)
                return self._project_server_state(server) if server else None
            generic = node.value.func if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) else None
        state = server_state_name(self.resolver, generic) or self._local_lifespan_state(server)
        if state is None and isinstance(server, ast.Name) and self.types.project is not None:
            # built here with a `lifespan=` that another module of the project defines
            return self._project_server_state((module_name(self.filename), server.id))
        return state if state is not None and self.module_binding(state) is not None else None

    def _local_lifespan_state(self, server) -> Optional[str]:
        """The type the server's `lifespan=` function yields (`-> AsyncIterator[State]`), when this
        file builds the server (a factory's too) and defines that function."""
        for call in self.calls(sdk.FASTMCP):
            target = self.parent(call)
            if not (
                isinstance(target, ast.Assign) and any(self.source(t) == self.source(server) for t in target.targets)
            ):
                continue
            lifespan = self.keyword_value(call, "lifespan")
            fn = self.types.local_def(lifespan) if lifespan is not None else None
            ann = getattr(fn, "returns", None)
            if (
                isinstance(ann, ast.Subscript)
                and (self.qualname(ann.value) or self.source(ann.value)).rpartition(".")[2] in ASYNC_ITERATORS
            ):
                state = ann.slice.elts[0] if isinstance(ann.slice, ast.Tuple) else ann.slice
                if isinstance(state, ast.Name):
                    return state.id
        return None

    def _project_server_state(self, server) -> Optional[str]:
        """The `State` the project's index gives the server (module, name) (declared `FastMCP[State]`,
        or what its `lifespan=` yields), when this module binds that class: defines it, or imports it
        from the same place."""
        project = self.types.project
        state = project.server_state(*server) if project else None
        b = self.module_binding(state[1]) if state else None
        node = b.node if b is not None else None
        if isinstance(node, ast.ClassDef):
            return state[1] if project.find(state[0]) is project.find(server[0]) else None
        origin = self.project_origin(node) if isinstance(node, ast.alias) and not node.asname else None
        # the index may see the modules under a longer dotted name than this file's import spells
        if origin is None or origin[1] != state[1] or project.find(origin[0]) is not project.find(state[0]):
            return None
        return state[1]

    def fragment_receiver(self, expr) -> bool:
        """`mcp.x` in a snippet that never defines `mcp`: treated as the server only for manual findings."""
        return isinstance(expr, ast.Name) and expr.id == "mcp" and self.is_unbound(expr)

    def is_mcpserver_context(self, expr: ast.AST, via_get_context: bool = False, in_fragments: bool = False) -> bool:
        """`expr` is MCPServer's `Context`: an instance the file shows (an annotated parameter), and
        with via_get_context=True a v1 `mcp.get_context()` result, with in_fragments=True a parameter
        annotated with an unbound `Context` in a handler of a snippet."""
        if self.is_instance(expr, sdk.FASTMCP_CONTEXT):
            return True
        if via_get_context:
            value = expr
            if isinstance(value, ast.Name):
                b = self.resolver.binding(value)
                if b is not None and isinstance(b.node, (ast.Assign, ast.AnnAssign)):
                    value = b.node.value
            if (
                isinstance(value, ast.Call)
                and isinstance(value.func, ast.Attribute)
                and value.func.attr == "get_context"
                and self.is_instance(value.func.value, sdk.FASTMCP)
            ):
                return True
        if in_fragments and isinstance(expr, ast.Name):
            fn = self.enclosing(expr, ast.FunctionDef, ast.AsyncFunctionDef)
            if fn is None or not self._is_fragment_handler(fn):
                return False
            a = fn.args
            for arg in a.posonlyargs + a.args + a.kwonlyargs:
                ann = arg.annotation
                if isinstance(ann, ast.Subscript):
                    ann = ann.value
                if (
                    arg.arg == expr.id
                    and isinstance(ann, ast.Name)
                    and ann.id == "Context"
                    and self.is_unbound(ann, ignore_sdk_star=True)
                ):
                    return True
        return False

    def _is_fragment_handler(self, fn) -> bool:
        """Decorated `@x.tool()` / `@x.resource(...)` / `@x.prompt()` with x a FastMCP or unbound."""
        for dec in fn.decorator_list:
            f = dec.func if isinstance(dec, ast.Call) else dec
            if isinstance(f, ast.Attribute) and f.attr in sdk.FASTMCP_HANDLER_DECORATORS:
                if self.is_instance(f.value, sdk.FASTMCP) or self.is_unbound(f.value, ignore_sdk_star=True):
                    return True
        return False

    def context_attrs(self, *attrs: str) -> List[ast.Attribute]:
        """`c.a` attribute nodes (a in attrs) where `c` is the handler `Context` (or a `get_context()`)."""
        return [
            n
            for n in self.walk(ast.Attribute)
            if n.attr in attrs and self.is_mcpserver_context(n.value, via_get_context=True)
        ]

    def context_calls(self, *methods: str, via_get_context: bool = False, in_fragments: bool = False) -> List[ast.Call]:
        """`c.m(...)` calls (m in methods) where `c` is MCPServer's `Context` (see is_mcpserver_context)."""
        methods = set(methods)
        return [
            c
            for c in self.walk(ast.Call)
            if isinstance(c.func, ast.Attribute)
            and c.func.attr in methods
            and self.is_mcpserver_context(c.func.value, via_get_context, in_fragments)
        ]

    def context_params(self, fn) -> List[str]:
        """Names of `fn`'s parameters annotated with the SDK `Context`."""
        a = fn.args
        out = []
        for p in a.posonlyargs + a.args + a.kwonlyargs:
            ann = p.annotation
            if isinstance(ann, ast.Subscript):
                ann = ann.value
            if isinstance(ann, (ast.Name, ast.Attribute)) and self.is_ref(ann, sdk.FASTMCP_CONTEXT):
                out.append(p.arg)
        return out

    def overrides(self, sdk_class: str, *names: str) -> list:
        """The methods named `names` in the file's subclasses of `sdk_class`: overrides the SDK's own
        code calls."""
        want = self.canonical(sdk_class)
        return [
            fn
            for cls in self.walk(ast.ClassDef)
            if self.types.sdk_base(cls) == want
            for fn in cls.body
            if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)) and fn.name in names
        ]

    def async_overrides(self, sdk_class: str, *names: str) -> list:
        """overrides(), the `async def` ones."""
        return [fn for fn in self.overrides(sdk_class, *names) if isinstance(fn, ast.AsyncFunctionDef)]

    def context_name(self):
        """(local name for the SDK `Context`, import edit or None), or (None, None) if `Context` is taken."""
        for a in self.import_aliases(sdk.FASTMCP_CONTEXT, top_level=True):
            return a.asname or a.name, None
        if self.module_binding("Context") is not None:
            return None, None
        # Written in the v2 spelling: SRV001 only sees the original text.
        return "Context", self.add_import("mcp.server.mcpserver", "Context")
