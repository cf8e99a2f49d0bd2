"""Run the CLI on examples/v1-projects/ and on the guide's "Before (v1)" snippets; write docs/cli-results.md.

    python3 scripts/cli-results.py            # CPython CLI, plus the Pyodide CLI to check both agree
    python3 scripts/cli-results.py --no-node  # CPython only
    python3 scripts/cli-results.py --stdout   # print instead of writing docs/cli-results.md

Everything runs on temp copies; the repository is not modified (except the output file).
"""

import argparse
import ast
import collections
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENGINE = os.path.join(ROOT, "engine")
PROJECTS_DIR = os.path.join(ROOT, "examples", "v1-projects")
PROJECTS = ["weather-server", "lowlevel-server", "oauth-client"]
sys.path.insert(0, ENGINE)
sys.path.insert(0, os.path.join(ENGINE, "tests"))

from mcp_migrate.api import list_rules  # noqa: E402
import guide_vectors as gv  # noqa: E402

MARKER = re.compile(r"^[ \t]*# mcp-migrate: ([A-Z]{3}\d{3}) ")


def cli(args, node=False):
    if node:
        cmd = ["node", os.path.join(ROOT, "bin", "mcp-migrate.mjs")] + args
        cwd = ROOT
    else:
        cmd = [sys.executable, "-m", "mcp_migrate"] + args
        cwd = ENGINE
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def summary_line(stderr):
    lines = stderr.strip().splitlines()
    return lines[-1] if lines else ""


def snapshot(d):
    out = {}
    for root, _, names in os.walk(d):
        for n in names:
            p = os.path.join(root, n)
            with open(p, "rb") as f:
                out[os.path.relpath(p, d)] = f.read()
    return out


def marker_codes(tree):
    c = collections.Counter()
    for data in tree.values():
        for line in data.decode("utf-8", "replace").splitlines():
            m = MARKER.match(line)
            if m:
                c[m.group(1)] += 1
    return c


def parse_failures(tree):
    bad = []
    for rel, data in tree.items():
        if rel.endswith(".py"):
            try:
                ast.parse(data.decode("utf-8"))
            except SyntaxError as e:
                bad.append("%s:%s %s" % (rel, e.lineno, e.msg))
    return bad


def per_rule(report):
    """code -> Counter(applied=, marker=, review=) from a --json report."""
    out = collections.defaultdict(collections.Counter)
    for f in report["files"]:
        for x in f["findings"]:
            if x["applied"]:
                out[x["rule"]]["applied"] += 1
            elif x["fix_class"] == "manual":
                out[x["rule"]]["marker"] += 1
            elif x.get("marker"):
                out[x["rule"]]["review_marker"] += 1
            else:
                out[x["rule"]]["review"] += 1
    return out


def measure(src, work, label):
    """Copy src to work/label and measure a default run, a fixed-point re-run and an --apply-review run."""
    d = os.path.join(work, label)
    shutil.copytree(src, d)
    before = snapshot(d)
    rc_json, out_json, _ = cli(["--json", d])
    report = json.loads(out_json)
    rc_check, _, _ = cli(["--check", "-q", d])
    rc_write, _, err_write = cli(["--write", "-q", d])
    after = snapshot(d)
    rc_write2, _, err_write2 = cli(["--write", "-q", d])
    again = snapshot(d)
    rc_check2, _, _ = cli(["--check", "-q", d])
    rd = os.path.join(work, label + "+review")
    shutil.copytree(src, rd)
    _, _, err_review = cli(["--write", "-q", "--apply-review", rd])
    review_tree = snapshot(rd)
    cli(["--write", "-q", "--apply-review", rd])
    review_fixed = snapshot(rd) == review_tree
    return {
        "label": label,
        "dir": d,
        "before": before,
        "after": after,
        "report": report,
        "rules": per_rule(report),
        "markers": marker_codes(after),
        "summary": summary_line(err_write),
        "summary2": summary_line(err_write2),
        "summary_review": summary_line(err_review),
        "fixed_point": again == after,
        "review_fixed_point": review_fixed,
        "rc": {
            "json": rc_json,
            "check_before": rc_check,
            "write": rc_write,
            "write2": rc_write2,
            "check_after": rc_check2,
        },
        "parse_failures": parse_failures(after) + parse_failures(review_tree),
        "changed_files": sorted(r for r in after if after[r] != before.get(r)),
    }


def guide_tree(dest):
    """Write each guide before-snippet to dest/<NN>-<anchor>-<i>/<file>; return the vector list."""
    with open(os.path.join(ROOT, "upstream", "migration.md"), encoding="utf-8") as f:
        markdown = f.read()
    vecs = []
    n = 0
    for area, anchor, body in gv.sections(markdown):
        for i, (lang, before, after) in enumerate(gv.pairs(body)):
            n += 1
            name = gv.FILENAMES.get(lang, "example.py")
            sub = "%02d-%s-%d" % (n, anchor[:60], i)
            os.makedirs(os.path.join(dest, sub))
            with open(os.path.join(dest, sub, name), "w", encoding="utf-8", newline="") as f:
                f.write(before)
            vecs.append({"dir": sub, "file": name, "area": area, "anchor": anchor, "index": i, "after": after})
    return vecs


def table(rows, header):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def rule_rows(results, rules):
    codes = sorted(
        {c for r in results for c in r["rules"]} | {c for r in results for c in r["markers"]},
        key=lambda c: [x["code"] for x in rules].index(c) if c in [x["code"] for x in rules] else 999,
    )
    cls = {x["code"]: x["fix_class"] for x in rules}
    rows = []
    for c in codes:
        applied = sum(r["rules"][c]["applied"] for r in results)
        review = sum(r["rules"][c]["review_marker"] for r in results)
        advisory = sum(r["rules"][c]["review"] for r in results)
        marker_findings = sum(r["rules"][c]["marker"] for r in results)
        lines = sum(r["markers"][c] for r in results)
        rows.append((c, cls.get(c, "?"), applied, marker_findings, lines, review, advisory))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-node", action="store_true")
    ap.add_argument("--stdout", action="store_true")
    args = ap.parse_args()
    rules = list_rules()
    work = tempfile.mkdtemp(prefix="mcp-migrate-results-")
    try:
        projects = [measure(os.path.join(PROJECTS_DIR, p), work, p) for p in PROJECTS]
        gsrc = os.path.join(work, "guide-src")
        vecs = guide_tree(gsrc)
        guide = measure(gsrc, work, "guide")
        node_note = "not run (`--no-node`)"
        if not args.no_node:
            nd = os.path.join(work, "node")
            os.makedirs(nd)
            for p in PROJECTS:
                shutil.copytree(os.path.join(PROJECTS_DIR, p), os.path.join(nd, p))
            shutil.copytree(gsrc, os.path.join(nd, "guide"))
            rc, _, err = cli(["--write", "-q", nd], node=True)
            nt = snapshot(nd)
            py = {}
            for r in projects + [guide]:
                for rel, data in r["after"].items():
                    py[os.path.join(r["label"], rel)] = data
            diff = sorted(k for k in set(nt) | set(py) if nt.get(k) != py.get(k))
            node_note = (
                "identical output trees (%d files), exit %d" % (len(nt), rc)
                if not diff
                else "**DIFFERENT** in %d files: %s" % (len(diff), ", ".join(diff[:10]))
            )
        md = render(projects, guide, vecs, rules, node_note)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.stdout:
        sys.stdout.write(md)
    else:
        with open(os.path.join(ROOT, "docs", "cli-results.md"), "w", encoding="utf-8") as f:
            f.write(md)
        print("wrote docs/cli-results.md")


def render(projects, guide, vecs, rules, node_note):
    L = []
    L.append("# CLI results on realistic v1 projects and the guide's snippets\n")
    L.append(
        "Generated by `python3 scripts/cli-results.py` on %s with %d rules registered "
        "(`list_rules()`). Default run = `mcp-migrate --write PATH` (safe fixes applied, review fixes "
        "left as `# mcp-migrate:` markers suggesting `--apply-review`, manual findings written as markers; "
        "advisory findings only reported). Regenerate after rule "
        "changes; `tests/unit/cli-projects.test.ts` asserts the same runs.\n"
        % (datetime.date.today().isoformat(), len(rules))
    )
    L.append(
        "Pyodide CLI (`node bin/mcp-migrate.mjs --write`) vs CPython CLI (`python3 -m mcp_migrate "
        "--write`) on all inputs below: %s.\n" % node_note
    )

    L.append("## Summary\n")
    rows = []
    for r in projects + [guide]:
        rows.append(
            (
                "`%s`" % r["label"],
                "`%s`" % r["summary"],
                "`%s`" % r["summary_review"],
                "yes" if r["fixed_point"] else "**NO**",
                "yes" if r["review_fixed_point"] else "**NO**",
                "%s / %s" % (r["rc"]["check_before"], r["rc"]["check_after"]),
                "none" if not r["parse_failures"] else "**%s**" % "; ".join(r["parse_failures"]),
            )
        )
    L.append(
        table(
            rows,
            [
                "input",
                "`--write` summary",
                "`--write --apply-review` summary",
                "fixed point",
                "fixed point with `--apply-review`",
                "`--check` exit before / after",
                "outputs that do not parse",
            ],
        )
    )
    L.append(
        "\n`markers left` counts findings left as markers in that run (manual ones and unapplied review fixes). `--check` exits 1 only when something would "
        "change, so it exits 0 after `--write` even though markers remain; without `--check` the CLI "
        "exits 1 while any finding remains.\n"
    )

    L.append("## Per rule, the three projects\n")
    L.append(
        "applied = safe fixes applied; marker findings = manual findings (incl. fixes demoted to "
        "markers); marker lines = `# mcp-migrate: CODE` lines in the written files; review = review "
        "fixes not applied by default (they leave a marker suggesting `--apply-review`); advisory = "
        "report-only findings (no marker).\n"
    )
    L.append(
        table(
            rule_rows(projects, rules),
            ["rule", "class", "applied", "marker findings", "marker lines", "review (not applied, marker)", "advisory"],
        )
    )
    L.append("")

    for r in projects:
        L.append("### %s\n" % r["label"])
        L.append("Changed files: %s.\n" % ", ".join("`%s`" % f for f in r["changed_files"]))
        untouched = sorted(f for f in r["before"] if f not in r["changed_files"])
        L.append("Unchanged files: %s.\n" % ", ".join("`%s`" % f for f in untouched))
        by_file = collections.OrderedDict()
        for f in r["report"]["files"]:
            rel = os.path.relpath(f["path"], r["dir"])
            if f["findings"]:
                c = collections.Counter()
                for x in f["findings"]:
                    kind = (
                        "fix"
                        if x["applied"]
                        else ("marker" if x["fix_class"] == "manual" else "review" if x.get("marker") else "advisory")
                    )
                    c["%s %s" % (x["rule"], kind)] += 1
                by_file[rel] = ", ".join("%s×%d" % (k, n) if n > 1 else k for k, n in sorted(c.items()))
        L.append(table([("`%s`" % k, v) for k, v in by_file.items()], ["file", "findings (default run)"]))
        L.append("")

    L.append("## The guide's before snippets\n")
    L.append(
        "Each `**Before (v1):**` block of the official guide (the vectors of "
        "`engine/tests/guide_vectors.py`) written to its own file and migrated in one default "
        "`--write` run. \"= guide after\" compares the output with the guide's `**After**` block "
        "(whitespace-normalised); \"flagged\" lists rules naming the section's own anchor.\n"
    )
    L.append(
        table(
            rule_rows([guide], rules),
            ["rule", "class", "applied", "marker findings", "marker lines", "review (not applied, marker)", "advisory"],
        )
    )
    L.append("")
    rows = []
    same = flagged_only = nothing = 0
    for v in vecs:
        rel = os.path.join(v["dir"], v["file"])
        outp = guide["after"][rel].decode("utf-8")
        equal = gv.normalise(outp) == gv.normalise(v["after"])
        fs = [f for f in guide["report"]["files"] if os.path.relpath(f["path"], guide["dir"]) == rel][0]["findings"]
        own = sorted({x["rule"] for x in fs if x["anchor"] == v["anchor"]})
        other = sorted({x["rule"] for x in fs if x["anchor"] != v["anchor"]})
        marks = sorted(marker_codes({rel: guide["after"][rel]}))
        if equal:
            same += 1
        elif own:
            flagged_only += 1
        else:
            nothing += 1
        rows.append(
            (
                "`%s` #%d" % (v["anchor"], v["index"]),
                v["file"],
                "yes" if equal else "",
                ", ".join(own),
                ", ".join(marks),
                ", ".join(other),
            )
        )
    L.append(
        "%d snippets: %d rewritten to exactly the guide's after code by the default run, %d not equal but "
        "flagged by their own section's rule, %d neither.\n" % (len(vecs), same, flagged_only, nothing)
    )
    L.append(
        table(rows, ["section", "file", "= guide after", "flagged (own section)", "markers written", "other rules"])
    )
    L.append("")
    return "\n".join(L) + "\n"


if __name__ == "__main__":
    main()
