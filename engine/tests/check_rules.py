"""Structural checks of the rule modules (run by tests/unit/engine-rules.test.ts, CPython and Pyodide).

- every `check` is typed: `ctx: PythonContext` for Python rules, `ctx: DepsContext` for dependency files;
- rules ask the context, never the resolver or the edit internals (imports and `ctx._private` access);
- the fix priority keeps the orders the rules rely on (framework.PRIORITY);
- the words that make the runner look at a file are SDK words, not common ones.

Usage (from engine/): python3 tests/check_rules.py   -> prints a JSON list of problems; exit 1 if any.
"""

import ast
import inspect
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from mcp_migrate import rules as _rules  # noqa: E402,F401  (registers every rule)
from mcp_migrate.context import PythonContext  # noqa: E402
from mcp_migrate.deps.context import DepsContext  # noqa: E402
from mcp_migrate.framework import REGISTRY, priority  # noqa: E402
from mcp_migrate.runner import SDK_WORDS  # noqa: E402

# What a rule module may import from the engine: the SDK names, the contexts, the registry, and the
# few leaf modules a rule legitimately needs (version arithmetic, the marker pattern).
ALLOWED_IMPORTS = {"..", "..sdk", "..context", "..framework", "..deps.context", "..deps.versions", "..markers"}
STDLIB = {"ast", "re"}
# (earlier, later, why): fixes of `earlier` win where both rules edit the same text.
ORDER = [
    ("TYP004", "LOW002", "TYP004 renames a type in the annotation LOW002 rewrites"),
    ("TYP005", "TYP009", "TYP005 renames the camelCase attribute in a chain TYP009 rewrites"),
    ("TYP005", "TYP010", "TYP005 renames `progressToken` where TYP010 rewrites `meta.progressToken`"),
    ("LOW001", "LOW004", "LOW001 moves `Server(...)` carrying LOW004's keyword edits (subsumable)"),
    ("CLT002", "CLT005", "merged `from mcp.types import` lines list CLT002's name first"),
]


def check() -> list:
    problems = []
    for r in REGISTRY:
        want = PythonContext if r.kinds == ("python",) else DepsContext
        param = inspect.signature(r.check).parameters.get("ctx")
        if param is None or param.annotation is not want:
            problems.append("%s: check must be declared `def check(ctx: %s)`" % (r.code, want.__name__))
        problems.extend(_imports(r))
    for earlier, later, why in ORDER:
        if not priority(earlier) < priority(later):
            problems.append("fix priority: %s must come before %s (%s)" % (earlier, later, why))
    for r in REGISTRY:
        # API001 (markers only, no edits) runs after it on purpose: it must see every other finding.
        if r.code not in ("PKG101", "API001") and r.kinds == ("python",) and not priority(r.code) < priority("PKG101"):
            problems.append("fix priority: PKG101 (whole-file httpx rename) must come after %s" % r.code)
    # The runner skips a file that names none of these: a word as common as a TypeVar's `T` would
    # send most of a project (and of the stdlib) through every rule.
    short = sorted(w for w in SDK_WORDS if len(w) < 4)
    if short:
        problems.append("runner.SDK_WORDS has words too common to tell SDK code apart: %s" % ", ".join(short))
    return problems


def _imports(r) -> list:
    path = sys.modules[r.module].__file__
    with open(path, encoding="utf-8") as f:
        source = f.read()
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            where = "." * node.level + (node.module or "")
            if node.level == 0 and where not in STDLIB or node.level and where not in ALLOWED_IMPORTS:
                out.append("%s: imports %s; ask the context (`ctx.<question>`) or `sdk` instead" % (r.code, where))
        elif isinstance(node, ast.Import):
            out.extend("%s: imports %s" % (r.code, a.name) for a in node.names if a.name not in STDLIB)
    for m in re.finditer(r"\bctx\.(resolver\b|_\w+)", source):
        out.append("%s: uses `ctx.%s`; ask the context through its public methods" % (r.code, m.group(1)))
    return out


if __name__ == "__main__":
    problems = check()
    print(json.dumps(problems, indent=1))
    sys.exit(1 if problems else 0)
