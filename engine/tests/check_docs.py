"""Every rule's doc example reproduces: its `before` run through the engine gives exactly its `after`.

Convention (docs/ENGINE-RULES.md, "Doc examples"): the example is a complete file (its imports
included), run with only that rule selected and review fixes applied when the rule's class is
review; dependency-file rules use `pyproject.toml`. For a manual finding the `after` shows the marker
the engine writes; for report-only (advisory) rules the `after` equals the `before`.

Usage (from engine/): python3 tests/check_docs.py  -> prints a JSON list of problems; exit 1 if any.
"""

import ast
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from mcp_migrate.api import migrate_text  # noqa: E402
from mcp_migrate.framework import ordered_rules  # noqa: E402


def example_filename(r) -> str:
    return "main.py" if "python" in r.kinds else "pyproject.toml"


def run_example(r, source: str) -> dict:
    return migrate_text(source, example_filename(r), select=[r.code], apply_review=r.fix_class == "review")


def check() -> list:
    problems = []
    for r in ordered_rules():
        before, after = r.before + "\n", r.after + "\n"
        res = run_example(r, before)
        if res["error"]:
            problems.append("%s: the `before` example does not run: %s" % (r.code, res["error"]["message"]))
            continue
        if res["text"] != after:
            problems.append("%s: the `before` example gives\n%s\nnot the `after`\n%s" % (r.code, res["text"], after))
        if not res["findings"]:
            problems.append("%s: the `before` example gets no finding" % r.code)
        advisory = bool(res["findings"]) and all(f["advisory"] for f in res["findings"])
        if (before == after) != advisory:
            problems.append("%s: `after` equals `before` only for report-only (advisory) examples" % r.code)
        if "python" in r.kinds:
            tree = ast.parse(before)
            if not any(isinstance(n, (ast.Import, ast.ImportFrom)) and _from_sdk(n) for n in tree.body):
                problems.append("%s: the `before` example does not show its `mcp` imports" % r.code)
        if run_example(r, res["text"])["changed"]:
            problems.append("%s: the `after` example is not a fixed point" % r.code)
    return problems


def _from_sdk(node) -> bool:
    names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
    return any(n == "mcp" or n.startswith("mcp.") for n in names)


if __name__ == "__main__":
    problems = check()
    print(json.dumps(problems, indent=1))
    sys.exit(1 if problems else 0)
