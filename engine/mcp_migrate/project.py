"""Cross-file knowledge: what the top-level names of the user's own modules hold.

`app.py` says `mcp = FastMCP("demo")`; `tools.py` says `from .app import mcp` and `@mcp.tool()`.
A first pass records each file's facts (`file_facts`, cheap and picklable, so CLI workers and the
browser worker can compute them in parallel or incrementally); `ProjectIndex` joins them and answers
`global_type("pkg.app", "mcp")` for the second pass.
"""

import ast
import copy
import functools
import re
from typing import Any, Dict, Iterable, List, Optional

from .sdk import ANYIO_STREAM_METHODS, FASTMCP_SERVER
from .transport_settings import MOVED, fold_destination, server_uses

MAX_HOPS = 16
LISTS = {"list", "List", "Sequence", "Iterable", "Iterator", "AsyncIterator", "set", "Set"}
DICTS = {"dict", "Dict", "Mapping", "MutableMapping"}
# A module calling one of these may rely on a stream type another module declares (TST002 keeps those).
ANYIO_STREAM_CALL = re.compile(r"\.(?:%s)\(" % "|".join(ANYIO_STREAM_METHODS))
HOLDER = re.compile(r"\b\w+_transport_settings\b")  # names `holder_name` gives, taken by the file
IMPORTS_MCP = re.compile(r"^\s*(?:from|import)\s+mcp\b", re.M)


def module_name(path: str) -> Optional[str]:
    """`src/pkg/app.py` -> `src.pkg.app`; `pkg/__init__.py` -> `pkg`; None for non-Python files."""
    p = path.replace("\\", "/").lstrip("./")
    while p.startswith("../"):
        p = p[3:]
    if not p.endswith(".py"):
        return None
    parts = [s for s in p[:-3].split("/") if s and s != "."]
    if parts and parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts) if parts else None


def file_facts(path: str, text: str) -> Optional[dict]:
    """What another file may import from this one: each top-level name's SDK type, or where it comes
    from (an import, or a call of an imported class). None for files that are not Python or do not
    parse (they contribute nothing)."""
    module = module_name(path)
    if module is None:
        return None
    try:
        tree = ast.parse(text.lstrip("\ufeff"))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    from .inference import Inference, constructor_kind
    from .positions import LineIndex
    from .resolver import Resolver

    index = LineIndex(text.lstrip("\ufeff"))
    resolver = Resolver(tree, index.node_span)
    infer = Inference(resolver)
    is_package = _is_package(path)
    sdk_file = "mcp" in text  # only there can an unannotated def return an SDK object the file shows
    names: Dict[str, list] = {}
    classes: Dict[str, dict] = {}
    aliases: Dict[str, str] = {}
    server_states: Dict[str, Any] = {}
    context_helpers: List[str] = []
    url_functions: Dict[str, list] = {}
    for node in _top_level(tree.body):
        if isinstance(node, ast.ImportFrom):
            source = _absolute(module, is_package, node.level, node.module)
            for a in node.names:
                if a.name != "*" and source:
                    names[a.asname or a.name] = ["import", source, a.name]
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if isinstance(node, ast.AnnAssign) and not infer.declared_alias(node):
                known = infer.annotation(node.annotation, tree, node)
            else:
                known = infer.type_of(node.value)
                if known is None and isinstance(node.value, ast.Subscript):  # `Ctx = Context[S, App]`
                    generic = infer.type_of(node.value.value)
                    known = generic if isinstance(generic, tuple) and generic[0] == "class" else None
            state = _declared_state(resolver, node) or _lifespan_of(resolver, node)
            for t in targets:
                if not isinstance(t, ast.Name):
                    continue
                if state:
                    server_states[t.id] = state
                if isinstance(node.value, ast.Subscript):  # `Inbox = MemoryObjectReceiveStream[...]`
                    aliases[t.id] = ast.unparse(node.value)
                if known is not None:
                    names[t.id] = ["type", _jsonable(known)]
                elif isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name):
                    names[t.id] = ["call", node.value.func.id]
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            if _calls_get_context(node):
                context_helpers.append(node.name)
            urls = _url_params(infer, node, skip=0)
            if urls:
                url_functions[node.name] = urls
            ref = _returns_ref(infer, tree, node) if node.returns is not None or sdk_file else None
            if ref is not None:  # (unannotated: what its returns or yields give)
                names[node.name] = ["type", ["def", ref[1]]] if ref[0] == "type" else ["returns", ref]
        elif isinstance(node, ast.ClassDef):
            sdk = infer.sdk_base(node)
            if sdk:
                names[node.name] = ["type", [constructor_kind(node), sdk]]
            else:
                base = next((b.id for b in node.bases if isinstance(b, ast.Name)), None)
                if base:
                    names[node.name] = ["subclass", base]
            if not sdk:
                classes[node.name] = _class_shape(infer, tree, node)
    return {
        "path": path,
        "module": module,
        "server_uses": _server_uses(resolver, tree, path, names, text),
        "package": is_package,
        "names": names,
        "classes": classes,
        "type_aliases": aliases,
        "server_states": server_states,
        "context_helpers": context_helpers,
        "url_functions": url_functions,
        "user_members": _user_members(infer),
        "anyio_stream_calls": bool(ANYIO_STREAM_CALL.search(text)),
        "imports_mcp": bool(IMPORTS_MCP.search(text)),
    }


@functools.lru_cache(maxsize=1)
def _sdk_method_names() -> frozenset:
    from .inference import METHODS
    from .sdk_types import CLASSES

    return frozenset(n for entry in CLASSES.values() for n in entry[METHODS])


def _user_members(infer) -> List[str]:
    """Names this file may read off, or define in a subclass of, a class of another module: every
    attribute it reads except an SDK method on an SDK object (`session.list_tools()`), and every
    method of its subclasses. A method whose signature a rule changes must not be one of them."""
    sdk_methods = _sdk_method_names()
    out = set()
    for node in infer.resolver.nodes:  # (every node, indexed once already: no second walk of the tree)
        if isinstance(node, ast.Attribute):
            if node.attr not in sdk_methods or not infer.classes_of(node.value):
                out.add(node.attr)
        elif isinstance(node, ast.ClassDef) and node.bases:
            out.update(d.name for d in node.body if isinstance(d, (ast.FunctionDef, ast.AsyncFunctionDef)))
    return sorted(out)


def _server_uses(resolver, tree, path: str, names: Dict[str, list], text: str) -> List[dict]:
    """How this file uses each server it defines at top level or imports from the project's own
    modules (`transport_settings.server_uses`, summarised), for `ProjectIndex.transport_carry`."""
    holders = set(HOLDER.findall(text)) if "_transport_settings" in text else set()
    # the defining module's holder is a `types.SimpleNamespace`: the name must be free for that import
    namespace_free = "SimpleNamespace" not in text or names.get("SimpleNamespace") == [
        "import",
        "types",
        "SimpleNamespace",
    ]
    out = []
    for node, origin, loads in server_bindings(resolver, tree, path, names):
        uses = server_uses(resolver, loads)
        ctor = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
        if not (uses.settings or uses.destinations or not uses.ok or ctor is not None):
            continue
        out.append(
            {
                "origin": origin,
                "defines": ctor is not None,
                "ok": uses.ok
                and (ctor is None or (len(ctor.args) <= 6 and all(k.arg for k in ctor.keywords) and namespace_free)),
                "ctor": [k.arg for k in ctor.keywords if k.arg in MOVED] if ctor is not None else [],
                "fields": sorted({a.attr for a in uses.settings}),
                "loose": any(fold_destination(resolver, a) is None for a in uses.settings),
                "outside": bool(uses.destinations) and ctor is None,
                "taken": holder_name(origin[1]) in holders,
            }
        )
    return out


def server_bindings(resolver, tree, path: str, names: Dict[str, list]) -> List[tuple]:
    """(binding node, [module, name] it stands for, the Name loads it binds) for each top-level
    assignment of a server (`names`: the file's facts) and each import from the project's own modules
    in the file at `path`."""
    module, is_package = module_name(path), _is_package(path)
    servers = {n for n, entry in names.items() if entry == ["type", FASTMCP_SERVER]}
    bindings = {}
    for node in _top_level(tree.body):
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(node.value, ast.Call):
            target = node.target if isinstance(node, ast.AnnAssign) else node.targets[0]
            if len(getattr(node, "targets", [target])) == 1 and isinstance(target, ast.Name) and target.id in servers:
                bindings[id(node)] = (node, target.id, [module, target.id])
    for node in resolver.nodes:
        if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "mcp").split(".")[0] != "mcp"):
            source = _absolute(module, is_package, node.level, node.module)
            for a in node.names:
                if source and a.name != "*":
                    bindings[id(a)] = (a, a.asname or a.name, [source, a.name])
    wanted = {local for _, local, _ in bindings.values()}
    loads: Dict[int, List[ast.Name]] = {}
    for n in resolver.nodes if wanted else ():
        if isinstance(n, ast.Name) and n.id in wanted and isinstance(n.ctx, ast.Load):
            b = resolver.binding(n)
            if b is not None and id(b.node) in bindings:
                loads.setdefault(id(b.node), []).append(n)
    return [(node, origin, loads.get(key, [])) for key, (node, _, origin) in bindings.items()]


def holder_name(server: str) -> str:
    """The variable that keeps a shared server's transport settings (`mcp_transport_settings`)."""
    return "%s_transport_settings" % server


def _calls_get_context(fn) -> bool:
    """The def itself (not a def nested in it, such as a factory's handlers) reads the request's
    context through v1's `<server>.get_context()`."""
    todo = list(ast.iter_child_nodes(fn))
    while todo:
        n = todo.pop()
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        if (
            isinstance(n, ast.Call)
            and isinstance(n.func, ast.Attribute)
            and n.func.attr == "get_context"
            and not n.args
        ):
            return True
        todo.extend(ast.iter_child_nodes(n))
    return False


def _declared_state(resolver, node) -> Optional[str]:
    """`State` of a server declared `mcp: FastMCP[State] = ...` or built `FastMCP[State](...)`."""
    generic = node.annotation if isinstance(node, ast.AnnAssign) else None
    if generic is None and isinstance(node.value, ast.Call):
        generic = node.value.func
    return server_state_name(resolver, generic)


def _lifespan_of(resolver, node) -> Optional[list]:
    """["lifespan", N] for a server built `FastMCP(..., lifespan=N)`: its state is what `N` yields,
    which the index looks up where `N` is defined (v1 inferred `FastMCP[State]` from it)."""
    from .sdk import FASTMCP

    call = node.value
    if not (
        isinstance(call, ast.Call)
        and resolver.canonical(resolver.qualname(call.func) or "") == resolver.canonical(FASTMCP)
    ):
        return None
    lifespan = next((k.value for k in call.keywords if k.arg == "lifespan"), None)
    return ["lifespan", lifespan.id] if isinstance(lifespan, ast.Name) else None


def server_state_name(resolver, generic: Optional[ast.AST]) -> Optional[str]:
    """`State` of `FastMCP[State]` (an annotation, or the class a server is built from), else None."""
    from .sdk import FASTMCP

    if not (isinstance(generic, ast.Subscript) and isinstance(generic.slice, ast.Name)):
        return None
    same = resolver.canonical(resolver.qualname(generic.value)) == resolver.canonical(FASTMCP)
    return generic.slice.id if same else None


def _class_shape(infer, tree, cls: ast.ClassDef) -> dict:
    """Its base names and what its annotations say its fields, properties and methods hold: `self.get_params()`
    in a subclass in another file, `message.content` of the user's own model."""
    from .inference import FIELDS, METHODS, _member_annotation, self_attributes

    members = {FIELDS: {}, METHODS: {}}
    for item in cls.body:
        name = getattr(item, "name", None) or getattr(getattr(item, "target", None), "id", None)
        for table in (FIELDS, METHODS):
            ann = _member_annotation(item, table, name) if name else None
            if ann is not None and ann is not True:
                ref = _returns_ref(infer, tree, item) if table == METHODS else _annotation_ref(infer, tree, ann, item)
                if ref is not None:
                    members[table][name] = ref
    for name, (stmt, ann, value) in self_attributes(cls).items():
        if name not in members[FIELDS]:
            ref = _annotation_ref(infer, tree, ann, stmt) if ann is not None else _ref(infer.type_of(value), None)
            if ref is not None:
                members[FIELDS][name] = ref
    bases = [b for b in (_base_name(b) for b in cls.bases) if b]
    urls = {}
    for item in cls.body:
        if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found = _url_params(infer, item)
            if found:
                urls[item.name] = found
    return {"bases": bases, "fields": members[FIELDS], "methods": members[METHODS], "urls": urls}


def _url_params(infer, fn, skip: int = 1) -> list:
    """[[position after `self` (None for keyword-only), name, URL class]] for the method's parameters
    annotated with a pydantic URL class (`uri: AnyUrl`), which v1's MCP objects handed it; `skip=0`
    for a plain function."""
    from .sdk import URL_TYPES

    positional = (fn.args.posonlyargs + fn.args.args)[skip:]
    out = []
    for i, arg in enumerate(positional + fn.args.kwonlyargs):
        names = (
            [n for n in ast.walk(arg.annotation) if isinstance(n, (ast.Name, ast.Attribute))] if arg.annotation else []
        )
        qual = next((q for q in (infer.resolver.resolve(n) for n in names) if q in URL_TYPES), None)
        if qual is not None:
            out.append([i if i < len(positional) else None, arg.arg, qual])
    return out


def _base_name(base: ast.AST) -> Optional[str]:
    base = base.value if isinstance(base, ast.Subscript) else base
    return base.id if isinstance(base, ast.Name) else None


def _annotation_ref(infer, tree, ann: ast.AST, at: ast.AST) -> Optional[list]:
    """["type", T] when the file alone types an annotation, ["name", N] when it names a class of the
    user's (`-> RequestParams`, `-> "RequestParams | None"`) that the joined index resolves."""
    return _ref(infer.annotation(ann, tree, at), ann)


def _returns_ref(infer, tree, fn: ast.AST) -> Optional[list]:
    """_annotation_ref of a def's return annotation, as a call of the def sees it: for an
    `@asynccontextmanager` generator, a context manager (["cm", N] when `-> AsyncIterator[N]` names a
    class of the user's)."""
    if not infer.makes_cm(fn):
        return _ref(infer.returned(fn), fn.returns) or _tuple_ref(infer, tree, fn, fn.returns)
    yielded = _yielded(fn.returns)
    named = _named_ref(yielded) if yielded is not None else None
    cm = ["cm", named[1]] if named is not None and named[0] == "name" else None
    if cm is None and yielded is not None:
        items = _tuple_ref(infer, tree, fn, yielded)
        cm = ["cm", items] if items else None
    known = infer.returned(fn)
    return ["type", _jsonable(known)] if known is not None and not _names_a_node(known) else cm


def _tuple_ref(infer, tree, fn, ann: Optional[ast.AST]) -> Optional[list]:
    """["tuple", [a ref or None for each item]] for `tuple[ClientSession, Transcript]`: what unpacking
    the value gives (an SDK type as this file knows it, a class of the user's by name)."""
    if not (
        isinstance(ann, ast.Subscript)
        and isinstance(ann.value, ast.Name)
        and ann.value.id in ("tuple", "Tuple")
        and isinstance(ann.slice, ast.Tuple)
        and not any(isinstance(e, ast.Constant) and e.value is Ellipsis for e in ann.slice.elts)
    ):
        return None
    items = []
    for e in ann.slice.elts:
        known = infer.annotation(e, tree, fn)
        items.append(["type", _jsonable(known)] if known is not None and not _names_a_node(known) else _named_ref(e))
    return ["tuple", items] if any(items) else None


def _yielded(ann: Optional[ast.AST]) -> Optional[ast.AST]:
    """`X` of `AsyncIterator[X]`, `AsyncGenerator[X, None]`, `Iterator[X]`, `Generator[X, None, None]`."""
    if not (isinstance(ann, ast.Subscript) and isinstance(ann.value, (ast.Name, ast.Attribute))):
        return None
    name = ann.value.id if isinstance(ann.value, ast.Name) else ann.value.attr
    if name not in ("AsyncIterator", "AsyncGenerator", "Iterator", "Generator"):
        return None
    return ann.slice.elts[0] if isinstance(ann.slice, ast.Tuple) else ann.slice


def _ref(known, named: Optional[ast.AST]) -> Optional[list]:
    if known is not None and not _names_a_node(known):  # this file's own classes are named instead
        return ["type", _jsonable(known)]
    return _named_ref(named)


def _names_a_node(t) -> bool:
    return isinstance(t, ast.AST) or (isinstance(t, tuple) and any(_names_a_node(x) for x in t))


def _named_ref(ann: Optional[ast.AST], depth: int = 0) -> Optional[list]:
    """["name", N] for an annotation naming one class, ["list", N] for a list of them, past
    `Optional[...]`, `X | None` and string quotes."""
    if ann is None or depth > 4:
        return None
    if isinstance(ann, ast.Constant) and isinstance(ann.value, str):
        try:
            return _named_ref(ast.parse(ann.value.strip(), mode="eval").body, depth + 1)
        except SyntaxError:
            return None
    if isinstance(ann, ast.BinOp) and isinstance(ann.op, ast.BitOr):
        sides = [s for s in (ann.left, ann.right) if not (isinstance(s, ast.Constant) and s.value is None)]
        return _named_ref(sides[0], depth + 1) if len(sides) == 1 else None
    if isinstance(ann, ast.Subscript) and isinstance(ann.value, ast.Name):
        inner = _named_ref(ann.slice, depth + 1)
        if ann.value.id == "Optional":
            return inner
        if ann.value.id in LISTS and inner is not None and inner[0] == "name":
            return ["list", inner[1]]
        if ann.value.id in DICTS and isinstance(ann.slice, ast.Tuple) and len(ann.slice.elts) == 2:
            value = _named_ref(ann.slice.elts[1], depth + 1)  # `dict[str, Upstream]`: what `.values()` gives
            return ["dict", value[1]] if value is not None and value[0] == "name" else None
        return None
    return ["name", ann.id] if isinstance(ann, ast.Name) else None


def _shared_prefix(a: List[str], b: List[str]) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def _is_package(path: str) -> bool:
    return path.replace("\\", "/").rpartition("/")[2] == "__init__.py"


def _top_level(body: List[ast.stmt]) -> Iterable[ast.stmt]:
    for node in body:
        yield node
        if isinstance(node, ast.If):  # `if TYPE_CHECKING:` / version switches
            yield from _top_level(node.body + node.orelse)
        elif isinstance(node, ast.Try):
            yield from _top_level(node.body + [s for h in node.handlers for s in h.body])


def _absolute(module: str, is_package: bool, level: int, name: Optional[str]) -> Optional[str]:
    if level == 0:
        return name
    parts = module.split(".")
    keep = len(parts) - level + (1 if is_package else 0)
    if keep < 0:
        return None
    return ".".join(parts[:keep] + ([name] if name else [])) or None


def _jsonable(t):
    """An inference type as facts hold it (lists, plain strings: what crosses to worker processes)."""
    if isinstance(t, tuple):
        return [_jsonable(x) for x in t]
    return str(t) if isinstance(t, str) else t


def _typed(t):
    return tuple(_typed(x) for x in t) if isinstance(t, list) else t


class ProjectIndex:
    """All files' facts, joined. Module names match by suffix, so `from pkg.app import mcp` finds
    `src/pkg/app.py` whatever directory the run started from."""

    def __init__(self, facts: Iterable[Optional[dict]] = ()):
        self.modules: Dict[str, dict] = {}
        for f in facts:
            if f:
                self.modules[f["module"]] = f
        self._by_last: Dict[str, List[str]] = {}
        for m in self.modules:
            self._by_last.setdefault(m.rpartition(".")[2], []).append(m)
        self._near: List[str] = []
        self._url_methods: Optional[set] = None
        self._url_functions: Optional[set] = None
        self._carries: Dict[tuple, Optional[dict]] = {}
        self._shared: Dict[str, Dict[tuple, List[tuple]]] = {}  # (shared with `seen_from` views)

    def seen_from(self, path: str) -> "ProjectIndex":
        """The same index, read from the file at `path`: a module name that several projects of the
        tree share (`tests.helpers`) means the one nearest that file."""
        view = copy.copy(self)
        view._near = (module_name(path) or "").split(".")
        return view

    def imported_module(self, path: str, level: int, name: Optional[str]) -> Optional[str]:
        """The module `from <name> import ...` (relative at `level`) names in the file at `path`."""
        return self.relative(path, level, name) if level else name

    def relative(self, path: str, level: int, name: Optional[str]) -> Optional[str]:
        """The module a relative import in the file at `path` names."""
        module = module_name(path)
        if module is None:
            return None
        return _absolute(module, _is_package(path), level, name)

    def find(self, module: str) -> Optional[dict]:
        if module in self.modules:
            return self.modules[module]
        hits = [m for m in self._by_last.get(module.rpartition(".")[2], ()) if m.endswith("." + module)]
        if len(hits) > 1 and self._near:
            shared = {m: _shared_prefix(m.split("."), self._near) for m in hits}
            best = max(shared.values())
            hits = [m for m in hits if shared[m] == best]
        return self.modules[hits[0]] if len(hits) == 1 else None

    def global_type(self, module: str, name: str, hops: int = 0):
        """The type (inference encoding) of top-level `name` in the user's `module`, else None."""
        if hops > MAX_HOPS:
            return None
        facts = self.find(module)
        if facts is None:
            return None
        entry = facts["names"].get(name)
        if entry is not None and entry[0] == "subclass":  # of an SDK class through a user base?
            t = self.global_type(facts["module"], entry[1], hops + 1)
            if isinstance(t, tuple) and t[0] in ("class", "subclass"):
                return ("subclass", t[1])
        if entry is None or entry[0] == "subclass":
            return ("uclass", (facts["module"], name)) if name in facts.get("classes", {}) else None
        kind = entry[0]
        if kind == "type":
            return _typed(entry[1])
        if kind == "import":
            return self.global_type(entry[1], entry[2], hops + 1)
        if kind == "returns":
            t = self.resolve_ref(facts["module"], entry[1])
            return ("def", t) if t is not None else None
        if kind == "call":
            t = self.global_type(facts["module"], entry[1], hops + 1)
            if isinstance(t, tuple) and t[0] in ("class", "subclass"):
                return t[1]
            if isinstance(t, tuple) and t[0] == "uclass":
                return ("uobj", t[1])
        return None

    def sdk_reexport(self, path: str, level: int, module: Optional[str], name: str) -> Optional[str]:
        """The SDK name `from <module> import <name>` in the file at `path` binds when `module` is one
        of the project's that imports it from the SDK as it is (`from .compat import FastMCP`), else None."""
        if level == 0 and (module or "mcp").split(".")[0] == "mcp":
            return None
        absolute = self.imported_module(path, level, module)
        q = self.imported_as_is(absolute, name) if absolute and self.find(absolute) is not None else None
        return q if q is not None and q.split(".")[0] == "mcp" else None

    def imported_as_is(self, module: str, name: str, hops: int = 0) -> Optional[str]:
        """What top-level `name` of the user's `module` imports under its own name (`from
        mcp.client.streamable_http import streamablehttp_client`, through the project's own
        re-exports), as a qualified name; None for anything else."""
        facts = self.find(module) if hops <= MAX_HOPS else None
        entry = facts["names"].get(name) if facts is not None else None
        if entry is None or entry[0] != "import" or entry[2] != name:
            return None
        if entry[1].split(".")[0] != "mcp" and self.find(entry[1]) is not None:
            return self.imported_as_is(entry[1], name, hops + 1)
        return entry[1] + "." + name

    def declared_return(self, module: str, name: str, hops: int = 0) -> Optional[str]:
        """The class a top-level def of the user's `module` names as its return annotation
        (`def describe(...) -> str` gives "str"), through the project's own imports."""
        facts = self.find(module) if hops <= MAX_HOPS else None
        entry = facts["names"].get(name) if facts is not None else None
        if entry is not None and entry[0] == "import":
            return self.declared_return(entry[1], entry[2], hops + 1)
        if entry is not None and entry[0] == "returns" and entry[1][0] == "name":
            return entry[1][1]
        return None

    def imports_of(self, module: str, name: str) -> bool:
        """Another module of the project imports `name` from `module` (`from .server import my_tool`)."""
        return bool(self.importers(module, name))

    def importers(self, module: str, name: Optional[str] = None) -> List[dict]:
        """Facts of the other modules that import `name` (any name when None) from `module`."""
        target = self.find(module)
        if target is None:
            return []
        return [
            facts
            for facts in self.modules.values()
            if facts is not target
            and any(
                entry[0] == "import" and (name is None or entry[2] == name) and self.find(entry[1]) is target
                for entry in facts["names"].values()
            )
        ]

    def server_state(self, module: str, name: str) -> Optional[List[str]]:
        """(module, name) of the class `State` when the server `name` of the user's `module` is
        declared `FastMCP[State]`, or built with a `lifespan=` whose `AsyncIterator[State]` names it,
        where `State` is defined in or imported into that module."""
        facts = self.find(module)
        state = facts.get("server_states", {}).get(name) if facts else None
        if isinstance(state, list):
            facts, state = self._lifespan_state(facts["module"], state[1])
        if state is None:
            return None
        entry = facts["names"].get(state)
        return [entry[1], entry[2]] if entry is not None and entry[0] == "import" else [facts["module"], state]

    def _lifespan_state(self, module: str, name: str):
        """(facts of the module that defines the lifespan `name`, the state class it yields there)."""
        where = self.definition(module, name)
        facts = self.find(where[0]) if where else None
        entry = facts["names"].get(where[1]) if facts else None
        if entry is not None and entry[0] == "returns" and entry[1][0] == "cm" and isinstance(entry[1][1], str):
            return facts, entry[1][1]
        return None, None

    def transport_carry(self, module: str, name: str) -> Optional[dict]:
        """For the top-level server `name` of the user's `module` that other modules import, when v2's
        removed transport settings must be carried across them: {"fields": those the project sets or
        reads, in `MOVED` order, "holder": the variable the defining module keeps them in}. None when
        some module uses the server in a way that cannot be followed, or nothing needs carrying."""
        key = (module, name)
        if key not in self._carries:
            self._carries[key] = self._transport_carry(module, name)
        return self._carries[key]

    def _transport_carry(self, module: str, name: str) -> Optional[dict]:
        home = self.find(module)
        defines = home is not None and any(e["defines"] and e["origin"][1] == name for e in home["server_uses"])
        if not defines or not self.importers(home["module"], name):
            return None
        related = self._server_users().get((home["module"], name), [])
        own = [e for facts, e in related if facts is home and e["defines"] and e["origin"][1] == name]
        if len(own) != 1 or not all(e["ok"] and not e["taken"] for _, e in related):
            return None
        ctor = set(own[0]["ctor"])
        read = {f for _, e in related for f in e["fields"]}
        if not (any(e["loose"] for _, e in related) or (ctor and any(e["outside"] for _, e in related))):
            return None
        return {"fields": [f for f in MOVED if f in ctor | read], "holder": holder_name(name)}

    def spelled(self, path: str, level: int, module: Optional[str], target: str) -> Optional[str]:
        """How the file at `path` names the project's module `target` in an import written like
        `from <"." * level + module> import ...` (relative when that one is): "." + "app" for
        `from .server import mcp` when `target` is its sibling `pkg.app`; None when it cannot say."""
        written = self.imported_module(path, level, module)
        found = self.find(written) if written else None
        if found is None or not found["module"].endswith(written):
            return None
        prefix = found["module"][: len(found["module"]) - len(written)]  # the index may see `src.` above it
        if not target.startswith(prefix):
            return None
        absolute = target[len(prefix) :]
        if not level:
            return absolute
        base = self.relative(path, level, None)
        if base is None or not absolute.startswith(base + "."):
            return None
        return "." * level + absolute[len(base) + 1 :]

    def _server_users(self) -> Dict[tuple, List[tuple]]:
        """(facts, entry) of every file's `server_uses`, by the (module, name) each entry's server is
        defined as, as that file sees it: computed once for the index and the views of it."""
        if "users" not in self._shared:
            users: Dict[tuple, List[tuple]] = {}
            for facts in self.modules.values():
                view = self.seen_from(facts["path"]) if facts.get("server_uses") else None
                for e in facts.get("server_uses", ()):
                    target = view.definition(e["origin"][0], e["origin"][1])
                    if target is not None:
                        users.setdefault(target, []).append((facts, e))
            self._shared["users"] = users
        return self._shared["users"]

    def definition(self, module: str, name: str, hops: int = 0) -> Optional[tuple]:
        """(module, name) where top-level `name` of the user's `module` is defined, through re-exports."""
        facts = self.find(module) if hops <= MAX_HOPS else None
        if facts is None:
            return None
        entry = facts["names"].get(name)
        if entry is not None and entry[0] == "import" and self.find(entry[1]) is not None:
            return self.definition(entry[1], entry[2], hops + 1)
        return (facts["module"], name)

    def member_used(self, module: str, name: str) -> bool:
        """A module other than `module` reads attribute `name` off a non-SDK object, or defines a
        method of that name in a subclass."""
        target = self.find(module)
        return any(f is not target and name in f["user_members"] for f in self.modules.values())

    def context_helper(self, module: str, name: str) -> bool:
        """The top-level def `name` of the user's `module` calls v1's `get_context()`."""
        facts = self.find(module)
        return bool(facts) and name in facts.get("context_helpers", ())

    def type_alias(self, module: str, name: str) -> Optional[str]:
        """The text of the type alias `name` that the user's `module` declares (`X = Y[...]`), else None."""
        facts = self.find(module)
        return facts.get("type_aliases", {}).get(name) if facts else None

    def member_type(self, module: str, cls: str, table: int, member: str):
        """What a field or property (table 1) or method (table 2) of the user's class `cls`, defined in
        or imported into `module`, holds or returns, looking through its bases as Python would; None when
        no annotation says."""
        found = self._member_ref(module, cls, table, member)
        return self.resolve_ref(*found) if found is not None else None

    def _member_ref(self, module: str, cls: str, table: int, member: str, hops: int = 0):
        """(the module declaring it, the annotation ref) of `member_type`'s member, else None."""
        if hops > MAX_HOPS:
            return None
        facts = self.find(module)
        if facts is None:
            return None
        entry = facts["names"].get(cls)
        if entry is not None and entry[0] == "import":
            return self._member_ref(entry[1], entry[2], table, member, hops + 1)
        shape = facts.get("classes", {}).get(cls)
        if shape is None:
            return None
        ref = shape["fields" if table == 1 else "methods"].get(member)
        if ref is not None:
            return facts["module"], ref
        for base in shape["bases"]:
            found = self._member_ref(facts["module"], base, table, member, hops + 1)
            if found is not None:
                return found
        return None

    def url_methods(self) -> set:
        """Names of the project's methods that take a pydantic URL (see `_url_params`)."""
        if self._url_methods is None:
            self._url_methods = {
                m
                for f in self.modules.values()
                for shape in f.get("classes", {}).values()
                for m in shape.get("urls", {})
            }
        return self._url_methods

    def url_functions(self) -> set:
        """Names of the project's top-level functions that take a pydantic URL (see `_url_params`)."""
        if self._url_functions is None:
            self._url_functions = {name for f in self.modules.values() for name in f.get("url_functions", {})}
        return self._url_functions

    def function_url_params(self, module: str, name: str, hops: int = 0) -> list:
        """`_url_params` of the top-level function `name` defined in or imported into `module`."""
        facts = self.find(module) if hops <= MAX_HOPS else None
        if facts is None:
            return []
        entry = facts["names"].get(name)
        if entry is not None and entry[0] == "import":
            return self.function_url_params(entry[1], entry[2], hops + 1)
        return facts.get("url_functions", {}).get(name, [])

    def url_params(self, module: str, cls: str, method: str, hops: int = 0) -> list:
        """`_url_params` of method `method` of the user's class `cls` (defined in or imported into
        `module`), looking through its bases."""
        facts = self.find(module) if hops <= MAX_HOPS else None
        if facts is None:
            return []
        entry = facts["names"].get(cls)
        if entry is not None and entry[0] == "import":
            return self.url_params(entry[1], entry[2], method, hops + 1)
        shape = facts.get("classes", {}).get(cls)
        if shape is None:
            return []
        if method in shape.get("urls", {}):
            return shape["urls"][method]
        for base in shape["bases"]:
            found = self.url_params(facts["module"], base, method, hops + 1)
            if found:
                return found
        return []

    def resolve_ref(self, module: str, ref: list):
        """The instance type an `_annotation_ref` stands for."""
        if ref[0] == "type":
            return _typed(ref[1])
        if ref[0] in ("list", "dict", "cm"):
            item = self.resolve_ref(module, ref[1] if isinstance(ref[1], list) else ["name", ref[1]])
            return (ref[0], item) if item is not None else None
        if ref[0] == "tuple":
            items = tuple(self.resolve_ref(module, r) if r else None for r in ref[1])
            return ("tuple", items) if any(items) else None
        t = self.global_type(module, ref[1])
        if isinstance(t, tuple) and t[0] in ("class", "subclass"):
            return t[1]
        return ("uobj", t[1]) if isinstance(t, tuple) and t[0] == "uclass" else None
