"""``python -m evalbench SUITE.json --out reports/``"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from datetime import timedelta
from pathlib import Path

import anyio

from .cases import Suite
from .report import tool_schemas, write_json, write_markdown
from .runner import SuiteRunner, summarize


async def _main(args: argparse.Namespace) -> int:
    suite = Suite.load(args.suite)
    if args.only:
        suite.targets = [t for t in suite.targets if t.name in args.only]
    runner = SuiteRunner(suite, default_timeout=timedelta(seconds=args.timeout))
    with anyio.fail_after(args.deadline):
        runs = await runner.run()
    args.out.mkdir(parents=True, exist_ok=True)
    write_json(runs, args.out / f"{suite.name}.json")
    write_markdown(runs, args.out / f"{suite.name}.md")
    (args.out / f"{suite.name}.schemas.json").write_text(json.dumps(tool_schemas(runs), indent=2), encoding="utf-8")
    summary = summarize(runs)
    print(json.dumps(summary))
    return 0 if summary["failed"] == 0 else 1


def main() -> None:
    parser = argparse.ArgumentParser(prog="evalbench")
    parser.add_argument("suite", type=Path)
    parser.add_argument("--out", type=Path, default=Path("reports"))
    parser.add_argument("--only", action="append", default=[])
    parser.add_argument("--timeout", type=float, default=30.0, help="per-request timeout in seconds")
    parser.add_argument("--deadline", type=float, default=900.0, help="whole-run deadline in seconds")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO, stream=sys.stderr)
    logging.getLogger("mcp.client.stdio").setLevel(logging.WARNING)
    sys.exit(anyio.run(_main, args))


if __name__ == "__main__":
    main()
