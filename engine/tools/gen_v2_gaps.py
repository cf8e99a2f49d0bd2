"""Generate mcp_migrate/v2_gaps.py: what v1 code can reach that v2 no longer has, with its guide section.

Read from the SDK's own source at both releases (members include attributes a class sets on `self`,
which the API snapshots do not list): v1 names, class members and keyword parameters whose v2
counterpart (after the renames in `sdk.py`) is gone. Each gets the guide section that names it, so the
engine's last rule (API001) can mark any such use the area rules did not already handle.

Usage (from engine/): python3 tools/gen_v2_gaps.py [--src ../../shared/sdk-src]
"""

import argparse
import ast
import glob
import os
import pprint
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))

from gen_sdk_types import Generator  # noqa: E402
from mcp_migrate.sdk import RENAMED_MODULES, RENAMED_NAMES  # noqa: E402
from mcp_migrate.v1_fields import CAMEL  # noqa: E402

OUT = os.path.join(HERE, "..", "mcp_migrate", "v2_gaps.py")
DEFAULT_SRC = os.path.join(ROOT, "..", "shared", "sdk-src")
GUIDE = os.path.join(ROOT, "content", "guide")
# Where a gap goes when no section names it: the section about the module's area.
AREA_DEFAULT = [
    ("mcp.client.experimental", "experimental-tasks-support-removed"),
    ("mcp.server.experimental", "experimental-tasks-support-removed"),
    ("mcp.shared.experimental", "experimental-tasks-support-removed"),
    ("mcp.shared.response_router", "experimental-tasks-support-removed"),
    ("mcp.server.fastmcp", "fastmcp-renamed-to-mcpserver"),
    ("mcp.server.lowlevel", "lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params"),
    ("mcp.server.session", "lowlevel-server-request_context-property-removed"),
    ("mcp.client.session", "clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed"),
    ("mcp.shared.session", "clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed"),
    ("mcp.types", "mcptypes-moved-to-the-mcp-types-package"),
    ("mcp", "changes-almost-every-project-hits"),
]
# The guide area a module's gaps are most likely explained in, preferred when several sections match.
MODULE_AREA = [
    ("mcp.server.fastmcp", "mcpserver-formerly-fastmcp"),
    ("mcp.server.lowlevel", "lowlevel-server"),
    ("mcp.server.session", "lowlevel-server"),
    ("mcp.server.auth", "oauth-and-server-auth"),
    ("mcp.client.auth", "oauth-and-server-auth"),
    ("mcp.shared.auth", "oauth-and-server-auth"),
    ("mcp.client.streamable_http", "transports"),
    ("mcp.client.sse", "transports"),
    ("mcp.client.stdio", "transports"),
    ("mcp.server.streamable_http", "transports"),
    ("mcp.server.sse", "transports"),
    ("mcp.client", "clients"),
    ("mcp.shared.memory", "testing-utilities"),
    ("mcp.shared.exceptions", "types-and-wire-format"),
    ("mcp.shared", "clients"),
    ("mcp.types", "types-and-wire-format"),
]
IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class SourceTree(Generator):
    """An SDK release's source: its modules, classes with every member, and functions."""

    def __init__(self, root):
        super().__init__(root)
        self.stars = {}  # module -> modules it `import *`s
        for mod in self.modules.values():
            for node in ast.walk(mod.tree):
                if isinstance(node, ast.ImportFrom) and any(a.name == "*" for a in node.names):
                    base = node.module or ""
                    if node.level:
                        pkg = mod.package.split(".")
                        pkg = pkg[: len(pkg) - (node.level - 1)]
                        base = ".".join(pkg + ([node.module] if node.module else []))
                    self.stars.setdefault(mod.name, []).append(base)

    def find(self, qual: str, depth: int = 0) -> str:
        """Where `qual` is defined (through re-exports and star imports), else None."""
        if depth > 12:
            return None
        if qual in self.classes or qual in self.functions or qual in self.modules or qual in self.alias_nodes:
            return qual
        mod, _, name = qual.rpartition(".")
        m = self.modules.get(mod)
        if m is None:
            parent = self.find(mod, depth + 1) if mod else None
            return self.find(parent + "." + name, depth + 1) if parent and parent != mod else None
        target = m.names.get(name)
        if target and target != qual:
            return self.find(target, depth + 1)
        for star in self.stars.get(mod, ()):
            found = self.find(star + "." + name, depth + 1)
            if found:
                return found
        return None

    def members(self, cls: str, depth: int = 0) -> set:
        if cls not in self.classes or depth > 10:
            return set()
        mod, node = self.classes[cls]
        out = set()
        for stmt in node.body:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                out.add(stmt.name)
            elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                out.add(stmt.target.id)
            elif isinstance(stmt, ast.Assign):
                out.update(t.id for t in stmt.targets if isinstance(t, ast.Name))
        for n in ast.walk(node):  # attributes set on self in any method
            if (
                isinstance(n, ast.Attribute)
                and isinstance(n.ctx, ast.Store)
                and isinstance(n.value, ast.Name)
                and n.value.id == "self"
            ):
                out.add(n.attr)
        for b in node.bases:
            q = self.qual(mod, b.value if isinstance(b, ast.Subscript) else b)
            base = self.find(self.canonical(q)) if q else None
            if base:
                out |= self.members(base, depth + 1)
            elif q and q.rpartition(".")[2] in ("BaseModel", "RootModel"):
                out |= (
                    {"model_dump", "model_validate", "model_copy", "model_fields", "root"}
                    if q.endswith("RootModel")
                    else {"model_dump", "model_validate", "model_copy", "model_fields"}
                )
        return out

    def params(self, fn) -> tuple:
        """(named parameters, takes **kwargs) of a function node."""
        a = fn.args
        named = {p.arg for p in a.posonlyargs + a.args + a.kwonlyargs} - {"self", "cls"}
        return named, a.kwarg is not None


def v2_spelling(qual: str) -> str:
    for old, new in RENAMED_MODULES.items():
        if qual == old or qual.startswith(old + "."):
            qual = new + qual[len(old) :]
    head, _, last = qual.rpartition(".")
    renamed = {old.rpartition(".")[2]: new for old, new in RENAMED_NAMES.items()}
    return head + "." + renamed.get(last, last) if last in renamed else qual


class Sections:
    """The guide's sections (content/guide/*/<anchor>.mdx) and the identifiers in their code spans."""

    def __init__(self):
        self.spans = {}
        self.area = {}
        for path in sorted(glob.glob(os.path.join(GUIDE, "*", "*.mdx"))):
            anchor = os.path.basename(path)[:-4]
            if anchor == "index":
                continue
            self.area[anchor] = os.path.basename(os.path.dirname(path))
            with open(path, encoding="utf-8") as f:
                text = f.read()
            body = text.split("\n---\n", 1)[-1]
            heading = re.search(r'^heading: "(.*)"$', text, re.M)
            spans = re.findall(r"`([^`\n]+)`", (heading.group(1) if heading else "") + "\n" + body)
            words = {}
            for s in spans:
                for w in IDENT.findall(s):
                    words[w] = words.get(w, 0) + 1
            self.spans[anchor] = words

    def best(self, qual, *names) -> str:
        """The section whose code names all of `names` most often (in the area of `qual`'s module
        first), trying fewer names as needed."""
        area = next((a for prefix, a in MODULE_AREA if qual == prefix or qual.startswith(prefix + ".")), None)
        for k in range(len(names), 0, -1):
            wanted = [n for n in names[:k] if n]
            scored = [
                (self.area[a] == area, min(w.get(n, 0) for n in wanted), a)
                for a, w in self.spans.items()
                if all(w.get(n) for n in wanted)
            ]
            if scored:
                return max(scored)[2]
        return None


def rule_anchors() -> dict:
    """v1 name (`pkg.Class.member`, `pkg.func(param)`) -> the section of the rule that names it."""
    from mcp_migrate import rules  # noqa: F401  (registers)
    from mcp_migrate.framework import REGISTRY
    from mcp_migrate.resolver import canonical

    out = {}
    for r in REGISTRY:
        for name in r.v1_names:
            head, paren, rest = name.partition("(")
            out.setdefault(canonical(head) + paren + rest, r.anchor)
    return out


def _type_alias(tree, qual: str) -> bool:
    """A module-level `X = A | B`, `X = list[A]` or `X: TypeAlias = ...`. (Not TypeVars: their names,
    `T`, `R`, are common words, and every name here makes a file look like SDK code to the runner.)"""
    _, value = tree.alias_nodes[qual]
    return isinstance(value, ast.Subscript) or (isinstance(value, ast.BinOp) and isinstance(value.op, ast.BitOr))


def default_anchor(qual: str) -> str:
    return next(a for prefix, a in AREA_DEFAULT if qual == prefix or qual.startswith(prefix + "."))


def gaps(v1: SourceTree, v2: SourceTree, sections: Sections):
    modules, names, members, params = {}, {}, {}, {}
    by_rule = rule_anchors()
    for mod in sorted(v1.modules):
        if (
            mod.startswith("mcp.")
            and not any(p.startswith("_") for p in mod.split("."))
            and v2_spelling(mod) not in v2.modules
        ):
            last = mod.rpartition(".")[2]
            specific = default_anchor(mod) if default_anchor(mod) != default_anchor("mcp") else None
            modules[mod] = by_rule.get(mod) or specific or sections.best(mod, last) or default_anchor(mod)
    # (type aliases too, such as `StructuredContent`; constants are left out: some reach v2 in ways this
    # reading does not follow)
    for qual in sorted(v1.classes) + sorted(v1.functions) + sorted(q for q in v1.alias_nodes if _type_alias(v1, q)):
        if not qual.startswith("mcp.") or any(part.startswith("_") for part in qual.split(".")):
            continue
        last = qual.rpartition(".")[2]
        there = v2.find(v2_spelling(qual)) or v2.find(v2_spelling(qual).replace("mcp.types.", "mcp_types."))
        if there is None:
            names[qual] = by_rule.get(qual) or sections.best(qual, last) or default_anchor(qual)
            continue
        if qual in v1.classes and there in v2.classes:
            missing = v1.members(qual) - v2.members(there) - set(CAMEL)
            missing = {m for m in missing if not (m.startswith("__") and m.endswith("__"))}
            if missing:
                members[qual] = {
                    m: by_rule.get(qual + "." + m) or sections.best(qual, m, last) or default_anchor(qual)
                    for m in sorted(missing)
                }
            for meth in v1.classes[qual][1].body:
                if (
                    isinstance(meth, (ast.FunctionDef, ast.AsyncFunctionDef))
                    and not meth.name.startswith("_")
                    or getattr(meth, "name", None) == "__init__"
                ):
                    _param_gaps(v1, v2, qual + "." + meth.name, meth, there, params, sections, last, by_rule)
        elif qual in v1.functions and there in v2.functions:
            _param_gaps(v1, v2, qual, v1.functions[qual][1], there, params, sections, last, by_rule)
    return modules, names, members, params


def _param_gaps(v1, v2, key, fn, there, params, sections, owner, by_rule):
    if there in v2.classes:
        name = key.rpartition(".")[2]
        node = next(
            (
                n
                for n in v2.classes[there][1].body
                if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == name
            ),
            None,
        )
    else:
        node = v2.functions[there][1]
    if node is None:
        return
    old, _ = v1.params(fn)
    new, takes_kwargs = v2.params(node)
    missing = old - new - set(CAMEL)
    if missing and not takes_kwargs:
        params[key] = {
            p: by_rule.get("%s(%s)" % (key, p)) or sections.best(key, p, owner) or default_anchor(key)
            for p in sorted(missing)
        }


def render(modules, names, members, params) -> str:
    fmt = lambda v: pprint.pformat(v, width=110, sort_dicts=True)  # noqa: E731
    return (
        '"""Generated by engine/tools/gen_v2_gaps.py from the MCP Python SDK source at v1.28.1 and v2.0.0 (MIT)\n'
        "and the guide's sections; do not edit. Values are the anchors of the sections that explain the gap.\n"
        '"""\n\n'
        "# v1 modules with no v2 counterpart\n"
        "MODULES = " + fmt(modules) + "\n\n"
        "# v1 classes and functions with no v2 counterpart\n"
        "NAMES = " + fmt(names) + "\n\n"
        "# v1 class -> members (fields, methods, attributes set on self) its v2 counterpart lacks\n"
        "MEMBERS = " + fmt(members) + "\n\n"
        "# v1 function or Class.method -> keyword parameters v2's lacks (it takes no **kwargs)\n"
        "PARAMS = " + fmt(params) + "\n"
    )


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--src", default=DEFAULT_SRC)
    args = p.parse_args()
    v1_src, v2_src = os.path.join(args.src, "v1.28.1", "src"), os.path.join(args.src, "v2.0.0", "src")
    if not os.path.isdir(os.path.join(v2_src, "mcp")):
        print("gen_v2_gaps: no SDK source under %s (pass --src)" % args.src, file=sys.stderr)
        return 2
    v2 = SourceTree(v2_src)
    types_tree = SourceTree(os.path.join(v2_src, "mcp-types"))
    v2.modules.update(types_tree.modules)
    v2.classes.update(types_tree.classes)
    v2.functions.update(types_tree.functions)
    v2.alias_nodes.update(types_tree.alias_nodes)
    v2.stars.update(types_tree.stars)
    text = render(*gaps(SourceTree(v1_src), v2, Sections()))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
