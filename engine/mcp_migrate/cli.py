"""`mcp-migrate [PATH...]`: show, check or apply the v1 -> v2 migration of a tree.

One implementation behind every way to run it: `python -m mcp_migrate`, the `mcp-migrate` console
script of the Python package, and `npx mcp-migrate` (this module under Pyodide, bin/mcp-migrate.mjs).

A run reads every file, analyses them all (in worker processes with --jobs), and only then writes, after
checking that git can undo what it writes; a file that cannot be read or written is skipped with the
reason, listed at the end, and makes the exit code 2.
"""

import argparse
import contextlib
import difflib
import io
import json
import os
import sys
import time
from typing import Dict, List, Optional, Tuple

from . import __version__, gitstate, host
from .annotations import annotations
from .api import list_rules
from .files import Skip, Source, error_reason, read_source, split_lines, walk, write_source
from .jobs import analyse, workers
from .pyversion import newer_syntax
from .sarif import sarif_log

EPILOG = """\
examples:
  mcp-migrate .                        show what would change (a unified diff); write nothing
  mcp-migrate --write .                apply the safe fixes, leave `# mcp-migrate:` markers to act on
  mcp-migrate --write --apply-review . also apply the fixes marked for review
  mcp-migrate --check .                exit 1 if anything would change (CI, pre-commit)
  mcp-migrate --check --output-format github .       annotations in a GitHub Actions log
  mcp-migrate --output-format sarif . > migrate.sarif  for code scanning
  mcp-migrate --select PKG,SRV001 --ignore TYP005 src/
  npx mcp-migrate explain < traceback.txt  the guide section for an error (Node CLI only)

exit codes:
  0  nothing to change
  1  changes or findings (with --check: something would change)
  2  usage error, uncommitted changes in the way of --write, or a file that could not be read or written
"""

FORMATS = ("text", "json", "github", "sarif")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="mcp-migrate",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Migrate Python projects from the MCP Python SDK v1 to v2. "
        "Without --write, shows the changes as a unified diff.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default: .)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--diff", action="store_true", help="print a unified diff, write nothing (default)")
    mode.add_argument("--write", action="store_true", help="apply the changes to the files")
    mode.add_argument("--check", action="store_true", help="exit 1 if anything would change; write nothing")
    mode.add_argument("--json", action="store_true", help="same as --output-format json; write nothing")
    mode.add_argument("--list-rules", action="store_true", help="list the rules and exit")
    p.add_argument(
        "--output-format",
        choices=FORMATS,
        default="text",
        metavar="FORMAT",
        help="text (default: diff, `would change` lines or write messages), json, "
        "github (workflow annotations) or sarif (code scanning); on stdout",
    )
    p.add_argument("--select", metavar="CODES", help="only these rule codes or prefixes (comma-separated)")
    p.add_argument("--ignore", metavar="CODES", help="skip these rule codes or prefixes (comma-separated)")
    p.add_argument(
        "--apply-review",
        nargs="?",
        const="ALL",
        metavar="CODES",
        help="also apply review fixes (all, or only CODES: --apply-review=SRV010,LOW)",
    )
    p.add_argument("--allow-dirty", action="store_true", help="--write even over files with uncommitted changes in git")
    p.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=None,
        metavar="N",
        help="worker processes (default: the CPU count; the Node CLI always runs one)",
    )
    p.add_argument("--quiet", "-q", action="store_true", help="only the summary line on stderr")
    p.add_argument("--version", action="version", version="mcp-migrate " + __version__)
    return p


def _jobs(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def _codes(value: Optional[str]) -> Optional[List[str]]:
    if not value:
        return None
    return [c.strip() for c in value.split(",") if c.strip()]


def _fix_apply_review_argv(argv: List[str]) -> List[str]:
    # `--apply-review path/` must not swallow the path: only `--apply-review=CODES` carries codes.
    return ["--apply-review=ALL" if a == "--apply-review" else a for a in argv]


def target_paths(argv: List[str]) -> List[str]:
    """The paths a run with these arguments reads (the Node CLI mounts them into Pyodide first)."""
    quiet = io.StringIO()
    try:
        with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):  # main() reports errors
            args = build_parser().parse_args(_fix_apply_review_argv(argv))
    except SystemExit:
        return []
    return [] if args.list_rules else (args.paths or ["."])


def main(argv: Optional[List[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["explain"] and not os.path.exists("explain"):
        sys.stderr.write(
            "mcp-migrate: `explain` (which guide section explains an error) is part of the Node CLI: "
            "npx mcp-migrate explain < traceback.txt, or paste the error into the site's lookup (/lookup/)\n"
        )
        return 2
    parser = build_parser()
    try:
        args = parser.parse_args(_fix_apply_review_argv(argv))
    except SystemExit as e:
        return 0 if e.code == 0 else 2
    if args.list_rules:
        for r in list_rules():
            print("%-7s %-7s %s\n        %s" % (r["code"], r["fix_class"], r["title"], r["summary"].replace("\n", " ")))
        return 0
    if args.json:
        args.output_format = "json"
    if hasattr(sys.stdout, "reconfigure"):
        # A file name that is not UTF-8 reaches us as surrogate escapes: print its bytes as they are.
        sys.stdout.reconfigure(errors="surrogateescape")
    review = False
    if args.apply_review:
        review = True if args.apply_review.upper() == "ALL" else _codes(args.apply_review)
    options = {"select": _codes(args.select), "ignore": _codes(args.ignore), "apply_review": review}
    jobs = 1 if host.IN_PYODIDE else (args.jobs or host.default_jobs())
    try:
        return Run(args, options, jobs).run(args.paths or ["."])
    except KeyboardInterrupt:
        sys.stderr.write("mcp-migrate: interrupted; every file is either untouched or fully written\n")
        return 130


class Run:
    def __init__(self, args, options: dict, jobs: int):
        self.args, self.options, self.jobs = args, options, jobs
        self.out, self.err = sys.stdout, sys.stderr
        self.skipped: List[dict] = []
        self.reports: List[dict] = []
        self.rule_errors: List[Tuple[str, str]] = []  # (path, "CODE: Exception: message"): an engine bug

    def skip(self, path: str, reason: str, failed: bool, category: Optional[str] = None, line=None) -> None:
        """failed: the file could not be read or written (exit 2), not just something we leave alone."""
        self.skipped.append(
            {
                "path": path,
                "reason": reason,
                "failed": failed,
                "line": line,
                "category": category or reason.split(" (")[0].split(":")[0],
            }
        )

    def run(self, paths: List[str]) -> int:
        started = time.monotonic()
        items, sources = [], []
        seen = set()  # (device, inode): a file named twice (`. pkg`, or by two paths) is done once
        for entry in walk(paths):
            if entry.skip:
                self.skip(entry.path, entry.skip, entry.failed)
                continue
            try:
                source = read_source(entry.path)
            except Skip as e:
                self.skip(entry.path, str(e), False)
                continue
            except OSError as e:
                self.skip(entry.path, "cannot read: " + error_reason(e), True)
                continue
            if source.identity[:2] in seen:
                continue
            seen.add(source.identity[:2])
            items.append((entry.path, source.text))
            sources.append((entry, source))
        fmt = self.args.output_format
        results = analyse(
            items,
            self.options,
            self.jobs,
            keep_text=self.args.write or (fmt == "text" and not self.args.check),
            progress=self.progress_meter(len(items)),
        )
        pending = []  # (entry, source, result, report) of files that would change
        for (entry, source), res in zip(sources, results):
            report = self.record(entry.path, source, res)
            if report and res["changed"]:
                pending.append((entry, source, res, report))
        if self.args.write and pending and not self.args.allow_dirty:
            refused = self.refuse_dirty([p[0].path for p in pending])
            if refused:
                return refused
        for entry, source, res, report in pending:
            self.emit_change(entry, source, res, report)
        return self.finish(len(items), time.monotonic() - started, workers(self.jobs, len(items)))

    def progress_meter(self, total: int):
        """`[n/total]` every 50 files on stderr, on a terminal or a big tree (MCP_MIGRATE_PROGRESS=0/1 decides)."""
        setting = os.environ.get("MCP_MIGRATE_PROGRESS")
        show = setting == "1" or (setting != "0" and (getattr(self.err, "isatty", lambda: False)() or total > 200))
        if not show or self.args.quiet:
            return None

        def meter(done: int) -> None:
            if done % 50 == 0 or done == total:
                self.err.write("[%d/%d] files analysed\n" % (done, total))

        return meter

    def record(self, path: str, source: Source, res: dict) -> Optional[dict]:
        """Keep the file's report and return it; None when the engine could not process the file."""
        if "internal" in res:
            self.skip(path, "internal error: " + res["internal"], True, "internal error")
            return None
        if res["error"]:
            err = res["error"]
            reason, category = "%s: %s" % (err["kind"], err["message"]), err["kind"]
            needs = newer_syntax(source.text, err)
            if needs:
                category = "needs Python >= " + needs[0]
                reason += (
                    "; the file uses %s, which needs Python >= %s, and this is Python %s: run mcp-migrate "
                    "under a newer Python (or npx mcp-migrate)" % (needs[1], needs[0], _python())
                )
            self.skip(path, reason, False, category, err.get("line"))
            self.reports.append({"path": path, "kind": res["kind"], "changed": False, "error": err, "findings": []})
            return None
        report = {
            "path": path,
            "kind": res["kind"],
            "changed": res["changed"],
            "error": None,
            "findings": res["findings"],
        }
        if res.get("internal_errors"):  # a rule failed on this file: its fixes are missing, the rest applies
            report["internal_errors"] = res["internal_errors"]
            self.rule_errors += [(path, e) for e in res["internal_errors"]]
        self.reports.append(report)
        return report

    def refuse_dirty(self, paths: List[str]) -> int:
        try:
            dirty = gitstate.dirty_files(paths)
        except gitstate.Refusal as e:
            self.err.write("mcp-migrate: not writing anything: %s. Pass --allow-dirty to write anyway.\n" % e)
            return 2
        if not dirty:
            return 0
        self.err.write(
            "mcp-migrate: not writing anything: these files have uncommitted changes, so `git diff` "
            "could not show the migration alone:\n"
        )
        for d in dirty:
            self.err.write("  %s (%s)\n" % (d.path, d.state))
        self.err.write("Commit or stash them first, or pass --allow-dirty.\n")
        return 2

    def emit_change(self, entry, source: Source, res: dict, report: dict) -> None:
        fmt = self.args.output_format
        if self.args.write:
            try:
                write_source(entry.path, entry.root, source, res["text"])
            except Skip as e:
                self.skip(entry.path, str(e), True, "not written")
                report["written"] = False
                return
            except OSError as e:
                self.skip(entry.path, "not written: " + error_reason(e), True, "not written")
                report["written"] = False
                return
            report["written"] = True
            if fmt == "text" and not self.args.quiet:
                self.err.write("%s: %d changes, %d markers\n" % (entry.path, _applied(res), _markers(res)))
        elif fmt == "text" and self.args.check:
            if not self.args.quiet:
                self.out.write("would change %s\n" % entry.path)
        elif fmt == "text":
            self.out.write(unified_diff(source.text, res["text"], entry.path))

    def finish(self, count: int, seconds: float, jobs: int) -> int:
        done = [r for r in self.reports if r["changed"] and r.get("written", True)]
        findings = [f for r in self.reports for f in r["findings"]]
        changes = sum(_applied(r) for r in done)
        markers = sum(_markers(r) for r in done)
        by_category: Dict[str, int] = {}
        for s in self.skipped:
            by_category[s["category"]] = by_category.get(s["category"], 0) + 1
        summary = "%d changes in %d files, %d markers left, %d files skipped" % (
            changes,
            len(done),
            markers,
            len(self.skipped),
        )
        if by_category:
            summary += ": " + ", ".join("%d %s" % (n, why) for why, n in sorted(by_category.items()))
        failed = any(s["failed"] for s in self.skipped) or bool(self.rule_errors)
        fmt = self.args.output_format
        if fmt == "json":
            self.out.write(
                json.dumps({"files": self.reports, "skipped": self.skipped, "summary": summary}, indent=2) + "\n"
            )
        elif fmt == "github":
            self.out.write(annotations(self.reports, self.skipped))
        elif fmt == "sarif":
            self.out.write(json.dumps(sarif_log(self.reports, self.skipped, os.getcwd(), not failed), indent=2) + "\n")
        if not self.args.quiet:
            for s in sorted(self.skipped, key=lambda s: s["path"]):
                where = ":%d" % s["line"] if s["line"] else ""
                self.err.write(
                    "%s%s: %s: %s\n" % (s["path"], where, "error" if s["failed"] else "skipped", s["reason"])
                )
            self.err.write(
                "%d files in %.2f s (%d files/s, %d %s)\n"
                % (count, seconds, count / seconds if seconds else 0, jobs, "job" if jobs == 1 else "jobs")
            )
        for path, e in self.rule_errors:  # even with --quiet: the output lacks that rule's fixes
            self.err.write(
                "%s: error: internal error in rule %s; the file got every other rule's fixes, not that "
                "rule's (an engine bug: please report it with the code that triggers it)\n" % (path, e)
            )
        self.err.write(summary + "\n")
        if failed:
            return 2
        if self.args.check:
            return 1 if any(r["changed"] for r in self.reports) else 0
        return 1 if (done or findings) else 0


def _python() -> str:
    return "%d.%d" % sys.version_info[:2]


def _applied(res: dict) -> int:
    return sum(1 for f in res["findings"] if f["applied"])


def _markers(res: dict) -> int:
    return sum(1 for f in res["findings"] if f["marker"])  # manual + unapplied review


def unified_diff(before: str, after: str, path: str) -> str:
    a, b = split_lines(before), split_lines(after)
    lines = []
    for line in difflib.unified_diff(a, b, "a/" + path.lstrip("./"), "b/" + path.lstrip("./")):
        if not line.endswith(("\n", "\r")):
            line += "\n\\ No newline at end of file\n"
        lines.append(line)
    return "".join(lines)
