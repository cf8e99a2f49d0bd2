"""What v1 SDK object an expression holds, from the file's own evidence and the v1 SDK's types.

`result = await session.call_tool(...)`, `for block in result.content:`, `if isinstance(block,
ImageContent): block.mimeType` -> `block` is an `ImageContent`. The types of SDK fields, methods and
functions come from `sdk_types` (generated from the v1 source); the file supplies constructors,
annotations, loops, `with` targets, `isinstance` guards and subclasses of SDK classes; a
`ProjectIndex` supplies names imported from the user's other modules.

Types use the encoding of `sdk_types`: "pkg.Class" is an instance, ("list", T), ("dict", V),
("tuple", (T, ...)), ("union", (T, ...)), ("cm", T); ("class", "pkg.Class") is the class itself (or a user subclass keeping its constructor),
("subclass", "pkg.Class") a user subclass with a constructor of its own; ("def", T) a function of
the user's other modules returning T; ("module", "pkg.mod") a module of the user's imported by name.
"""

import ast
from typing import Dict, Optional, Tuple

from .resolver import dotted
from .sdk import URL_TYPES
from .sdk_types import ALIASES, CLASSES, FUNCTIONS

# Class methods of pydantic models that build an instance of the class they are called on.
CONSTRUCTORS = {"model_validate", "model_validate_json", "model_construct", "parse_obj", "parse_raw"}
# Instance methods that return a copy of the same type.
COPIES = {"model_copy", "copy"}
DICT_READS = {"get", "pop", "setdefault", "values", "items"}
# Builtins returning the elements of their first argument, in another order or container.
REORDERS = {"sorted", "list", "reversed", "tuple"}
FIELDS, METHODS = 1, 2  # the tables of sdk_types.CLASSES entries, and of user classes alike
MAX_DEPTH = 24
# Calls whose result (or awaited result) is their first argument's: `await asyncio.wait_for(session.call_tool(...), 5)`.
PASS_THROUGH = {"asyncio.ensure_future", "asyncio.create_task", "asyncio.wait_for", "asyncio.shield", "asyncio.run"}
# Event-loop entry points that call their first argument (`anyio.run(main, *args)`) and return its result.
RUNS_CALLABLE = {"anyio.run", "trio.run", "anyio.from_thread.run"}
# `contextlib.(Async)ExitStack` methods that enter their argument and return what `with ... as` would bind.
EXIT_STACK_ENTERS = {"enter_async_context", "enter_context"}
# `X: TypeAlias = ...` declares an alias of the type expression it is given.
TYPE_ALIAS = ("typing.TypeAlias", "typing_extensions.TypeAlias")
SELF = ("typing.Self", "typing_extensions.Self")
# Generic annotations whose first argument is what iterating (`for`, `async for`) yields.
ITERABLES = {
    "list",
    "List",
    "Sequence",
    "Iterable",
    "Iterator",
    "AsyncIterator",
    "AsyncIterable",
    "set",
    "Set",
    "Generator",
    "AsyncGenerator",
    "MemoryObjectReceiveStream",
}
# Generic annotations of what `with` / `async with` enters: their argument is what `as` binds.
CONTEXT_MANAGERS = {"AbstractAsyncContextManager", "AsyncContextManager", "AbstractContextManager", "ContextManager"}
# Decorators turning a generator function into a context manager factory.
CM_DECORATORS = {"contextlib.contextmanager", "contextlib.asynccontextmanager"}
# Classes outside the SDK whose instances the inference names: v1's timeouts (CLT004) and pydantic's
# URL types, the values v1 gave for MCP URIs (TYP008: `route.uri` of the user's own `uri: AnyUrl` field).
NAMED_CLASSES = {"datetime.timedelta", *URL_TYPES}
# Union members kept beside a known type: the value may be None (`timeout: timedelta | None`), or
# of a type the inference does not name (`float` in `float | timedelta`).
NONE = ("none",)
OTHER = ("other",)
MATCH_CASE = getattr(ast, "match_case", ())  # Python >= 3.10
MATCH = getattr(ast, "Match", None)


TIMEDELTA = "datetime.timedelta"


def _number(node) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) in (int, float)


def members(t) -> Tuple:
    """The alternatives of a type: a union's members, else the type itself."""
    if t is None:
        return ()
    return t[1] if isinstance(t, tuple) and t[0] == "union" else (t,)


def union(types) -> Optional[object]:
    out = []
    for t in types:
        for m in members(t):
            if m not in out:
                out.append(m)
    if not out:
        return None
    return out[0] if len(out) == 1 else ("union", tuple(out))


class Parameterized(str):
    """An SDK class whose lifespan type argument the code states (`RequestContext[ServerSession, State]`,
    `Server[State]`): its plain qualname to every other question, plus what `.lifespan_context` holds."""

    def __new__(cls, qualname: str, lifespan):
        made = super().__new__(cls, qualname)
        made.lifespan = lifespan
        return made


REQUEST_CONTEXT = "mcp.shared.context.RequestContext"
FASTMCP_CONTEXT = "mcp.server.fastmcp.server.Context"
FASTMCP = "mcp.server.fastmcp.server.FastMCP"
# where each generic SDK class takes the lifespan type, and what of it gives a request context
LIFESPAN_ARG = {REQUEST_CONTEXT: 1, FASTMCP_CONTEXT: 1, "mcp.server.lowlevel.server.Server": 0, FASTMCP: 0}
LIFESPAN_MEMBERS = ("lifespan_context", "request_context", "get_context")


def _with_lifespan(recv, attr: str):
    """`.lifespan_context` of a request context, `.request_context` of a context or server, and
    `.get_context()` of a FastMCP, when the code states the lifespan type; else None."""
    if attr not in LIFESPAN_MEMBERS:  # (asked of every attribute: the common case leaves at once)
        return None
    out = []
    for m in members(recv):
        if not isinstance(m, Parameterized):
            continue
        if attr == "lifespan_context" and m == REQUEST_CONTEXT:
            out.append(m.lifespan)
        elif attr == "request_context" and m != REQUEST_CONTEXT:
            out.append(Parameterized(REQUEST_CONTEXT, m.lifespan))
        elif attr == "get_context" and m == FASTMCP:
            out.append(Parameterized(FASTMCP_CONTEXT, m.lifespan))
    return union(out)


def _user_class(t) -> Optional[str]:
    """ "uclass" for a class of the user's (not derived from the SDK), "uobj" for an instance of one."""
    return t[0] if isinstance(t, tuple) and t[0] in ("uclass", "uobj") else None


def _member_annotation(item: ast.stmt, table: int, name: str):
    """The annotation a class body statement gives member `name` (True when it defines it without
    one), else None."""
    if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name == name:
        is_property = any(
            (d.id if isinstance(d, ast.Name) else getattr(d, "attr", None)) in ("property", "cached_property")
            for d in item.decorator_list
        )
        if is_property != (table == FIELDS):
            return None
        return item.returns if item.returns is not None else True
    if table == FIELDS and isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
        return item.annotation if item.target.id == name else None
    return None


def self_attributes(cls: ast.ClassDef) -> Dict[str, Tuple[ast.AST, Optional[ast.AST], Optional[ast.AST]]]:
    """Instance attributes the class's methods set on `self`: name -> (statement, annotation, value),
    the first annotated one (`self.server: Server[State] = ...` in any method), else the one `__init__`
    assigns (`self.session = ClientSession(r, w)`)."""
    found = {}
    for item in cls.body:
        if not isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) or not item.args.args:
            continue
        me = item.args.args[0].arg
        for node in ast.walk(item):
            if isinstance(node, ast.AnnAssign):
                targets, ann = [node.target], node.annotation
            elif isinstance(node, ast.Assign) and item.name == "__init__":
                targets, ann = node.targets, None
            else:
                continue
            for t in targets:
                if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == me:
                    if ann is not None and (t.attr not in found or found[t.attr][1] is None):
                        found[t.attr] = (node, ann, node.value)
                    elif t.attr not in found:
                        found[t.attr] = (node, None, node.value)
    return found


def _chain(node):
    """(root name, path) of a name or of an attribute / constant-subscript chain on one (`msg["a"].b`
    -> (msg, (("[]", "a"), (".", "b")))), else (None, ())."""
    path = []
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        if isinstance(node, ast.Attribute):
            path.append((".", node.attr))
        elif isinstance(node.slice, ast.Constant):
            path.append(("[]", node.slice.value))
        else:
            return None, ()
        node = node.value
    return (node, tuple(reversed(path))) if isinstance(node, ast.Name) else (None, ())


def _key(root, path):
    return (root.id, *path) if path else root.id


def _guard_key(node):
    """What an isinstance() guard narrows, comparable across nodes: a name's id, or a chain's
    (root id, *path); None for anything else."""
    root, path = _chain(node)
    return _key(root, path) if root is not None else None


def constructor_kind(cls: ast.ClassDef) -> str:
    """ "class" when a subclass keeps its SDK base's constructor, "subclass" when it defines its own."""
    own = any(isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == "__init__" for n in cls.body)
    return "subclass" if own else "class"


def is_sdk_class(qualname: Optional[str]) -> bool:
    return bool(qualname) and (qualname in CLASSES or qualname.startswith("mcp."))


def is_known_class(qualname: Optional[str]) -> bool:
    """A class whose name the inference gives its instances: the SDK's (capitalised) and NAMED_CLASSES."""
    return qualname in NAMED_CLASSES or (is_sdk_class(qualname) and qualname[qualname.rfind(".") + 1 :][:1].isupper())


def _none_literal(node):
    """NONE for the literal `None`, else None."""
    return NONE if isinstance(node, ast.Constant) and node.value is None else None


def _none_assigned(node):
    """NONE for `name = None`, else None."""
    return _none_literal(node.value) if isinstance(node, ast.Assign) else None


def _optional(types):
    """The union of an annotation's parts (None: a part not known), or None when no part is known."""
    known = [t for t in types if t is not None and t not in (NONE, OTHER)]
    return union([OTHER if t is None else t for t in types]) if known else None


def lookup(cls: str, table: int, name: str, depth: int = 0):
    """A field (table 1) or method return (table 2) of `cls`, searching its v1 bases."""
    entry = CLASSES.get(cls)
    if entry is None or depth > 10:
        return None
    found = entry[table].get(name)
    if found is not None:
        return found
    for base in entry[0]:
        found = lookup(base, table, name, depth + 1)
        if found is not None:
            return found
    return None


class Inference:
    def __init__(self, resolver, project=None, path: Optional[str] = None):
        self.resolver = resolver
        self.project = project.seen_from(path) if project is not None and path else project
        self.path = path  # where this file is in the project, for its relative imports
        self._cache = {}
        self._busy = set()
        self._blocks = {}
        self._narrowable_keys = None
        self._roots = None
        self._stored = None
        self._self_attrs = {}  # id(class) -> self_attributes(class)
        self._own = {}  # id(class) -> own_members(class)

    # ---- public ---------------------------------------------------------------------------
    def type_of(self, expr: ast.AST):
        key = id(expr)
        if key in self._cache:
            return self._cache[key]
        if key in self._busy or len(self._busy) > MAX_DEPTH:
            return None  # `x = x.parent` and other cycles
        self._busy.add(key)
        try:
            t = self._infer(expr)
        finally:
            self._busy.discard(key)
        self._cache[key] = t
        return t

    def classes_of(self, expr: ast.AST) -> Tuple[str, ...]:
        """The SDK classes `expr` may be an instance of (a union gives several)."""
        return tuple(m for m in members(self.type_of(expr)) if isinstance(m, str))

    def member_owners(self, expr: ast.AST) -> Tuple[str, ...]:
        """The SDK classes whose members `expr.x` reads: its classes, or the class `expr` names
        (`Server.call_tool`, `ClientSession._received_notification` read off the class to wrap them)."""
        return tuple(
            m[1] if isinstance(m, tuple) else m
            for m in members(self.type_of(expr))
            if isinstance(m, str) or (isinstance(m, tuple) and m[0] in ("class", "subclass"))
        )

    def class_of(self, expr: ast.AST) -> Optional[str]:
        found = self.classes_of(expr)
        return found[0] if len(found) == 1 else None

    # ---- expressions ----------------------------------------------------------------------
    def _infer(self, expr: ast.AST):
        if isinstance(expr, ast.Await):
            return self.type_of(expr.value)
        if isinstance(expr, ast.Call):
            return self._call(expr)
        if isinstance(expr, ast.Name):
            return self._name(expr)
        if isinstance(expr, (ast.Attribute, ast.Subscript)):
            narrowed = self._narrowed(expr)
            if narrowed is not None:
                return narrowed
            return self._attribute(expr) if isinstance(expr, ast.Attribute) else self._subscript(expr)
        if isinstance(expr, ast.IfExp):
            # `timedelta(...) if t else None` may be None where it is read
            return union([_none_literal(b) or self.type_of(b) for b in (expr.body, expr.orelse)])
        if isinstance(expr, ast.BoolOp) and isinstance(expr.op, ast.Or):
            # `timeout or DEFAULT`: only the last value can be a None that `or` gives back
            firsts = [m for v in expr.values[:-1] for m in members(self.type_of(v)) if m != NONE]
            return union(firsts + [self.type_of(expr.values[-1])])
        if isinstance(expr, ast.NamedExpr):
            return self.type_of(expr.value)
        if isinstance(expr, ast.Tuple) and not any(isinstance(e, ast.Starred) for e in expr.elts):
            items = tuple(self.type_of(e) for e in expr.elts)  # `alpha, beta = make("a"), make("b")`
            return ("tuple", items) if any(items) else None
        if isinstance(expr, ast.BinOp):
            return self._timedelta_arithmetic(expr)
        if isinstance(expr, (ast.ListComp, ast.GeneratorExp)):
            elt = self.type_of(expr.elt)
            return ("list", elt) if elt is not None else None
        if isinstance(expr, ast.DictComp):  # `{tool.name: tool for tool in tools}`
            value = self.type_of(expr.value)
            return ("dict", value) if value is not None else None
        return None

    def _timedelta_arithmetic(self, expr: ast.BinOp):
        """`timeout * 2`, `limit / 2`, `a + b` of timedeltas: a timedelta (`td / td` is a float, and
        `td + x` may be a datetime, so only what is a timedelta whatever the other side is)."""
        left, right = self.type_of(expr.left) == TIMEDELTA, self.type_of(expr.right) == TIMEDELTA
        if isinstance(expr.op, ast.Mult) and left != right:
            return TIMEDELTA
        if isinstance(expr.op, (ast.Div, ast.FloorDiv)) and left and _number(expr.right):
            return TIMEDELTA
        if isinstance(expr.op, (ast.Add, ast.Sub)) and left and right:
            return TIMEDELTA
        return None

    def _call(self, call: ast.Call):
        f = call.func
        if (
            isinstance(f, ast.Name)
            and f.id in ("dict", "list")
            and len(call.args) == 1
            and not call.keywords
            and self.resolver.binding(f) is None
        ):  # `dict(sessions)`, `list(tools)`: a copy holding the same values
            t = self.type_of(call.args[0])
            return union([m for m in members(t) if isinstance(m, tuple) and m[0] == f.id])
        q = self.resolver.resolve(f)
        if q in ("typing.cast", "typing_extensions.cast") and call.args:  # cast(ClientSession, x)
            return self.annotation(call.args[0], self.resolver.scope_of.get(id(call), self.resolver.tree), call)
        if q is not None:
            if q in FUNCTIONS:
                return FUNCTIONS[q]
            if q in PASS_THROUGH and call.args:
                return self.type_of(call.args[0])
            if q in RUNS_CALLABLE and call.args:
                fn = self.local_def(call.args[0])
                return self.returned(fn) if fn is not None else None
            head, _, attr = q.rpartition(".")
            if attr in CONSTRUCTORS and is_sdk_class(head):
                return head
            if is_known_class(q):
                return q
            if is_known_class(head) and lookup(head, 2, attr) is not None:  # `Tool.from_function(fn)`
                return lookup(head, 2, attr)
            if is_sdk_class(q) or q.split(".")[0] in ("mcp", "asyncio", "typing", "datetime"):
                return None
            # else a name from the user's other modules: what the project index says it builds
        if isinstance(f, ast.Name) and f.id == "super" and not call.args and self.resolver.binding(f) is None:
            owner = self._class_of(call)  # `super()` in a subclass of an SDK class: that class's methods
            return self.sdk_base(owner) if owner is not None else None
        if isinstance(f, ast.Name) and call.args and self.resolver.binding(f) is None:
            if f.id == "next":
                return union([self.element(call.args[0])] + [self.type_of(a) for a in call.args[1:2]])
            if f.id in REORDERS:  # `sorted(tools)`: the same elements
                elem = self.element(call.args[0])
                return ("list", elem) if elem is not None else None
        callee = self.type_of(f)
        made = [
            ("uobj", c[1]) if c[0] == "uclass" else c[1]
            for c in members(callee)
            if isinstance(c, tuple) and c[0] in ("class", "subclass", "def", "uclass")
        ]
        if made:  # `factory()` with `factory: Callable[[], ClientSession] | None`
            return union(made)
        called = union([self._member(c[1], METHODS, "__call__") for c in members(callee) if _user_class(c) == "uobj"])
        if called is not None:  # an instance of the user's class with a typed `__call__`
            return called
        fn = self.local_def(f)
        if fn is not None:
            return self.returned(fn)
        if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id == "self":
            cls = self._class_of(f)  # a method a base class defines
            found = self._member(cls, METHODS, f.attr) if cls is not None else None
            if found is not None:
                return found
        if isinstance(f, ast.Attribute) and f.attr in EXIT_STACK_ENTERS and len(call.args) == 1:
            return self._entered(self.type_of(call.args[0]))
        if isinstance(f, ast.Attribute):
            recv = self.type_of(f.value)
            # `manager.session()` with `manager = Manager()`, `Converter.extract(...)`
            found = union([self._member(c[1], METHODS, f.attr) for c in members(recv) if _user_class(c)])
            if found is not None:
                return found
            if isinstance(recv, tuple) and recv[0] == "class" and f.attr in CONSTRUCTORS:
                return recv[1]
            if f.attr in COPIES and len(self.classes_of(f.value)) == 1:
                return self.classes_of(f.value)[0]
            values = union([c[1] for c in members(recv) if isinstance(c, tuple) and c[0] == "dict"])
            if values is not None and f.attr in DICT_READS:  # `tools_by_name.get(name)`, `.values()`
                if f.attr == "items":
                    return ("list", ("tuple", (None, values)))
                if f.attr == "values":
                    return ("list", values)
                if f.attr in ("get", "pop", "setdefault") and len(call.args) > 1:  # or the default given
                    return union([values, self.type_of(call.args[1]) or OTHER])
                return union([values, NONE]) if f.attr == "get" else values
            return _with_lifespan(recv, f.attr) or union(
                [lookup(c, 2, f.attr) for c in members(recv) if isinstance(c, str)]
            )
        return None

    def _attribute(self, node: ast.Attribute):
        key = dotted(node)
        if key is not None:
            bindings = self.resolver._attr_bindings.get(key)
            if bindings:  # `self.session = ClientSession(...)` elsewhere in the file
                from .resolver import _closest

                b = _closest(bindings, self.resolver.offset_of(node))
                t = self._binding(b, node) if b is not None else None
                if t is None and key.startswith("self."):
                    t = self._declared(bindings, node)
                if t is not None:
                    return t
                if b is not None and self.resolver.scope_of.get(id(b.node)) is self.resolver.scope_of.get(id(node)):
                    return None  # `tool.session = Mock()` just before: not what the class declares
        q = self.resolver.resolve(node)
        if q is not None:
            if is_sdk_class(q) or is_known_class(q):
                return ("class", q) if is_known_class(q) else None
            found = self._project_global(q)  # `notes.mcp` after `from app import notes`
            if found is not None:
                return found
        recv = self.type_of(node.value)
        if isinstance(recv, tuple) and recv[0] == "class":
            return None
        if isinstance(recv, tuple) and recv[0] == "module":  # `settings.TIMEOUT` after `from . import settings`
            return self.project.global_type(recv[1], node.attr)
        return _with_lifespan(recv, node.attr) or union(
            [lookup(c, FIELDS, node.attr) for c in members(recv) if isinstance(c, str)]
            + [self._member(c[1], FIELDS, node.attr) for c in members(recv) if _user_class(c) == "uobj"]
        )

    def _declared(self, bindings, use: ast.Attribute):
        """`self.x` whose closest assignment says nothing (`self.session = None` in `close()`, a value
        from a helper the file cannot see): what the assignments of it in the use's class that do
        say something agree on."""
        cls = self._class_of(use)
        if cls is None:
            return None
        return union([self._binding(b, use) for b in bindings if self._class_of(b.node) is cls])

    def _member(self, cls, table: int, name: str, depth: int = 0):
        """A field or property (FIELDS) or a method's return (METHODS) of the user's class `cls` (its
        ClassDef, or (module, name) in another module), per its annotations or its bases', as Python
        looks them up; None when no annotation says."""
        if depth > MAX_DEPTH:
            return None
        if not isinstance(cls, ast.ClassDef):
            return self.project.member_type(cls[0], cls[1], table, name) if self.project is not None else None
        for item in cls.body:
            own = _member_annotation(item, table, name)
            if own is not None:
                if own is True:
                    return None
                return (
                    self.returned(item)
                    if table == METHODS
                    else self.annotation(own, self.resolver.scope_of.get(id(item)), item)
                )
        if table == FIELDS:
            found = self.instance_attribute(cls, name)
            if found is not None:
                return found
        for base in cls.bases:
            t = self.type_of(base.value if isinstance(base, ast.Subscript) else base)
            if isinstance(t, tuple) and t[0] == "uclass":
                found = self._member(t[1], table, name, depth + 1)
            elif isinstance(t, tuple) and t[0] in ("class", "subclass"):
                found = lookup(t[1], table, name)
            else:
                continue
            if found is not None:
                return found
        return None

    def possible(self, expr: ast.AST):
        """What `expr` may hold wherever it is read: for a name, what any of its assignments in its
        scope gives (OTHER for one the inference cannot tell), not only the closest one type_of
        follows (`t = None` then `if ...: t = timedelta(...)`)."""
        if not isinstance(expr, ast.Name):
            return self.type_of(expr)
        found = [self._binding(b, expr) or _none_assigned(b.node) for b in self.resolver.bindings_like(expr)]
        return union([OTHER if t is None else t for t in found]) if found else None

    def method_class(self, arg: ast.arg) -> Optional[ast.ClassDef]:
        """The class whose instance `arg` is: the first parameter of a plain method."""
        fn = self.resolver.parent(self.resolver.parent(arg))
        cls = self.resolver.parent(fn) if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)) else None
        if not isinstance(cls, ast.ClassDef) or fn not in cls.body or not fn.args.args or fn.args.args[0] is not arg:
            return None
        if any(isinstance(d, ast.Name) and d.id in ("staticmethod", "classmethod") for d in fn.decorator_list):
            return None
        return cls

    def _self_attributes(self, cls: ast.ClassDef):
        """self_attributes(cls), once per class."""
        found = self._self_attrs.get(id(cls))
        if found is None:
            found = self._self_attrs[id(cls)] = self_attributes(cls)
        return found

    def own_members(self, cls: ast.ClassDef) -> set:
        """Names the class itself defines (methods, class attributes, attributes set on `self`): on its
        `self`, these are the user's, not the SDK base's."""
        names = self._own.get(id(cls))
        if names is None:
            names = self._own[id(cls)] = set(self._self_attributes(cls))
            for item in cls.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    names.add(item.name)
                elif isinstance(item, ast.Assign):
                    names.update(t.id for t in item.targets if isinstance(t, ast.Name))
                elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                    names.add(item.target.id)
        return names

    def instance_attribute(self, cls: ast.ClassDef, name: str):
        """What `obj.<name>` holds per the class's own methods (see self_attributes)."""
        stmt, ann, value = self._self_attributes(cls).get(name, (None, None, None))
        if ann is not None:
            return self.annotation(ann, self.resolver.scope_of.get(id(stmt)), stmt)
        return self.type_of(value) if value is not None else None

    def _class_of(self, node: ast.AST):
        p = self.resolver.parent(node)
        while p is not None and not isinstance(p, ast.ClassDef):
            p = self.resolver.parent(p)
        return p

    def _subscript(self, node: ast.Subscript):
        container = self.type_of(node.value)
        out = []
        for c in members(container):
            if not isinstance(c, tuple):
                continue
            if c[0] == "list":
                out.append(c if isinstance(node.slice, ast.Slice) else c[1])
            elif c[0] == "dict":
                out.append(c[1])
            elif c[0] == "tuple" and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, int):
                items = c[1]
                if -len(items) <= node.slice.value < len(items):
                    out.append(items[node.slice.value])
        return union(out)

    def element(self, iterable: ast.AST):
        """What iterating over `iterable` yields."""
        return union([c[1] for c in members(self.type_of(iterable)) if isinstance(c, tuple) and c[0] == "list"])

    def local_def(self, f: ast.AST):
        """The file's own def a call names: `helper(...)`, or `self.method(...)` inside its class."""
        if isinstance(f, ast.Name):
            b = self.resolver.binding(f)
            return b.node if b is not None and isinstance(b.node, (ast.FunctionDef, ast.AsyncFunctionDef)) else None
        if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id == "self":
            cls = self._class_of(f)
            if cls is not None:
                for item in cls.body:
                    if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name == f.attr:
                        return item
        return None

    def returned(self, fn):
        """What calling the def `fn` gives, per its return annotation; a generator that
        `@contextmanager` / `@asynccontextmanager` makes a context manager gives ("cm", what it yields)."""
        if fn.returns is None:  # what its own returns give; an `@asynccontextmanager`, what it yields
            if not fn.decorator_list:
                return self._own_values(fn, (ast.Return,))
            if all(self.resolver.resolve(d) in CM_DECORATORS for d in fn.decorator_list):
                yielded = self._own_values(fn, (ast.Yield,))
                return ("cm", yielded) if yielded is not None else None
            return None
        t = self.annotation(fn.returns, self.resolver.scope_of.get(id(fn)), fn)
        if t is not None and self.makes_cm(fn):
            return union([("cm", m[1]) for m in members(t) if isinstance(m, tuple) and m[0] == "list"])
        return t

    def _own_values(self, fn, kinds):
        """What the `return`s (or `yield`s) of `fn` itself give, when each is known and it has no
        statement of the other kind (`def _server(): return build_server(registry)`); else None."""
        found = []
        todo = list(fn.body)
        while todo:
            node = todo.pop()
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
                continue
            if isinstance(node, (ast.Return, ast.Yield, ast.YieldFrom)):
                if not isinstance(node, kinds):
                    if isinstance(node, ast.Return) and node.value is None:
                        continue  # a bare `return` ends a generator
                    return None
                t = self.type_of(node.value) if node.value is not None else None
                if t is None:
                    return None
                found.append(t)
            todo.extend(ast.iter_child_nodes(node))
        return union(found)

    def makes_cm(self, fn) -> bool:
        return any(self.resolver.resolve(d) in CM_DECORATORS for d in fn.decorator_list)

    # ---- names ----------------------------------------------------------------------------
    def _name(self, node: ast.Name):
        narrowed = self._narrowed(node)
        if narrowed is not None:
            return narrowed
        b = self.resolver.binding(node)
        if b is None:
            return None
        return self._binding(b, node)

    def _binding(self, b, use: ast.AST):
        if b.kind == "import":
            q = self.resolver.canonical(b.target)
            if is_known_class(q):
                return ("class", q)
            return self._project_global(b.target)
        node = b.node
        if isinstance(node, ast.alias):  # a relative import of the user's own module
            return self._relative_import(node)
        if isinstance(node, ast.ClassDef):
            sdk_base = self.sdk_base(node)
            return (constructor_kind(node), sdk_base) if sdk_base else ("uclass", node)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return None
        if isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
            return self._loop_target(node, b.name)
        if isinstance(node, ast.arg) and node.annotation is None:
            cls = self.method_class(node)
            if cls is None:
                return None
            # `self` in `class Inventory(Server)`: that SDK class; in the user's own class, an instance
            # of it (its annotated fields: `notifications: list[ServerNotification] = field(...)`)
            return self.sdk_base(cls) or ("uobj", cls)
        if b.how == "annotation":
            return self.annotation(b.expr, b.scope, node)
        if b.how == "except":
            return self._exception(b.expr)
        if isinstance(node, ast.MatchAs):
            return self._capture(node)
        # (names unpacked from a tuple have no `how`: their statement says what they get)
        if isinstance(node, ast.withitem) and node.optional_vars is not None:
            return self._unpacked(self._entered(self.type_of(node.context_expr)), node.optional_vars, b.name)
        if isinstance(node, (ast.Assign, ast.NamedExpr)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(dotted(t) == b.name for t in targets):  # a whole target
                return self.type_of(node.value)
            return union([self._unpacked(self.type_of(node.value), t, b.name) for t in targets])
        return None

    def _entered(self, t):
        """What `with x as v` binds: an SDK context manager's value, or the object itself (sessions), or
        what the user's class says its `__aenter__` / `__enter__` returns."""
        out = []
        for m in members(t):
            if isinstance(m, tuple) and m[0] == "cm":
                out.append(m[1])
            elif isinstance(m, str):
                out.append(m)
            elif _user_class(m) == "uobj":
                out.append(self._member(m[1], METHODS, "__aenter__") or self._member(m[1], METHODS, "__enter__"))
        return union(out)

    def _loop_target(self, node, name: str):
        target = node.target
        if isinstance(target, ast.Name) and target.id == name:
            return self.element(node.iter)
        if not isinstance(target, ast.Tuple):
            return None
        at = next((i for i, e in enumerate(target.elts) if isinstance(e, ast.Name) and e.id == name), None)
        if at is None:
            return None
        it = node.iter
        if (
            isinstance(it, ast.Call)
            and isinstance(it.func, ast.Name)
            and it.func.id == "enumerate"
            and it.args
            and len(target.elts) == 2
            and self.resolver.binding(it.func) is None
        ):
            return self.element(it.args[0]) if at == 1 else None  # `for i, item in enumerate(items)`
        return self._unpacked(self.element(it), target, name)  # `for key, result in pairs` over tuples

    @staticmethod
    def _unpacked(t, target, name: str):
        """What `name` gets when a value of type `t` is assigned to `target`: all of it, or its item
        at the name's place in a tuple target (`session, init = ...`), or an element of a list
        (`[request] = recorded`)."""
        if isinstance(target, (ast.Name, ast.Attribute)):
            return t if dotted(target) == name else None
        if not isinstance(target, (ast.Tuple, ast.List)):
            return None
        at = next((i for i, e in enumerate(target.elts) if isinstance(e, ast.Name) and e.id == name), None)
        if at is None:
            return None
        found = [m[1] for m in members(t) if isinstance(m, tuple) and m[0] == "list"]
        if not any(isinstance(e, ast.Starred) for e in target.elts):
            n = len(target.elts)
            found += [m[1][at] for m in members(t) if isinstance(m, tuple) and m[0] == "tuple" and len(m[1]) == n]
        return union(found)

    def _exception(self, expr):
        if isinstance(expr, ast.Tuple):
            return union([self._class_instance(e) for e in expr.elts])
        return self._class_instance(expr)

    def _class_instance(self, expr):
        t = self.type_of(expr)
        return t[1] if isinstance(t, tuple) and t[0] in ("class", "subclass") else None

    def sdk_constructor(self, call: ast.Call) -> Optional[str]:
        """The SDK class a call of a user's subclass constructs, when the subclass keeps the SDK
        constructor (`class App(FastMCP): ...` then `App("x", port=1)` takes FastMCP's parameters)."""
        t = self.type_of(call.func)
        return (
            t[1]
            if isinstance(t, tuple) and t[0] == "class" and not is_sdk_class(self.resolver.resolve(call.func))
            else None
        )

    def sdk_base(self, cls: ast.ClassDef) -> Optional[str]:
        """A user class deriving from an SDK class stands for that class (`class App(FastMCP)`)."""
        for base in cls.bases:
            base = base.value if isinstance(base, ast.Subscript) else base
            t = self.type_of(base)
            if isinstance(t, tuple) and t[0] in ("class", "subclass"):
                return t[1]
        return None

    # ---- annotations ----------------------------------------------------------------------
    def annotation(self, ann: Optional[ast.AST], scope, at, depth: int = 0):
        if ann is None or depth > 12:
            return None
        if isinstance(ann, ast.Constant) and isinstance(ann.value, str):
            try:
                parsed = ast.parse(ann.value.strip(), mode="eval").body
            except SyntaxError:
                return None
            return self._string_annotation(parsed, at)
        if isinstance(ann, ast.BinOp) and isinstance(ann.op, ast.BitOr):
            return _optional([self._part(ann.left, scope, at, depth), self._part(ann.right, scope, at, depth)])
        if isinstance(ann, ast.Subscript):
            head = (self.resolver.qualname(ann.value) or dotted(ann.value) or "").rpartition(".")[2]
            args = ann.slice.elts if isinstance(ann.slice, ast.Tuple) else [ann.slice]
            if head == "Optional":
                return _optional([self.annotation(args[0], scope, at, depth + 1), NONE])
            if head in ("Annotated", "Awaitable"):
                return self.annotation(args[0], scope, at, depth + 1)
            if head == "Union":
                return _optional([self._part(a, scope, at, depth) for a in args])
            if head in ITERABLES:
                elem = self.annotation(args[0], scope, at, depth + 1)
                return ("list", elem) if elem else None
            if head in CONTEXT_MANAGERS:
                entered = self.annotation(args[0], scope, at, depth + 1)
                return ("cm", entered) if entered else None
            if head == "Callable" and len(args) == 2:  # what calling it gives
                returned = self.annotation(args[1], scope, at, depth + 1)
                return ("def", returned) if returned else None
            if head in ("tuple", "Tuple") and not any(
                isinstance(a, ast.Constant) and a.value is Ellipsis for a in args
            ):
                items = tuple(self.annotation(a, scope, at, depth + 1) for a in args)
                return ("tuple", items) if any(items) else None
            if head in ("dict", "Dict", "Mapping") and len(args) == 2:
                value = self.annotation(args[1], scope, at, depth + 1)
                return ("dict", value) if value else None
            generic = self.type_of(ann.value)
            q = generic[1] if isinstance(generic, tuple) and generic[0] in ("class", "subclass") else None
            index = LIFESPAN_ARG.get(q)
            lifespan = (
                self.annotation(args[index], scope, at, depth + 1) if index is not None and len(args) > index else None
            )
            if lifespan is not None:
                return Parameterized(q, lifespan)
            ann = ann.value  # Context[ServerSession, None] -> Context
        alias = self._alias(ann)
        if alias is not None:
            return self.annotation(alias, scope, at, depth + 1)
        if self.resolver.qualname(ann) in SELF:  # `-> Self` in a method: the class it is a method of
            owner = self._class_of(at)
            return ("uobj", owner) if owner is not None and not self.sdk_base(owner) else None
        t = self.type_of(ann)
        if isinstance(t, tuple) and t[0] in ("class", "subclass"):
            return ALIASES.get(t[1]) or t[1]
        if isinstance(t, tuple) and t[0] == "uclass":
            return ("uobj", t[1])
        return None

    def _part(self, ann: ast.AST, scope, at, depth: int):
        """A member of a union annotation; `None` is NONE."""
        if isinstance(ann, ast.Constant) and ann.value is None:
            return NONE
        return self.annotation(ann, scope, at, depth + 1)

    def _alias(self, ann: ast.AST):
        """The type expression a module-level alias names (`Factory = Callable[[], X]`, or any
        `Server: TypeAlias = ...`), else None."""
        b = self.resolver.binding(ann) if isinstance(ann, ast.Name) else None
        node = b.node if b is not None else None
        if self.resolver.parent(node) is not self.resolver.tree:
            return None
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, (ast.Subscript, ast.BinOp))
        ) or self.declared_alias(node):
            return node.value
        return None

    def declared_alias(self, node) -> bool:
        """`X: TypeAlias = <type expression>`."""
        return (
            isinstance(node, ast.AnnAssign)
            and node.value is not None
            and self.resolver.qualname(node.annotation) in TYPE_ALIAS
        )

    def _string_annotation(self, parsed: ast.AST, at: ast.AST):
        # A string annotation's names resolve like the code around it; give the parsed nodes the
        # position of the string so the resolver finds the bindings visible there.
        for n in ast.walk(parsed):
            if isinstance(n, ast.Name):
                root_binding = self.resolver._lookup(
                    n.id, self.resolver.scope_of.get(id(at), self.resolver.tree), self.resolver.offset_of(at)
                )
                if root_binding is not None and isinstance(root_binding.node, ast.ClassDef) and parsed is n:
                    return ("uobj", root_binding.node)  # `-> "Toolkit"`: the file's own class
                if root_binding is None or root_binding.kind != "import":
                    continue
                q = self.resolver.canonical(root_binding.target)
                chain = dotted(parsed) if isinstance(parsed, (ast.Name, ast.Attribute)) else None
                if chain:
                    q = self.resolver.canonical(root_binding.target + chain[len(n.id) :])
                    return ALIASES.get(q) or (q if is_sdk_class(q) else None)
        return None

    # ---- isinstance narrowing -------------------------------------------------------------
    def _narrowed(self, node):
        """The type an `isinstance()` guard or a `match` case proves for `node`: a name, or a chain of
        attributes and constant subscripts on one (`msg["content"]`, `result.content[0]`) that its
        function never assigns and whose root is not bound again between the guard and `node`."""
        root, path = _chain(node)
        if root is None or root.id not in self._narrowable_roots():
            return None  # (checked first: every attribute read of the file comes through here)
        key = _key(root, path)
        if key not in self._narrowable():
            return None
        if root is not node and (id(self.resolver.scope_of.get(id(node))), key) in self._assigned_chains():
            return None
        child, parent = node, self.resolver.parent(node)
        while parent is not None:
            if isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef, ast.Module)):
                return self._early_exit(parent, child, root, key) if isinstance(child, ast.stmt) else None
            t = None
            if isinstance(parent, MATCH_CASE) and child in parent.body:
                subject = self.resolver.parent(parent).subject
                if _guard_key(subject) == key:
                    t = self._pattern(parent.pattern)
            elif isinstance(parent, (ast.If, ast.While, ast.IfExp)) and self._in_body(parent, child):
                t = self._guard(parent.test, key)
            elif isinstance(parent, ast.BoolOp) and isinstance(parent.op, ast.And):
                for v in parent.values:
                    if v is child:
                        break
                    t = self._guard(v, key) or t
            elif isinstance(parent, ast.comprehension) or isinstance(
                parent, (ast.ListComp, ast.GeneratorExp, ast.SetComp, ast.DictComp)
            ):
                gens = parent.generators if not isinstance(parent, ast.comprehension) else [parent]
                for g in gens:
                    for cond in g.ifs:
                        if cond is not child:
                            t = self._guard(cond, key) or t
            if t is not None and root is not node:
                guard_at = self.resolver.parent(parent) if isinstance(parent, MATCH_CASE) else parent
                if not self._root_unchanged(root, guard_at):
                    return None
            if t is None and isinstance(child, ast.stmt):
                t = self._early_exit(parent, child, root, key)
            if t is not None:
                return t
            child, parent = parent, self.resolver.parent(parent)
        return None

    def _narrowable_roots(self):
        """Names whose own or whose chains' narrowing `_narrowable` records."""
        if self._roots is None:
            self._roots = {k if isinstance(k, str) else k[0] for k in self._narrowable() if k is not None}
        return self._roots

    def _root_unchanged(self, root: ast.Name, guard_at: ast.AST) -> bool:
        """The name is bound where it is used as it was at the guard (the statement `guard_at`)."""
        b = self.resolver.binding(root)
        return b is None or b.pos <= self.resolver.offset_of(guard_at)

    def _assigned_chains(self):
        """(scope, key) of the attribute/subscript chains each scope assigns or deletes: never narrowed
        there."""
        if self._stored is None:
            self._stored = {
                (id(self.resolver.scope_of.get(id(n))), _guard_key(n))
                for n in self.resolver.nodes
                if isinstance(n, (ast.Attribute, ast.Subscript)) and isinstance(n.ctx, (ast.Store, ast.Del))
            }
        return self._stored

    def _narrowable(self):
        """Keys (`_guard_key`) of what an `isinstance(x, C)` or a `match x:` could narrow: every other
        name and chain skips the walk up its enclosing blocks."""
        if self._narrowable_keys is None:
            names = set()
            for n in self.resolver.nodes:
                t = type(n)
                if t is ast.Call and isinstance(n.func, ast.Name) and n.func.id == "isinstance" and n.args:
                    names.add(_guard_key(n.args[0]))
                elif t is MATCH:
                    names.add(_guard_key(n.subject))
            self._narrowable_keys = names
        return self._narrowable_keys

    def _pattern(self, pattern):
        """The class a `case C():` / `case C() | D():` pattern proves the subject is."""
        if isinstance(pattern, ast.MatchAs) and pattern.pattern is not None:
            return self._pattern(pattern.pattern)
        if isinstance(pattern, ast.MatchOr):
            found = [self._pattern(p) for p in pattern.patterns]
            return union(found) if all(found) else None
        if isinstance(pattern, ast.MatchClass):
            return self._class_instance(pattern.cls)
        return None

    def _capture(self, node: ast.MatchAs):
        """What a `match` capture binds: `case C() as x` a C, `case C(field=x)` C's field."""
        if node.pattern is not None:
            return self._pattern(node.pattern)
        owner = self.resolver.parent(node)
        if isinstance(owner, ast.MatchClass) and node in owner.kwd_patterns:
            attr = owner.kwd_attrs[owner.kwd_patterns.index(node)]
            cls = self._class_instance(owner.cls)
            return union([lookup(c, FIELDS, attr) for c in members(cls) if isinstance(c, str)])
        return None

    @staticmethod
    def _in_body(parent, child) -> bool:
        body = parent.body
        return child is body or (isinstance(body, list) and child in body)

    def _guard(self, test: ast.AST, key):
        """The type `isinstance(x, C)` (possibly inside `and`) proves for the x of `key`, else None."""
        if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
            return next((t for t in (self._guard(v, key) for v in test.values) if t is not None), None)
        if (
            isinstance(test, ast.Call)
            and isinstance(test.func, ast.Name)
            and test.func.id == "isinstance"
            and len(test.args) == 2
            and _guard_key(test.args[0]) == key
        ):
            return self._exception(test.args[1])
        return None

    def _early_exit(self, block_owner, stmt, root: ast.Name, key):
        """`if not isinstance(x, C): continue` or `assert isinstance(x, C)` before `stmt` in the same
        block narrows x to C, and `if isinstance(x, C): return` narrows a name to its other classes,
        unless x (a chain's root name) is bound again after the check."""
        for field in ("body", "orelse", "finalbody"):
            block = getattr(block_owner, field, None)
            if not isinstance(block, list):
                continue
            at, guards = self._guards(block)
            i = at.get(id(stmt))
            if i is None:
                continue
            excluded = []  # `if isinstance(x, C): return` rules C out (plain names only)
            for j, test, proves in reversed(guards):
                if j >= i or (not proves and root.id != key):
                    continue
                t = self._guard(test, key)
                if t is None:
                    continue
                if not self._root_unchanged(root, block[j]):
                    return None
                if proves:
                    return t
                excluded += members(t)
            if excluded:
                b = self.resolver.binding(root)
                rest = [m for m in members(self._binding(b, root) if b else None) if m not in excluded]
                return union(rest) if rest else None
        return None

    def _guards(self, block):
        """({id(stmt): index} of a statement list, [(index, isinstance test, proves)] of its narrowing
        statements), built once per block."""
        key = id(block)
        found = self._blocks.get(key)
        if found is None:
            guards = []  # (index, isinstance test, whether it proves the class or rules it out)
            for j, prior in enumerate(block):
                if isinstance(prior, ast.Assert):
                    guards.append((j, prior.test, True))
                elif (
                    isinstance(prior, ast.If)
                    and not prior.orelse
                    and prior.body
                    and isinstance(prior.body[-1], (ast.Continue, ast.Return, ast.Raise, ast.Break))
                ):
                    test = prior.test
                    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
                        guards.append((j, test.operand, True))
                    elif isinstance(test, ast.Call):  # not `isinstance(x, A) and ...`: that rules out less
                        guards.append((j, test, False))
            found = self._blocks[key] = ({id(n): j for j, n in enumerate(block)}, guards)
        return found

    # ---- the user's other modules ---------------------------------------------------------
    def _relative_import(self, alias: ast.alias):
        imp = self.resolver.parent(alias)
        if self.project is None or self.path is None or not isinstance(imp, ast.ImportFrom):
            return None
        module = self.project.relative(self.path, imp.level, imp.module)
        if not module:
            return None
        found = self.project.global_type(module, alias.name)
        if found is None and self.project.find(module + "." + alias.name) is not None:
            return ("module", module + "." + alias.name)  # `from . import settings`
        return found

    def _project_global(self, target: str):
        if self.project is None:
            return None
        module, _, name = target.rpartition(".")
        return self.project.global_type(module, name) if module else None
