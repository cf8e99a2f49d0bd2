from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

import anyio

from mcp.shared.memory import create_connected_server_and_client_session

from crawldoc.callbacks import ClientCallbacks
from crawldoc.cli import crawl_target
from crawldoc.crawler import Crawler
from crawldoc.store import PageStore
from crawldoc.targets import Target
from tests import docs_server

PROJECT_ROOT = Path(__file__).resolve().parent.parent


async def _crawl_in_memory(out: Path) -> None:
    callbacks = ClientCallbacks(roots=[out])
    async with create_connected_server_and_client_session(
        docs_server.server,
        sampling_callback=callbacks.sampling,
        list_roots_callback=callbacks.list_roots,
        message_handler=callbacks.on_message,
        read_timeout_seconds=timedelta(seconds=10),
    ) as session:
        report = await Crawler(PageStore(out)).crawl(session, "widgetly")

    assert [p.uri for p in report.pages] == [
        "docs://guide/intro",
        "docs://guide/install",
        "docs://reference/config",
        "docs://assets/logo.png",
    ]
    assert report.skipped == [("mailto://support@widgetly.example", "scheme 'mailto'")]
    assert report.templates == ["docs://api/{symbol}"]
    assert report.errors == []

    intro = report.pages[0]
    assert intro.summary == "Widgetly renders widgets. It is fast and small. [roots: 1]"
    logo = report.pages[3]
    assert logo.blob == docs_server.LOGO and logo.summary is None
    assert callbacks.sampling_requests == 3

    assert (out / "docs" / "guide" / "intro.md").read_text().endswith("It is fast and small. Read on for details.")
    assert (out / "docs" / "assets" / "logo.png").read_bytes() == docs_server.LOGO

    manifest = json.loads((out / "manifest.json").read_text())
    first = manifest["resources"][0]
    assert first["uri"] == "docs://guide/intro"
    assert first["mimeType"] == "text/markdown"
    assert first["file"] == "docs/guide/intro.md"
    assert manifest["resume_cursor"] is None


def test_crawl_in_memory() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        anyio.run(_crawl_in_memory, Path(tmp))


async def _max_pages_leaves_resume_cursor() -> None:
    async with create_connected_server_and_client_session(docs_server.server) as session:
        crawler = Crawler(max_pages=2, summarize_tool=None)
        resources, cursor = await crawler.discover(session)
    assert len(resources) == 2
    assert cursor == "2"


def test_max_pages_leaves_resume_cursor() -> None:
    anyio.run(_max_pages_leaves_resume_cursor)


def test_crawl_over_stdio() -> None:
    env = {"PYTHONPATH": os.pathsep.join([str(PROJECT_ROOT), *sys.path[1:]]), "PATH": os.environ.get("PATH", "")}
    target = Target(
        name="widgetly",
        kind="stdio",
        command=sys.executable,
        args=["-m", "tests.docs_server"],
        env=env,
        cwd=PROJECT_ROOT,
        request_timeout=timedelta(seconds=20),
    )
    with tempfile.TemporaryDirectory() as tmp:
        report = anyio.run(crawl_target, target, Path(tmp))
        assert len(report.pages) == 4
        assert report.pages[1].summary == "Run pip install widgetly. [roots: 1]"
        assert (Path(tmp) / "widgetly" / "manifest.json").exists()
