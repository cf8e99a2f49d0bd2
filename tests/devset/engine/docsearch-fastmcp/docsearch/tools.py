"""Tools the docs assistant calls."""

from __future__ import annotations

import struct
import zlib

from mcp.server.fastmcp import Context, Image
from mcp.server.fastmcp.exceptions import ToolError
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError
from mcp.types import INVALID_PARAMS, ErrorData, SamplingMessage, TextContent
from pydantic import BaseModel, Field

from docsearch.corpus import FeedbackEntry, Page
from docsearch.server import AppState, current_state, mcp

DocsContext = Context[ServerSession, AppState]


class SearchHit(BaseModel):
    slug: str
    title: str
    section: str
    score: float
    snippet: str
    uri: str


class SearchResults(BaseModel):
    query: str
    total: int
    hits: list[SearchHit]


class PageFeedback(BaseModel):
    helpful: bool = Field(description="Did this page answer your question?")
    rating: int = Field(ge=1, le=5, description="Overall rating from 1 (poor) to 5 (great)")
    comment: str = Field(default="", description="Anything we should fix?")


def _page(state: AppState, slug: str) -> Page:
    try:
        return state.corpus.get(slug)
    except KeyError:
        raise ToolError(f"no documentation page named {slug!r}") from None


@mcp.tool(title="Search documentation")
async def search_docs(query: str, ctx: DocsContext, limit: int = 5, section: str | None = None) -> SearchResults:
    """Full-text search over the documentation. Returns ranked pages with snippets."""
    corpus = ctx.request_context.lifespan_context.corpus
    await ctx.info(f"searching {len(corpus)} pages for {query!r}")
    await ctx.report_progress(0, 2, "scoring pages")
    hits = corpus.search(query, limit=limit, section=section)
    await ctx.report_progress(1, 2, "building snippets")
    results = SearchResults(
        query=query,
        total=len(hits),
        hits=[
            SearchHit(
                slug=h.page.slug,
                title=h.page.title,
                section=h.page.section,
                score=h.score,
                snippet=h.snippet,
                uri=f"docs://page/{h.page.slug}",
            )
            for h in hits
        ],
    )
    await ctx.report_progress(2, 2, "done")
    if not hits:
        await ctx.warning(f"no results for {query!r}")
    return results


@mcp.tool()
async def rate_page(slug: str, ctx: DocsContext) -> str:
    """Ask the reader how useful a page was and store the answer."""
    state = ctx.request_context.lifespan_context
    page = _page(state, slug)
    result = await ctx.elicit(f"How useful was '{page.title}'?", schema=PageFeedback)
    if result.action == "accept":
        answer = result.data
        state.corpus.record_feedback(
            FeedbackEntry(
                slug=slug,
                helpful=answer.helpful,
                rating=answer.rating,
                comment=answer.comment,
                client=ctx.client_id or "anonymous",
            )
        )
        await ctx.log(level="info", message=f"feedback stored for {slug}", logger_name="docsearch.feedback")
        return f"Thanks! Recorded {answer.rating}/5 for {slug}."
    if result.action == "decline":
        return "No feedback recorded."
    return "Feedback cancelled."


@mcp.tool()
async def summarize_page(slug: str, ctx: DocsContext, max_words: int = 60) -> str:
    """Summarize a page with the client's model (cached per page)."""
    state = ctx.request_context.lifespan_context
    page = _page(state, slug)
    if slug in state.summaries:
        await ctx.debug(f"summary cache hit for {slug}")
        return state.summaries[slug]
    result = await ctx.session.create_message(
        messages=[
            SamplingMessage(
                role="user",
                content=TextContent(type="text", text=f"Summarize in at most {max_words} words:\n\n{page.body}"),
            )
        ],
        max_tokens=max_words * 2,
        system_prompt="You write terse, accurate documentation summaries.",
        temperature=0.2,
        related_request_id=ctx.request_id,
    )
    if not isinstance(result.content, TextContent):
        raise ToolError("the model did not return text")
    if result.stopReason == "maxTokens":
        await ctx.warning(f"summary of {slug} was truncated")
    state.summaries[slug] = result.content.text
    return result.content.text


@mcp.tool()
async def page_section(slug: str, anchor: str, ctx: DocsContext) -> str:
    """Return one '##' section of a page."""
    page = _page(ctx.request_context.lifespan_context, slug)
    text = page.section_text(anchor)
    if text is None:
        raise McpError(
            ErrorData(
                code=INVALID_PARAMS,
                message=f"page {slug!r} has no section {anchor!r}",
                data={"anchors": page.anchors()},
            )
        )
    return text


def _png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    def chunk(kind: bytes, payload: bytes) -> bytes:
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))

    row = b"\x00" + bytes(rgb) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(row * height)) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + body


_SECTION_COLOURS = {"guides": (46, 134, 222), "reference": (39, 174, 96), "admin": (192, 57, 43)}


@mcp.tool()
def section_badge(slug: str) -> Image:
    """A small colour badge for the page's section, for rich clients."""
    page = _page(current_state(), slug)
    width = 8 + 4 * len(page.section)
    return Image(data=_png(width, 8, _SECTION_COLOURS.get(page.section, (127, 140, 141))), format="png")
