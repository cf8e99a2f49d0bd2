"""Cross-file knowledge: what the top-level names of the user's own modules hold.

`app.py` says `mcp = FastMCP("demo")`; `tools.py` says `from .app import mcp` and `@mcp.tool()`.
A first pass records each file's facts (`file_facts`, cheap and picklable, so CLI workers and the
browser worker can compute them in parallel or incrementally); `ProjectIndex` joins them and answers
`global_type("pkg.app", "mcp")` for the second pass.
"""

import ast
from typing import Dict, Iterable, List, Optional

MAX_HOPS = 16


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
    names: Dict[str, list] = {}
    classes: Dict[str, dict] = {}
    for node in _top_level(tree.body):
        if isinstance(node, ast.ImportFrom):
            source = _absolute(module, is_package, node.level, node.module)
            for a in node.names:
                if a.name != "*" and source:
                    names[a.asname or a.name] = ["import", source, a.name]
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if isinstance(node, ast.AnnAssign):
                known = infer.annotation(node.annotation, tree, node)
            else:
                known = infer.type_of(node.value)
            for t in targets:
                if not isinstance(t, ast.Name):
                    continue
                if known is not None:
                    names[t.id] = ["type", _jsonable(known)]
                elif isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name):
                    names[t.id] = ["call", node.value.func.id]
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.returns is not None:
            ref = _return_ref(infer, tree, node)
            if ref is not None:
                names[node.name] = ["type", ["def", ref[1]]] if ref[0] == "type" else ["returns", ref[1]]
        elif isinstance(node, ast.ClassDef):
            sdk = infer.sdk_base(node)
            if sdk:
                names[node.name] = ["type", [constructor_kind(node), sdk]]
            else:
                base = next((b.id for b in node.bases if isinstance(b, ast.Name)), None)
                if base:
                    names[node.name] = ["subclass", base]
            shape = _class_shape(infer, tree, node)
            if shape is not None:
                classes[node.name] = shape
    return {"path": path, "module": module, "package": is_package, "names": names, "classes": classes}


def _class_shape(infer, tree, cls: ast.ClassDef) -> Optional[dict]:
    """Its base names and what its methods say they return: `self.get_params()` in a subclass in
    another file is typed by the base class's annotation."""
    bases = [_base_name(b) for b in cls.bases]
    methods = {}
    for item in cls.body:
        if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.returns is not None:
            ref = _return_ref(infer, tree, item)
            if ref is not None:
                methods[item.name] = ref
    bases = [b for b in bases if b]
    return {"bases": bases, "methods": methods} if bases or methods else None


def _base_name(base: ast.AST) -> Optional[str]:
    base = base.value if isinstance(base, ast.Subscript) else base
    return base.id if isinstance(base, ast.Name) else None


def _return_ref(infer, tree, fn) -> Optional[list]:
    """["type", T] when the file alone types the return annotation, ["name", N] when it names a class
    of the user's (`-> RequestParams`, `-> "RequestParams | None"`) that the joined index resolves."""
    known = infer.annotation(fn.returns, tree, fn)
    if known is not None:
        return ["type", _jsonable(known)]
    name = _annotated_name(fn.returns)
    return ["name", name] if name else None


def _annotated_name(ann: Optional[ast.AST], depth: int = 0) -> Optional[str]:
    """The one class an annotation names, past `Optional[...]`, `X | None` and string quotes."""
    if ann is None or depth > 4:
        return None
    if isinstance(ann, ast.Constant) and isinstance(ann.value, str):
        try:
            return _annotated_name(ast.parse(ann.value.strip(), mode="eval").body, depth + 1)
        except SyntaxError:
            return None
    if isinstance(ann, ast.BinOp) and isinstance(ann.op, ast.BitOr):
        sides = [s for s in (ann.left, ann.right) if not (isinstance(s, ast.Constant) and s.value is None)]
        return _annotated_name(sides[0], depth + 1) if len(sides) == 1 else None
    if isinstance(ann, ast.Subscript) and isinstance(ann.value, ast.Name) and ann.value.id == "Optional":
        return _annotated_name(ann.slice, depth + 1)
    return ann.id if isinstance(ann, ast.Name) else None


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
    return [_jsonable(x) for x in t] if isinstance(t, tuple) else t


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
        return self.modules[hits[0]] if len(hits) == 1 else None

    def global_type(self, module: str, name: str, hops: int = 0):
        """The type (inference encoding) of top-level `name` in the user's `module`, else None."""
        if hops > MAX_HOPS:
            return None
        facts = self.find(module)
        if facts is None:
            return None
        entry = facts["names"].get(name)
        if entry is None:
            return None
        kind = entry[0]
        if kind == "type":
            return _typed(entry[1])
        if kind == "import":
            return self.global_type(entry[1], entry[2], hops + 1)
        if kind in ("call", "subclass", "returns"):
            t = self.global_type(facts["module"], entry[1], hops + 1)
            if isinstance(t, tuple) and t[0] in ("class", "subclass"):
                return {"call": t[1], "subclass": ("subclass", t[1]), "returns": ("def", t[1])}[kind]
        return None

    def method_type(self, module: str, cls: str, method: str, hops: int = 0):
        """What `method` of the user's class `cls` (defined in or imported into `module`) returns,
        looking through its bases as Python would; None when no annotation says."""
        if hops > MAX_HOPS:
            return None
        facts = self.find(module)
        if facts is None:
            return None
        entry = facts["names"].get(cls)
        if entry is not None and entry[0] == "import":
            return self.method_type(entry[1], entry[2], method, hops + 1)
        shape = facts.get("classes", {}).get(cls)
        if shape is None:
            return None
        ref = shape["methods"].get(method)
        if ref is not None:
            return self.resolve_ref(facts["module"], ref)
        for base in shape["bases"]:
            t = self.method_type(facts["module"], base, method, hops + 1)
            if t is not None:
                return t
        return None

    def resolve_ref(self, module: str, ref: list):
        """The instance type a `_return_ref` stands for."""
        if ref[0] == "type":
            return _typed(ref[1])
        t = self.global_type(module, ref[1])
        return t[1] if isinstance(t, tuple) and t[0] in ("class", "subclass") else None
