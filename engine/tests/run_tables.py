"""Run every rule's CASES / NOOP tables on this interpreter (CPython or Pyodide).

Prints one JSON object: {"cases": n, "noop": n, "failures": [...]}; exit 1 on failure.
Usage (from engine/): python3 tests/run_tables.py
"""

import ast
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from mcp_migrate import runner  # noqa: E402
from mcp_migrate.api import migrate_text  # noqa: E402
from mcp_migrate.framework import REGISTRY  # noqa: E402


def check_table(r) -> dict:
    mod = sys.modules[r.module]
    fname = getattr(mod, "FILENAME", "main.py")
    failures = []
    cases = getattr(mod, "CASES", [])
    noop = getattr(mod, "NOOP", [])
    for i, case in enumerate(cases):
        before, after = case[0], case[1]
        fn = case[2] if len(case) > 2 else fname
        res = migrate_text(before, fn, select=[r.code], apply_review=True)
        where = "%s CASES[%d]" % (r.code, i)
        if res["error"]:
            failures.append("%s: error %r" % (where, res["error"]))
            continue
        if res["text"] != after:
            failures.append("%s: got\n%s\nexpected\n%s" % (where, res["text"], after))
        failures.extend(invariants(res["text"], fn, [r.code], where))
    for i, case in enumerate(noop):
        src, fn = (case if isinstance(case, tuple) else (case, fname))
        res = migrate_text(src, fn, select=[r.code], apply_review=True)
        where = "%s NOOP[%d]" % (r.code, i)
        if res["changed"] or res["findings"] or res["error"]:
            failures.append("%s: expected no change, got %r" % (where, res))
    return {"cases": len(cases), "noop": len(noop), "failures": failures}


def invariants(text, fn, select, where):
    out = []
    if runner.file_kind(fn) == "python":
        try:
            ast.parse(text[1:] if text.startswith("\ufeff") else text)
        except SyntaxError as e:
            out.append("%s: output does not parse: %s" % (where, e))
    again = migrate_text(text, fn, select=select, apply_review=True)
    if again["changed"]:
        out.append("%s: not a fixed point; second run gave\n%s" % (where, again["text"]))
    return out


def run_all() -> dict:
    runner.DEBUG = True
    total = {"cases": 0, "noop": 0, "failures": [], "rules": 0}
    for r in REGISTRY:
        res = check_table(r)
        total["rules"] += 1
        total["cases"] += res["cases"]
        total["noop"] += res["noop"]
        total["failures"].extend(res["failures"])
    return total


def main() -> int:
    total = run_all()
    print(json.dumps(total))
    return 1 if total["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
