"""``mcp-fanout`` command line."""

from __future__ import annotations

import argparse
import logging
import sys

import anyio

from fanout.jobs import ServerSpec, load_jobs
from fanout.pool import SessionPool
from fanout.progress import ProgressBoard
from fanout.report import summarize, write_jsonl
from fanout.runner import BatchRunner, JobOutcome


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mcp-fanout", description=__doc__)
    parser.add_argument("jobs", help="JSONL file with one job per line")
    parser.add_argument("--server", action="append", default=[], metavar="NAME=TARGET", help="repeatable")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--timeout", type=float, default=60.0, help="per-call timeout in seconds")
    parser.add_argument("--retries", type=int, default=2)
    parser.add_argument("--out", default="results.jsonl")
    parser.add_argument("--quiet", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true")
    return parser


async def run(args: argparse.Namespace) -> int:
    specs = [ServerSpec.parse(s) for s in args.server]
    jobs = load_jobs(args.jobs)
    board = ProgressBoard(quiet=args.quiet)

    def done(outcome: JobOutcome) -> None:
        if not args.quiet:
            sys.stderr.write(f"\r{outcome.job.id}: {outcome.status}\x1b[K\n")

    async with SessionPool(specs, request_timeout=args.timeout) as pool:
        runner = BatchRunner(
            pool,
            concurrency=args.concurrency,
            default_timeout=args.timeout,
            retries=args.retries,
            board=board,
            on_done=done,
        )
        outcomes = await runner.run(jobs)
    write_jsonl(outcomes, args.out)
    counts = summarize(outcomes, sys.stdout)
    return 0 if counts["failed"] == 0 else 1


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    return anyio.run(run, args)


if __name__ == "__main__":
    raise SystemExit(main())
