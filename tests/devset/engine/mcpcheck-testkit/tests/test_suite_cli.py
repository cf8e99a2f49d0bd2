from __future__ import annotations

import contextlib
import io
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from sample_servers import build_notebook, build_paged_server  # noqa: E402

from mcpcheck import open_fastmcp, open_lowlevel  # noqa: E402
from mcpcheck.cli import build_parser, main, server_parameters  # noqa: E402
from mcpcheck.suite import default_suite  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


async def test_default_suite_passes_and_fails_as_expected() -> None:
    suite = default_suite(expect_tools=["list_notes", "summarize"], sample_arguments={"render_badge": {"label": "ok"}})
    async with open_fastmcp(build_notebook()) as session:
        report = await suite.run(session, server="notebook")
    assert report.ok, report.render()
    details = {o.name: o.detail for o in report.outcomes}
    assert details["read-only tools succeed"] == "2 called"
    assert details["resources are readable"] == "2 read"
    assert details["argument-free prompts render"] == "1 rendered"
    assert details["unknown tool is rejected"] == "error result"
    assert "8/8 checks passed" in report.render()

    failing_suite = default_suite(expect_tools=["op_0", "op_9"])
    async with open_lowlevel(build_paged_server()) as connected:
        report = await failing_suite.run(connected.session, server=connected.server_name)
    assert not report.ok
    failed = {o.name: o.detail for o in report.failed}
    assert failed == {
        "tools are listed": "missing tools: ['op_9']",
        "input schemas are objects": "non-object inputSchema: ['op_3']",
    }
    skipped = {o.name: o.detail for o in report.outcomes}["argument-free prompts render"]
    assert skipped == "no prompts capability"


def test_parser_builds_stdio_parameters_and_rejects_bad_json() -> None:
    ns = build_parser().parse_args(["--env", "MODE=test", "--cwd", HERE, "python", "-m", "server", "--port", "0"])
    params = server_parameters(ns)
    assert params.command == "python"
    assert params.args == ["-m", "server", "--port", "0"]
    assert params.env is not None and params.env["MODE"] == "test"
    assert params.cwd == HERE
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["--sample", "{not json", "python", "server.py"])
    assert code == 2
    assert "not valid JSON" in err.getvalue()


def test_cli_runs_suite_against_a_stdio_server() -> None:
    out = io.StringIO()
    argv = [
        "--json",
        "--timeout",
        "30",
        "--expect-tool",
        "list_notes",
        "--sample",
        json.dumps({"render_badge": {"label": "cli"}}),
        "--env",
        f"PYTHONPATH={os.environ.get('PYTHONPATH', '')}",
        sys.executable,
        os.path.join(HERE, "stdio_notebook.py"),
    ]
    with contextlib.redirect_stdout(out):
        code = main(argv)
    report = json.loads(out.getvalue())
    assert code == 0, report
    assert report["server"].startswith("notebook ")
    assert all(check["passed"] for check in report["checks"])
