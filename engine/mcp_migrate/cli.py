"""`python -m mcp_migrate [PATH...]`: migrate files in place or show what would change.

Exit codes: 0 nothing to do, 1 changes or findings (with --check: something would change),
2 usage or internal error.
"""

import argparse
import difflib
import json
import os
import sys
from typing import List, Optional

from . import __version__
from .api import list_rules, migrate_text
from .files import read_text, split_lines, walk, write_text


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="mcp-migrate",
        description="Migrate Python projects from the MCP Python SDK v1 to v2. "
                    "Without --write, shows the changes as a unified diff.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default: .)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--diff", action="store_true", help="print a unified diff, write nothing (default)")
    mode.add_argument("--write", action="store_true", help="apply the changes to the files")
    mode.add_argument("--check", action="store_true", help="exit 1 if anything would change; write nothing")
    mode.add_argument("--json", action="store_true", help="print findings as JSON; write nothing")
    mode.add_argument("--list-rules", action="store_true", help="list the rules and exit")
    p.add_argument("--select", metavar="CODES", help="only these rule codes or prefixes (comma-separated)")
    p.add_argument("--ignore", metavar="CODES", help="skip these rule codes or prefixes (comma-separated)")
    p.add_argument("--apply-review", nargs="?", const="ALL", metavar="CODES",
                   help="also apply review fixes (all, or only CODES: --apply-review=SRV010,LOW)")
    p.add_argument("--quiet", "-q", action="store_true", help="no per-file messages")
    p.add_argument("--version", action="version", version="mcp-migrate " + __version__)
    return p


def _codes(value: Optional[str]) -> Optional[List[str]]:
    if not value:
        return None
    return [c.strip() for c in value.split(",") if c.strip()]


def _fix_apply_review_argv(argv: List[str]) -> List[str]:
    # `--apply-review path/` must not swallow the path: only `--apply-review=CODES` carries codes.
    out = []
    for a in argv:
        out.append(a)
        if a == "--apply-review":
            out[-1] = "--apply-review=ALL"
    return out


def main(argv: Optional[List[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    try:
        args = parser.parse_args(_fix_apply_review_argv(argv))
    except SystemExit as e:
        return 0 if e.code == 0 else 2
    if args.list_rules:
        for r in list_rules():
            print("%-7s %-7s %s\n        %s" % (r["code"], r["fix_class"], r["title"], r["summary"].replace("\n", " ")))
        return 0
    review = False
    if args.apply_review:
        review = True if args.apply_review.upper() == "ALL" else _codes(args.apply_review)
    select, ignore = _codes(args.select), _codes(args.ignore)
    paths = args.paths or ["."]
    return run(paths, args, select, ignore, review)


def run(paths, args, select, ignore, review) -> int:
    out, err = sys.stdout, sys.stderr
    files = list(walk(paths))
    show_progress = (getattr(err, "isatty", lambda: False)() or os.environ.get("MCP_MIGRATE_PROGRESS") == "1"
                     or len(files) > 200) and not args.json
    changes = files_changed = markers = 0
    would_change = []
    skipped = {}
    internal = 0
    any_findings = False
    report = []
    for i, (path, missing) in enumerate(files, 1):
        if show_progress and (i % 50 == 0 or i == len(files)):
            err.write("[%d/%d] %s\n" % (i, len(files), path))
        if missing:
            skipped[missing] = skipped.get(missing, 0) + 1
            if not args.quiet:
                err.write("%s: %s\n" % (path, missing))
            continue
        try:
            text, encoding, reason = read_text(path)
        except OSError as e:
            text, encoding, reason = None, None, "unreadable (%s)" % e.strerror
        if reason:
            skipped[reason] = skipped.get(reason, 0) + 1
            if not args.quiet:
                err.write("%s: skipped (%s)\n" % (path, reason))
            continue
        try:
            res = migrate_text(text, path, select=select, ignore=ignore, apply_review=review)
        except Exception as e:  # never let one file stop the run
            internal += 1
            skipped["internal error"] = skipped.get("internal error", 0) + 1
            err.write("%s: internal error: %s: %s\n" % (path, type(e).__name__, e))
            continue
        if res["error"]:
            kind = res["error"]["kind"]
            skipped[kind] = skipped.get(kind, 0) + 1
            if not args.quiet:
                where = ":%s" % res["error"]["line"] if res["error"].get("line") else ""
                err.write("%s%s: skipped (%s): %s\n" % (path, where, kind, res["error"]["message"]))
            report.append({"path": path, "kind": res["kind"], "changed": False, "error": res["error"],
                           "findings": []})
            continue
        applied = sum(1 for f in res["findings"] if f["applied"])
        manual = sum(1 for f in res["findings"] if f["marker"])  # manual + unapplied review
        changes += applied
        markers += manual
        any_findings = any_findings or bool(res["findings"])
        if res["changed"]:
            files_changed += 1
            would_change.append(path)
        report.append({"path": path, "kind": res["kind"], "changed": res["changed"], "error": None,
                       "findings": res["findings"]})
        if args.json:
            continue
        if args.write:
            if res["changed"]:
                write_text(path, res["text"], encoding)
                if not args.quiet:
                    err.write("%s: %d changes, %d markers\n" % (path, applied, manual))
        elif args.check:
            if res["changed"] and not args.quiet:
                out.write("would change %s\n" % path)
        elif res["changed"]:
            out.write(unified_diff(text, res["text"], path))
    summary = "%d changes in %d files, %d markers left, %d files skipped" % (
        changes, files_changed, markers, sum(skipped.values()))
    if skipped:
        summary += ": " + ", ".join("%d %s" % (n, why) for why, n in sorted(skipped.items()))
    if args.json:
        out.write(json.dumps({"files": report, "summary": summary}, indent=2) + "\n")
    err.write(summary + "\n")
    if internal:
        return 2
    if args.check:
        return 1 if would_change else 0
    return 1 if (files_changed or any_findings) else 0


def unified_diff(before: str, after: str, path: str) -> str:
    a, b = split_lines(before), split_lines(after)
    lines = []
    for line in difflib.unified_diff(a, b, "a/" + path.lstrip("./"), "b/" + path.lstrip("./")):
        if not line.endswith(("\n", "\r")):
            line += "\n\\ No newline at end of file\n"
        lines.append(line)
    return "".join(lines)
