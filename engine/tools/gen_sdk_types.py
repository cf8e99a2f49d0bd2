"""Generate mcp_migrate/sdk_types.py: the v1 SDK's field, method and function types, read from its source.

The engine infers what an expression holds (`result.content[0]` after `result = await
session.call_tool(...)`) from this table, so rules can act on code that never names a class.

Usage (from engine/): python3 tools/gen_sdk_types.py [--src ../../shared/sdk-src/v1.28.1/src]
"""

import argparse
import ast
import os
import pprint
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "mcp_migrate", "sdk_types.py")
DEFAULT_SRC = os.path.join(HERE, "..", "..", "..", "shared", "sdk-src", "v1.28.1", "src")

CONTAINERS = {
    "list": "list",
    "List": "list",
    "Sequence": "list",
    "Iterable": "list",
    "Iterator": "list",
    "AsyncIterator": "list",
    "set": "list",
    "Set": "list",
    "frozenset": "list",
    "dict": "dict",
    "Dict": "dict",
    "Mapping": "dict",
    "MutableMapping": "dict",
    "tuple": "tuple",
    "Tuple": "tuple",
}
TRANSPARENT = {
    "Optional",
    "Annotated",
    "Awaitable",
    "Coroutine",
    "ClassVar",
    "Final",
    "Required",
    "NotRequired",
    "ReadOnly",
}
CM_RETURNS = {"AsyncGenerator", "AsyncIterator", "Generator", "Iterator"}
# Properties the v1 source leaves unannotated, typed by what they return on that class:
# `Context.session` is `self.request_context.session`, always a `ServerSession` under FastMCP.
UNANNOTATED = {"mcp.server.fastmcp.server.Context": {"session": "mcp.server.session.ServerSession"}}


def module_name(root: str, path: str) -> str:
    rel = os.path.relpath(path, root)[:-3].replace(os.sep, ".")
    return rel[: -len(".__init__")] if rel.endswith(".__init__") else rel


class Module:
    def __init__(self, name: str, tree: ast.Module, is_package: bool):
        self.name = name
        self.tree = tree
        self.package = name if is_package else name.rpartition(".")[0]
        self.names = {}  # local name -> qualified name (imports, classes, aliases)
        for node in tree.body:
            self._collect(node)

    def _collect(self, node):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                pkg = self.package.split(".")
                pkg = pkg[: len(pkg) - (node.level - 1)]
                base = ".".join(pkg + ([node.module] if node.module else []))
            for a in node.names:
                if a.name != "*":
                    self.names[a.asname or a.name] = base + "." + a.name
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.asname:
                    self.names[a.asname] = a.name
                else:
                    self.names[a.name.split(".")[0]] = a.name.split(".")[0]
        elif isinstance(node, ast.ClassDef):
            self.names[node.name] = self.name + "." + node.name
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for t in targets:
                if isinstance(t, ast.Name):
                    self.names.setdefault(t.id, self.name + "." + t.id)
        elif isinstance(node, (ast.If, ast.Try)):  # TYPE_CHECKING blocks, optional imports
            for child in node.body + getattr(node, "orelse", []):
                self._collect(child)


class Generator:
    def __init__(self, root: str):
        self.modules = {}
        for dirpath, dirs, files in os.walk(root):
            dirs.sort()
            for f in sorted(files):
                if f.endswith(".py"):
                    path = os.path.join(dirpath, f)
                    with open(path, encoding="utf-8") as fh:
                        tree = ast.parse(fh.read())
                    name = module_name(root, path)
                    self.modules[name] = Module(name, tree, f == "__init__.py")
        self.alias_nodes = {}
        self.classes = {}
        self.functions = {}
        for mod in self.modules.values():
            for node in mod.tree.body:
                self._top(mod, node)

    def canonical(self, qual: str, depth: int = 0) -> str:
        """Follow re-exports (`mcp.types` imported into `mcp`) to where a name is defined."""
        mod, _, name = qual.rpartition(".")
        m = self.modules.get(mod)
        if m is None or depth > 10:
            return qual
        target = m.names.get(name)
        if target and target != qual and not target.startswith(mod + "." + name + "."):
            return self.canonical(target, depth + 1)
        return qual

    def _top(self, mod: Module, node: ast.AST):
        if isinstance(node, ast.ClassDef):
            self.classes[mod.name + "." + node.name] = (mod, node)
            for inner in node.body:  # `RequestParams.Meta`
                if isinstance(inner, ast.ClassDef):
                    self.classes["%s.%s.%s" % (mod.name, node.name, inner.name)] = (mod, inner)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            self.functions[mod.name + "." + node.name] = (mod, node)
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            self.alias_nodes[mod.name + "." + node.targets[0].id] = (mod, node.value)
        elif (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and node.value is not None
            and "TypeAlias" in ast.unparse(node.annotation)
        ):
            self.alias_nodes[mod.name + "." + node.target.id] = (mod, node.value)
        elif isinstance(node, ast.If):
            for child in node.body:
                self._top(mod, child)

    # ---- type expressions -------------------------------------------------------------------
    def ann(self, mod: Module, node, owner=None, depth=0):
        """A type expression in `mod` -> the table's type encoding, or None when unknown."""
        if node is None or depth > 20:
            return None
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            try:
                node = ast.parse(node.value, mode="eval").body
            except SyntaxError:
                return None
        if isinstance(node, ast.Constant) and node.value is None:
            return None
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            return union([self.ann(mod, node.left, owner, depth + 1), self.ann(mod, node.right, owner, depth + 1)])
        if isinstance(node, ast.Subscript):
            head = self.qual(mod, node.value) or ast.unparse(node.value)  # builtins: list[...], dict[...]
            base = head.rpartition(".")[2]
            args = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
            if base == "Union":
                return union([self.ann(mod, a, owner, depth + 1) for a in args])
            if base in TRANSPARENT:
                return self.ann(mod, args[0], owner, depth + 1)
            kind = CONTAINERS.get(base)
            if kind == "list":
                elem = self.ann(mod, args[0], owner, depth + 1)
                return ("list", elem) if elem else None
            if kind == "dict" and len(args) == 2:
                value = self.ann(mod, args[1], owner, depth + 1)
                return ("dict", value) if value else None
            if kind == "tuple":
                items = tuple(self.ann(mod, a, owner, depth + 1) for a in args)
                return ("tuple", items) if any(items) else None
            if base == "Callable":
                return None
            return self.ann(mod, node.value, owner, depth + 1)  # Generic[...] parameters are not tracked
        qual = self.qual(mod, node)
        if qual is None and owner and isinstance(node, ast.Name) and "%s.%s" % (owner, node.id) in self.classes:
            return "%s.%s" % (owner, node.id)  # a class nested in the owner: `meta: Meta | None`
        if qual is None:
            return None
        if qual.rpartition(".")[2] == "Self" and owner:
            return owner
        qual = self.canonical(qual)
        if qual in self.classes:
            return qual
        if qual in self.alias_nodes:
            amod, value = self.alias_nodes[qual]
            if isinstance(value, ast.Call) and (self.qual(amod, value.func) or "").endswith("TypeVar"):
                bound = next((k.value for k in value.keywords if k.arg == "bound"), None)
                return self.ann(amod, bound, owner, depth + 1)  # a TypeVar stands for its bound
            return self.ann(amod, value, owner, depth + 1)
        return None

    def qual(self, mod: Module, node) -> str:
        parts = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            return None
        head = mod.names.get(node.id)
        if head is None:
            return None
        return ".".join([head] + list(reversed(parts)))

    def returns(self, mod: Module, fn, owner=None):
        decorators = [ast.unparse(d) for d in fn.decorator_list]
        ret = fn.returns
        if any(d.endswith("contextmanager") for d in decorators) and isinstance(ret, ast.Subscript):
            head = self.qual(mod, ret.value) or ""
            if head.rpartition(".")[2] in CM_RETURNS:
                args = ret.slice.elts if isinstance(ret.slice, ast.Tuple) else [ret.slice]
                inner = self.ann(mod, args[0], owner)
                return ("cm", inner) if inner else None
        return self.ann(mod, ret, owner)

    # ---- tables -----------------------------------------------------------------------------
    def class_entry(self, qual: str):
        mod, node = self.classes[qual]
        bases = []
        for b in node.bases:
            q = self.qual(mod, b.value if isinstance(b, ast.Subscript) else b)
            if q:
                q = self.canonical(q)
                if q in self.classes:
                    bases.append(q)
        fields, methods = {}, {}
        for stmt in node.body:
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                fields[stmt.target.id] = self.ann(mod, stmt.annotation, qual)
            elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                decorators = [ast.unparse(d) for d in stmt.decorator_list]
                if "property" in decorators or "cached_property" in decorators:
                    fields[stmt.name] = self.returns(mod, stmt, qual)
                elif not any(d.endswith(".setter") for d in decorators):
                    methods.setdefault(stmt.name, self.returns(mod, stmt, qual))
        # Attributes `__init__` sets: `self._tool_manager = ToolManager(...)`, `self.x: T = ...`.
        init = next((st for st in node.body if isinstance(st, ast.FunctionDef) and st.name == "__init__"), None)
        for stmt in init.body if init is not None else ():
            target = (
                stmt.targets[0]
                if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1
                else stmt.target
                if isinstance(stmt, ast.AnnAssign)
                else None
            )
            if (
                not (
                    isinstance(target, ast.Attribute)
                    and isinstance(target.value, ast.Name)
                    and target.value.id == "self"
                )
                or target.attr in fields
            ):
                continue
            if isinstance(stmt, ast.AnnAssign):
                t = self.ann(mod, stmt.annotation, qual)
            elif isinstance(stmt.value, ast.Call):
                t = self.ann(mod, stmt.value.func, qual)
            else:
                t = None
            if t:
                fields[target.attr] = t
        for name, t in UNANNOTATED.get(qual, {}).items():
            if not fields.get(name):
                fields[name] = t
        # A root model's `root` holds its union; RootModel[X] is how v1 spells it.
        for b in node.bases:
            if isinstance(b, ast.Subscript) and (self.qual(mod, b.value) or "").endswith("RootModel"):
                fields["root"] = self.ann(mod, b.slice, qual)
        return (tuple(bases), {k: v for k, v in fields.items() if v}, {k: v for k, v in methods.items() if v})

    def tables(self):
        classes = {q: e for q in sorted(self.classes) if q.startswith("mcp.") for e in [self.class_entry(q)] if any(e)}
        functions = {}
        for q in sorted(self.functions):
            mod, fn = self.functions[q]
            t = self.returns(mod, fn)
            if t and q.startswith("mcp."):
                functions[q] = t
        aliases = {}
        for q in sorted(self.alias_nodes):
            mod, value = self.alias_nodes[q]
            t = self.ann(mod, value)
            if isinstance(t, tuple) and t[0] == "union" and q.startswith("mcp."):
                aliases[q] = t
        return classes, functions, aliases


def union(members):
    out = []
    for m in members:
        if m is None:
            continue
        for x in m[1] if isinstance(m, tuple) and m[0] == "union" else (m,):
            if x not in out:
                out.append(x)
    if not out:
        return None
    return out[0] if len(out) == 1 else ("union", tuple(out))


def render(classes, functions, aliases) -> str:
    fmt = lambda v: pprint.pformat(v, width=110, sort_dicts=True)  # noqa: E731
    return (
        '"""Generated by engine/tools/gen_sdk_types.py from the MCP Python SDK v1.28.1 source (MIT); do not edit.\n\n'
        'Types: "pkg.Class" (an instance), ("list", T), ("dict", V), ("tuple", (T, ...)), ("union", (T, ...)),\n'
        '("cm", T) for what `async with f() as x` binds. None: not known.\n"""\n\n'
        "# class -> (bases, {field or property: type}, {method: return type})\n"
        "CLASSES = " + fmt(classes) + "\n\n"
        "# module-level function -> return type\n"
        "FUNCTIONS = " + fmt(functions) + "\n\n"
        "# type alias -> the union it names\n"
        "ALIASES = " + fmt(aliases) + "\n"
    )


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--src", default=DEFAULT_SRC)
    args = p.parse_args()
    if not os.path.isdir(os.path.join(args.src, "mcp")):
        print("gen_sdk_types: no SDK source at %s (pass --src)" % args.src, file=sys.stderr)
        return 2
    text = render(*Generator(args.src).tables())
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
