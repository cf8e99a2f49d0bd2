"""Run every rule's table (tests/tables/<rule module>.py) on this interpreter (CPython or Pyodide).

    python3 engine/tests/run_tables.py              # all tables; prints a JSON summary, exit 1 on failure
    python3 engine/tests/run_tables.py --mutations  # also: emptying each rule's check must fail its table
    python3 engine/tests/run_tables.py --print CODE # what the engine does with that table's rows

Table format: tests/tables/__init__.py.
"""

import argparse
import ast
import importlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)

from mcp_migrate import runner  # noqa: E402
from mcp_migrate.api import migrate_text  # noqa: E402
from mcp_migrate.framework import REGISTRY  # noqa: E402
from tables import CLASSES  # noqa: E402


def table_name(r) -> str:
    return r.module.rsplit(".", 1)[1]


def load_table(r):
    return importlib.import_module("tables." + table_name(r))


def finding_str(f: dict) -> str:
    cls = "advisory" if f["advisory"] else f["fix_class"]
    return "%s:%d %s" % (f["rule"], f["start"]["line"], cls)


def run_row(r, source: str, filename: str) -> dict:
    return migrate_text(source, filename, select=[r.code], apply_review=True)


def check_table(r, table) -> dict:
    default = getattr(table, "FILENAME", "main.py")
    failures = []
    for i, row in enumerate(table.CASES):
        where = "%s CASES[%d]" % (r.code, i)
        fn = row.filename or default
        failures.extend(_row_shape(row, r.code, where))
        res = run_row(r, row.before, fn)
        if res["error"]:
            failures.append("%s: error %r" % (where, res["error"]))
            continue
        if res["text"] != row.after:
            failures.append("%s: got\n%s\nexpected\n%s" % (where, res["text"], row.after))
        found = [finding_str(f) for f in res["findings"]]
        if sorted(found) != sorted(row.findings):
            failures.append("%s: findings %r, expected %r" % (where, found, list(row.findings)))
        failures.extend(invariants(res["text"], fn, r.code, where))
    for i, src in enumerate(table.NOOP):
        src, fn = src if isinstance(src, tuple) else (src, default)
        res = run_row(r, src, fn)
        if res["changed"] or res["findings"] or res["error"]:
            failures.append("%s NOOP[%d]: expected no change and no findings, got %r" % (r.code, i, res))
    if not table.CASES:
        failures.append("%s: the table has no CASES row" % r.code)
    return {
        "cases": len(table.CASES),
        "noop": len(table.NOOP),
        "failures": failures,
        "findings_only": sum(row.findings_only for row in table.CASES),
    }


def _row_shape(row, code: str, where: str) -> list:
    out = []
    if not row.findings:
        out.append("%s: a row states the findings it expects" % where)
    for f in row.findings:
        head, _, cls = f.partition(" ")
        rule, _, line = head.partition(":")
        if rule != code or not line.isdigit() or cls not in CLASSES:
            out.append("%s: finding %r is not `%s:<line> <%s>`" % (where, f, code, "|".join(CLASSES)))
    if row.before == row.after and not row.findings_only:
        out.append("%s: output equals input; write it as findings_only(...) if the findings are the point" % where)
    return out


def invariants(text: str, fn: str, code: str, where: str) -> list:
    out = []
    if runner.file_kind(fn) == "python":
        try:
            ast.parse(text[1:] if text.startswith("\ufeff") else text)
        except SyntaxError as e:
            out.append("%s: output does not parse: %s" % (where, e))
    again = migrate_text(text, fn, select=[code], apply_review=True)
    if again["changed"]:
        out.append("%s: not a fixed point; second run gave\n%s" % (where, again["text"]))
    return out


def run_all() -> dict:
    runner.DEBUG = True
    total = {"rules": 0, "cases": 0, "findings_only": 0, "noop": 0, "failures": []}
    names = set()
    for r in REGISTRY:
        names.add(table_name(r))
        try:
            table = load_table(r)
        except ImportError as e:
            total["failures"].append("%s: no table tests/tables/%s.py (%s)" % (r.code, table_name(r), e))
            continue
        res = check_table(r, table)
        total["rules"] += 1
        for k in ("cases", "findings_only", "noop"):
            total[k] += res[k]
        total["failures"].extend(res["failures"])
    tables_dir = os.path.join(HERE, "tables")
    for f in sorted(os.listdir(tables_dir)):
        if f.endswith(".py") and f != "__init__.py" and f[:-3] not in names:
            total["failures"].append("tests/tables/%s belongs to no rule" % f)
    return total


def run_mutations() -> list:
    """Rules whose table still passes when their check does nothing (must be empty)."""
    runner.DEBUG = True
    survivors = []
    for i, r in enumerate(list(REGISTRY)):
        REGISTRY[i] = r._replace(check=lambda ctx: None)
        try:
            if not check_table(r, load_table(r))["failures"]:
                survivors.append(r.code)
        finally:
            REGISTRY[i] = r
    return survivors


def print_table(code: str) -> None:
    r = next(r for r in REGISTRY if r.code == code.upper())
    table = load_table(r)
    default = getattr(table, "FILENAME", "main.py")
    rows = [(row.before, row.filename or default) for row in table.CASES]
    rows += [src if isinstance(src, tuple) else (src, default) for src in table.NOOP]
    for src, fn in rows:
        res = run_row(r, src, fn)
        print(
            "---- %s (%s)\n%s"
            % (
                fn,
                ", ".join(repr(finding_str(f)) for f in res["findings"]) or "no findings",
                res["text"] if res["changed"] else "(unchanged)\n",
            )
        )


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--mutations", action="store_true")
    p.add_argument("--print", metavar="CODE")
    args = p.parse_args(argv)
    if args.print:
        print_table(args.print)
        return 0
    total = run_all()
    if args.mutations:
        total["survivors"] = run_mutations()
    print(json.dumps(total))
    return 1 if total["failures"] or total.get("survivors") else 0


if __name__ == "__main__":
    sys.exit(main())
