"""``crawldoc`` command line interface."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import anyio
import httpx

from mcp import ClientSession
from mcp.shared.exceptions import McpError
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS
from mcp.types import LATEST_PROTOCOL_VERSION, Implementation

from . import __version__
from .callbacks import ClientCallbacks
from .crawler import Crawler, CrawlReport
from .store import PageStore
from .targets import Target, load_targets
from .transports import open_streams

log = logging.getLogger("crawldoc")

# Streamable HTTP servers answer 404 -> "Session terminated" once they forget our session id.
SESSION_TERMINATED = 32600


class SessionExpired(Exception):
    pass


@asynccontextmanager
async def connect(target: Target, callbacks: ClientCallbacks) -> AsyncIterator[ClientSession]:
    async with open_streams(target) as streams:
        async with ClientSession(
            streams.read,
            streams.write,
            read_timeout_seconds=target.request_timeout,
            sampling_callback=callbacks.sampling,
            elicitation_callback=callbacks.elicitation,
            list_roots_callback=callbacks.list_roots,
            logging_callback=callbacks.on_log,
            message_handler=callbacks.on_message,
            client_info=Implementation(name="crawldoc", version=__version__),
        ) as session:
            init = await session.initialize()
            log.info(
                "connected to %s %s (protocol %s, session %s)",
                init.serverInfo.name,
                init.serverInfo.version,
                init.protocolVersion,
                streams.session_id() or "-",
            )
            if init.protocolVersion != LATEST_PROTOCOL_VERSION:
                # older servers may lack resource templates / structured tool output
                log.warning(
                    "%s negotiated protocol %s (we support %s)",
                    target.name,
                    init.protocolVersion,
                    ", ".join(SUPPORTED_PROTOCOL_VERSIONS),
                )
            yield session


async def _crawl_once(target: Target, out_dir: Path, callbacks: ClientCallbacks) -> CrawlReport:
    store = PageStore(out_dir / target.name)
    async with connect(target, callbacks) as session:
        try:
            return await Crawler(store).crawl(session, target.name)
        except McpError as exc:
            if exc.error.code == SESSION_TERMINATED:
                raise SessionExpired(exc.error.message) from exc
            raise


async def crawl_target(target: Target, out_dir: Path, callbacks: ClientCallbacks | None = None) -> CrawlReport:
    callbacks = callbacks or ClientCallbacks(answers=target.answers, roots=[out_dir])
    delay = 1.0
    for attempt in range(1, target.max_attempts + 1):
        try:
            return await _crawl_once(target, out_dir, callbacks)
        except* (httpx.HTTPStatusError, SessionExpired) as group:
            log.warning("attempt %d/%d for %s failed: %s", attempt, target.max_attempts, target.name, group.exceptions)
        await anyio.sleep(delay)
        delay *= 2
    raise RuntimeError(f"giving up on {target.describe()}")


async def crawl_all(targets: list[Target], out_dir: Path) -> list[CrawlReport]:
    reports: list[CrawlReport] = []
    for target in targets:
        log.info("crawling %s", target.describe())
        report = await crawl_target(target, out_dir)
        log.info(
            "%s: %d pages, %d skipped, %d errors", target.name, len(report.pages), len(report.skipped), len(report.errors)
        )
        reports.append(report)
    return reports


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="crawldoc")
    parser.add_argument("targets", type=Path, help="TOML file with [[target]] tables")
    parser.add_argument("--out", type=Path, default=Path("mirror"))
    parser.add_argument("--only", action="append", default=[], help="crawl only these target names")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO, stream=sys.stderr)

    targets = load_targets(args.targets)
    if args.only:
        targets = [t for t in targets if t.name in args.only]
    reports = anyio.run(crawl_all, targets, args.out)
    return 0 if all(not r.errors for r in reports) else 1


if __name__ == "__main__":
    raise SystemExit(main())
