"""Retriever that turns MCP resources and a search tool into Documents."""

from __future__ import annotations

import base64
import logging
from dataclasses import dataclass
from datetime import timedelta

import httpx
from mcp import ClientSession
from mcp.shared.exceptions import McpError
from mcp.types import (
    BlobResourceContents,
    CallToolResult,
    Content,
    Cursor,
    EmbeddedResource,
    Resource,
    ResourceLink,
    TextContent,
    TextResourceContents,
    Tool,
)
from pydantic import AnyUrl

from ragbridge.documents import Document, rerank

log = logging.getLogger("ragbridge.retriever")


@dataclass
class RetrieverConfig:
    search_tool: str = "search"
    text_mime_prefixes: tuple[str, ...] = ("text/", "application/json")
    call_timeout: timedelta = timedelta(seconds=20)
    retries: int = 1
    page_limit: int = 20


class McpRetriever:
    def __init__(self, session: ClientSession, config: RetrieverConfig | None = None) -> None:
        self.session = session
        self.config = config or RetrieverConfig()
        self._tools: dict[str, Tool] | None = None

    async def all_tools(self) -> dict[str, Tool]:
        if self._tools is None:
            tools: dict[str, Tool] = {}
            cursor: Cursor | None = None
            for _ in range(self.config.page_limit):
                page = await self.session.list_tools(cursor=cursor)
                tools.update({t.name: t for t in page.tools})
                cursor = page.nextCursor
                if cursor is None:
                    break
            self._tools = tools
        return self._tools

    async def all_resources(self) -> list[Resource]:
        out: list[Resource] = []
        cursor: Cursor | None = None
        for _ in range(self.config.page_limit):
            page = await self.session.list_resources(cursor=cursor)
            out.extend(page.resources)
            if not page.nextCursor:
                break
            cursor = page.nextCursor
        return out

    def _is_text(self, mime: str | None) -> bool:
        return mime is None or mime.startswith(self.config.text_mime_prefixes)

    async def load_resource(self, uri: AnyUrl | str) -> list[Document]:
        result = await self.session.read_resource(uri if isinstance(uri, AnyUrl) else AnyUrl(uri))
        docs: list[Document] = []
        for item in result.contents:
            if isinstance(item, TextResourceContents):
                docs.append(Document(uri=str(item.uri), text=item.text, mimeType=item.mimeType or "text/plain"))
            elif isinstance(item, BlobResourceContents) and self._is_text(item.mimeType):
                raw = base64.b64decode(item.blob).decode("utf-8", errors="replace")
                docs.append(Document(uri=str(item.uri), text=raw, mimeType=item.mimeType or "text/plain"))
        return docs

    async def load_corpus(self) -> list[Document]:
        docs: list[Document] = []
        for res in await self.all_resources():
            if self._is_text(res.mimeType):
                docs.extend(await self.load_resource(res.uri))
        return docs

    def _blocks_to_docs(self, blocks: list[Content]) -> list[Document]:
        docs: list[Document] = []
        for block in blocks:
            if isinstance(block, TextContent):
                docs.append(Document(uri="inline:text", text=block.text))
            elif isinstance(block, EmbeddedResource) and isinstance(block.resource, TextResourceContents):
                docs.append(Document(uri=str(block.resource.uri), text=block.resource.text))
            elif isinstance(block, ResourceLink):
                docs.append(Document(uri=str(block.uri), text=block.description or block.name, metadata={"link": True}))
        return docs

    async def _call_search(self, query: str, k: int) -> CallToolResult:
        attempts = self.config.retries + 1
        for attempt in range(1, attempts + 1):
            try:
                return await self.session.call_tool(
                    self.config.search_tool,
                    {"query": query, "k": k},
                    read_timeout_seconds=self.config.call_timeout,
                )
            except McpError as exc:
                if exc.error.code == httpx.codes.REQUEST_TIMEOUT and attempt < attempts:
                    log.warning("search timed out (attempt %d/%d)", attempt, attempts)
                    continue
                raise
        raise RuntimeError("unreachable")

    async def retrieve(self, query: str, k: int = 4) -> list[Document]:
        tools = await self.all_tools()
        if self.config.search_tool not in tools:
            docs = await self.load_corpus()
            return rerank(docs, query)[:k]
        try:
            result = await self._call_search(query, k)
        except McpError as exc:
            if exc.error.code == httpx.codes.REQUEST_TIMEOUT:
                log.error("search unavailable: %s", exc.error.message)
                return []
            raise
        if result.isError:
            log.error("search tool failed: %s", result.content)
            return []
        if result.structuredContent and "hits" in result.structuredContent:
            hits = result.structuredContent["hits"]
            return [
                Document(uri=h["uri"], text=h["text"], score=h.get("score"), mimeType=h.get("mimeType", "text/plain"))
                for h in hits
            ][:k]
        return rerank(self._blocks_to_docs(list(result.content)), query)[:k]
