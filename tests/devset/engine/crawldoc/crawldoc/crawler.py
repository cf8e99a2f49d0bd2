"""Walk and mirror the resources of a connected MCP server."""

from __future__ import annotations

import base64
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta

import httpx

from mcp import ClientSession
from mcp.shared.exceptions import McpError
from mcp.types import (
    BlobResourceContents,
    Content,
    Cursor,
    Resource,
    TextContent,
    TextResourceContents,
)

from .store import CrawledPage, PageStore

log = logging.getLogger(__name__)

DEFAULT_SCHEMES = ("docs", "file", "http", "https", "guide")


class CrawlError(RuntimeError):
    pass


@dataclass
class CrawlReport:
    server: str
    pages: list[CrawledPage] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    templates: list[str] = field(default_factory=list)
    resume_cursor: Cursor | None = None


def text_of(blocks: Sequence[Content]) -> str:
    return "\n".join(block.text for block in blocks if isinstance(block, TextContent)).strip()


class Crawler:
    def __init__(
        self,
        store: PageStore | None = None,
        *,
        schemes: Sequence[str] = DEFAULT_SCHEMES,
        summarize_tool: str | None = "summarize",
        summary_timeout: timedelta = timedelta(seconds=60),
        max_pages: int = 1000,
    ) -> None:
        self.store = store
        self.schemes = set(schemes)
        self.summarize_tool = summarize_tool
        self.summary_timeout = summary_timeout
        self.max_pages = max_pages

    async def discover(self, session: ClientSession) -> tuple[list[Resource], Cursor | None]:
        """All advertised resources, following pagination up to ``max_pages``."""
        resources: list[Resource] = []
        cursor: Cursor | None = None
        while True:
            page = await session.list_resources(cursor=cursor)
            resources.extend(page.resources)
            cursor = page.nextCursor
            if cursor is None:
                return resources, None
            if len(resources) >= self.max_pages:
                log.warning("stopping after %d resources, resume with cursor %r", len(resources), cursor)
                return resources[: self.max_pages], cursor

    async def _tool_names(self, session: ClientSession) -> set[str]:
        names: set[str] = set()
        cursor: Cursor | None = None
        while True:
            listing = await session.list_tools(cursor=cursor)
            names.update(tool.name for tool in listing.tools)
            if not (cursor := listing.nextCursor):
                return names

    async def crawl(self, session: ClientSession, server: str = "server") -> CrawlReport:
        capabilities = session.get_server_capabilities()
        if capabilities is None or capabilities.resources is None:
            raise CrawlError(f"{server} does not expose resources")

        summarize = False
        if self.summarize_tool and capabilities.tools is not None:
            summarize = self.summarize_tool in await self._tool_names(session)

        report = CrawlReport(server=server)
        resources, report.resume_cursor = await self.discover(session)
        for resource in resources:
            if resource.uri.scheme not in self.schemes:
                report.skipped.append((str(resource.uri), f"scheme {resource.uri.scheme!r}"))
                continue
            page = await self._fetch(session, resource, report)
            if page is None:
                continue
            if summarize and page.text:
                page.summary = await self._summarize(session, page.uri)
            report.pages.append(page)
            if self.store is not None:
                self.store.save(resource, page)

        templates = await session.list_resource_templates()
        report.templates = [template.uriTemplate for template in templates.resourceTemplates]

        if self.store is not None:
            self.store.write_manifest(server, resources, report.resume_cursor)
        return report

    async def _fetch(self, session: ClientSession, resource: Resource, report: CrawlReport) -> CrawledPage | None:
        uri = str(resource.uri)
        try:
            result = await session.read_resource(resource.uri)
        except McpError as exc:
            if exc.error.code == httpx.codes.REQUEST_TIMEOUT:
                report.skipped.append((uri, "timed out"))
            else:
                report.errors.append(f"{uri}: [{exc.error.code}] {exc.error.message}")
            return None

        page = CrawledPage(uri=uri, title=resource.title or resource.name, mime_type=resource.mimeType)
        for item in result.contents:
            if isinstance(item, TextResourceContents):
                page.text = (page.text + "\n" if page.text else "") + item.text
                page.mime_type = item.mimeType or page.mime_type
            elif isinstance(item, BlobResourceContents):
                page.blob = base64.b64decode(item.blob)
                page.mime_type = item.mimeType or page.mime_type
        return page

    async def _summarize(self, session: ClientSession, uri: str) -> str | None:
        assert self.summarize_tool
        try:
            result = await session.call_tool(
                self.summarize_tool, {"uri": uri}, read_timeout_seconds=self.summary_timeout
            )
        except McpError as exc:
            log.info("summary for %s failed: %s", uri, exc.error.message)
            return None
        if result.isError:
            log.info("summary tool rejected %s: %s", uri, text_of(result.content))
            return None
        return text_of(result.content) or None
