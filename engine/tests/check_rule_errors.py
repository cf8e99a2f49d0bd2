"""A rule that raises on a file (an engine bug) does not pass in silence: the CLI writes every other
rule's fixes, names the rule and the exception on stderr (also with --quiet), puts it in the JSON
report, and exits 2.

Usage (from engine/): python3 tests/check_rule_errors.py   -> prints a JSON list of failures; exit 1 if any.
"""

import contextlib
import io
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from mcp_migrate import cli, framework  # noqa: E402
from mcp_migrate import rules  # noqa: E402,F401  (registers)

SOURCE = "from mcp import McpError\nfrom mcp.server.fastmcp import FastMCP\n\nmcp = FastMCP('demo')\n"


def _broken(ctx):
    raise ValueError("boom")


def _run(path, *flags):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["--write", "--allow-dirty", "--jobs", "1", *flags, path])
    return code, out.getvalue(), err.getvalue()


def main() -> int:
    failures = []
    at = next(i for i, r in enumerate(framework.REGISTRY) if r.code == "TYP001")
    original = framework.REGISTRY[at]
    framework.REGISTRY[at] = original._replace(check=_broken)
    try:
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "app.py")
            for flags in ((), ("--quiet",), ("--output-format", "json")):
                with open(path, "w") as f:
                    f.write(SOURCE)
                code, out, err = _run(path, *flags)
                with open(path) as f:
                    text = f.read()
                said = "app.py: error: internal error in rule TYP001: ValueError: boom"
                if code != 2 or said not in err:
                    failures.append("%s: exit %d, stderr %r" % (flags, code, err))
                if "mcp.server.mcpserver import MCPServer" not in text or "McpError" not in text:
                    failures.append("%s: the other rules' fixes, and only theirs: %r" % (flags, text))
                if "json" in flags:
                    report = json.loads(out)["files"][0]
                    if report.get("internal_errors") != ["TYP001: ValueError: boom"]:
                        failures.append("JSON report: %r" % report)
    finally:
        framework.REGISTRY[at] = original
    print(json.dumps(failures, indent=1))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
