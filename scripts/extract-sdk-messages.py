#!/usr/bin/env python3
"""Extract the messages the MCP Python SDK raises, logs and warns, at both releases.

    python3 scripts/extract-sdk-messages.py [SDK_SRC_DIR] > data/sdk-messages.json

SDK_SRC_DIR holds `v1.28.1/src` and `v2.0.0/src` (default: ../shared/sdk-src next to the repository,
or $SDK_SRC_DIR). The output is committed, so nothing at build or test time needs the SDK source;
`scripts/gen-data.mjs` turns it into the lookup's message templates.

Each message is a template: literal text with `{}` where the SDK formats a value in (f-strings,
%-formatting, `.format()`), plus where it comes from: the kind (raise, error, log, warn, deprecated),
the exception class or log level, the logger name, and the qualified name of the function or class
it belongs to (for `@deprecated`, the decorated one). Messages the SDK builds in several pieces
(implicit concatenation, `+`) come out whole; anything else that is not a literal becomes `{}`.
"""

from __future__ import annotations

import ast
import json
import os
import sys
from pathlib import Path

RELEASES = ["v1.28.1", "v2.0.0"]
LOG_METHODS = {"debug", "info", "warning", "warn", "error", "exception", "critical"}
# Keyword arguments that carry the human-readable text of an error object.
MESSAGE_KEYWORDS = {"message", "msg", "detail", "error_description", "reason"}


CONSTANTS: dict[str, str] = {}  # module-level `NAME = "text"` of the file being read


def template(node: ast.expr) -> str | None:
    """The message as a template, or None when no literal text is involved."""
    if isinstance(node, ast.Name) and node.id in CONSTANTS:
        return CONSTANTS[node.id]
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.replace("{", "{{").replace("}", "}}")
    if isinstance(node, ast.JoinedStr):
        out = []
        for part in node.values:
            if isinstance(part, ast.Constant):
                out.append(str(part.value).replace("{", "{{").replace("}", "}}"))
            else:
                # `{x!r}` prints quotes around a string; keep them so 'tools/call' still matches.
                out.append("'{}'" if isinstance(part, ast.FormattedValue) and part.conversion == ord("r") else "{}")
        return "".join(out)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = template(node.left), template(node.right)
        if left is None and right is None:
            return None
        return (left if left is not None else "{}") + (right if right is not None else "{}")
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        fmt = template(node.left)
        return percent_to_braces(fmt) if fmt is not None else None
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "format"
        and isinstance(node.func.value, ast.Constant)
        and isinstance(node.func.value.value, str)
    ):
        return node.func.value.value
    return None


def percent_to_braces(fmt: str) -> str:
    """`handler for %r raised` -> `handler for '{}' raised` (logging and %-formatting)."""
    out, i = [], 0
    while i < len(fmt):
        c = fmt[i]
        if c == "%" and i + 1 < len(fmt):
            j = i + 1
            while j < len(fmt) and fmt[j] in "#0- +.0123456789":
                j += 1
            if j < len(fmt) and fmt[j] == "%":
                out.append("%")
            elif j < len(fmt):
                out.append("'{}'" if fmt[j] == "r" else "{}")
            i = j + 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def call_name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{dotted(node.value)}.{node.attr}"
    return ""


class Collector(ast.NodeVisitor):
    def __init__(self, module: str, path: str):
        self.module = module
        self.path = path
        self.scope: list[str] = []
        self.loggers: dict[str, str] = {}  # variable name -> logger name
        self.out: list[dict] = []

    # --- scopes -------------------------------------------------------------------------------
    def _scoped(self, node, name):
        for dec in getattr(node, "decorator_list", []):
            if isinstance(dec, ast.Call) and call_name(dec.func) == "deprecated" and dec.args:
                t = template(dec.args[0])
                if t:
                    self.emit(
                        "deprecated",
                        "MCPDeprecationWarning" if has_category(dec) else "DeprecationWarning",
                        t,
                        node,
                        ".".join([*self.scope, name]),
                    )
        self.scope.append(name)
        self.generic_visit(node)
        self.scope.pop()

    def visit_ClassDef(self, node):
        self._scoped(node, node.name)

    def visit_FunctionDef(self, node):
        self._scoped(node, node.name)

    visit_AsyncFunctionDef = visit_FunctionDef

    # --- loggers ------------------------------------------------------------------------------
    def visit_Assign(self, node):
        v = node.value
        if isinstance(v, ast.Call) and call_name(v.func) == "getLogger":
            name = self.module
            if v.args:
                arg = v.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    name = arg.value
            for t in node.targets:
                if isinstance(t, ast.Name):
                    self.loggers[t.id] = name
        self.generic_visit(node)

    # --- messages -----------------------------------------------------------------------------
    def visit_Call(self, node):
        name = call_name(node.func)
        if name == "warn" and dotted(node.func) in ("warnings.warn", "warn") and node.args:
            t = template(node.args[0])
            if t:
                category = (
                    dotted(node.args[1])
                    if len(node.args) > 1
                    else next((dotted(k.value) for k in node.keywords if k.arg == "category"), "UserWarning")
                )
                self.emit("warn", category.split(".")[-1], t, node, self.qualname())
        elif name in LOG_METHODS and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):
            logger = self.loggers.get(node.func.value.id)
            if logger is not None and node.args:
                t = template(node.args[0])
                if t:
                    if len(node.args) > 1:
                        t = percent_to_braces(t)
                    self.emit("log", name.upper().replace("EXCEPTION", "ERROR"), t, node, self.qualname(), logger)
        elif looks_like_error(name) or (name == "__init__" and self.in_error_class()):
            texts = [a for a in node.args[:2]] + [k.value for k in node.keywords if k.arg in MESSAGE_KEYWORDS]
            for arg in texts:
                t = template(arg)
                if t:
                    cls = name if name != "__init__" else next(p for p in reversed(self.scope) if looks_like_error(p))
                    self.emit("error", cls, t, node, self.qualname())
                    break
        self.generic_visit(node)

    def in_error_class(self) -> bool:
        """Inside an exception class: `super().__init__(message=...)` builds its message."""
        return any(looks_like_error(part) for part in self.scope)

    def qualname(self) -> str:
        return ".".join(self.scope)

    def emit(self, kind, cls, text, node, qualname, logger=None):
        text = " ".join(text.split())
        if not any(ch.isalpha() for ch in text.replace("{}", "")):
            return
        rec = {
            "kind": kind,
            "type": cls,
            "text": text,
            "module": self.module,
            "qualname": qualname,
            "line": node.lineno,
        }
        if logger is not None:
            rec["logger"] = logger
        self.out.append(rec)


def has_category(dec: ast.Call) -> bool:
    return any(k.arg == "category" and dotted(k.value).endswith("MCPDeprecationWarning") for k in dec.keywords)


def looks_like_error(name: str) -> bool:
    if name in ("ErrorData", "JSONRPCError", "HTTPException", "Response", "JSONResponse", "PlainTextResponse"):
        return True
    return bool(name) and name[0].isupper() and name.endswith(("Error", "Exception", "Exit", "Lost"))


def module_name(src: Path, file: Path) -> str:
    rel = file.relative_to(src).with_suffix("")
    parts = [p for p in rel.parts if p != "mcp-types"]
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def extract(src: Path) -> list[dict]:
    messages = []
    for file in sorted(src.rglob("*.py")):
        rel = file.relative_to(src)
        # The generated per-protocol-version validators only repeat the public types.
        if any(p.startswith("_v20") for p in rel.parts):
            continue
        tree = ast.parse(file.read_text(encoding="utf-8"), filename=str(file))
        CONSTANTS.clear()
        for stmt in tree.body:
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                t = template(stmt.value)
                if t is not None and stmt.targets[0].id.isupper():
                    CONSTANTS[stmt.targets[0].id] = t
        c = Collector(module_name(src, file), str(rel))
        c.visit(tree)
        messages.extend(c.out)
    seen, unique = set(), []
    for m in messages:
        key = (m["kind"], m["type"], m["text"], m["module"], m["qualname"])
        if key not in seen:
            seen.add(key)
            unique.append(m)
    return unique


def main() -> None:
    here = Path(__file__).resolve().parent.parent
    base = Path(
        sys.argv[1] if len(sys.argv) > 1 else os.environ.get("SDK_SRC_DIR", here.parent.parent / "shared" / "sdk-src")
    )
    if not (base / RELEASES[-1]).is_dir():
        base = Path("/work/shared/sdk-src")
    out = {
        "$comment": "Generated by scripts/extract-sdk-messages.py from the SDK's src/ at each release (MIT, modelcontextprotocol/python-sdk).",
        "releases": {},
    }
    for rel in RELEASES:
        out["releases"][rel] = extract(base / rel / "src")
    # One message a line: reviewable diffs when the SDK moves.
    sys.stdout.write('{"$comment": ' + json.dumps(out["$comment"]) + ', "releases": {\n')
    for i, (rel, msgs) in enumerate(out["releases"].items()):
        sys.stdout.write(f"{json.dumps(rel)}: [\n")
        sys.stdout.write(",\n".join(json.dumps(m, ensure_ascii=False) for m in msgs))
        sys.stdout.write("\n]" + (",\n" if i < len(out["releases"]) - 1 else "\n"))
    sys.stdout.write("}}\n")


if __name__ == "__main__":
    main()
