"""Resources: a static index plus page templates."""

from __future__ import annotations

import json

from mcp.server.fastmcp import Context
from mcp.server.fastmcp.exceptions import ResourceError

from docsearch.server import current_state, mcp


@mcp.resource("docs://index", name="index", title="Documentation index", mime_type="application/json")
async def docs_index() -> str:
    ctx = mcp.get_context()
    corpus = ctx.request_context.lifespan_context.corpus
    await ctx.debug(f"index requested ({len(corpus)} pages)")
    return json.dumps(
        [
            {"slug": p.slug, "title": p.title, "section": p.section, "updated": p.updated.isoformat()}
            for p in corpus.pages()
        ]
    )


@mcp.resource("docs://sections", name="sections", mime_type="application/json")
async def docs_sections() -> dict[str, int]:
    ctx = mcp.get_context()
    await ctx.info("sections requested")
    return ctx.request_context.lifespan_context.corpus.sections()


@mcp.resource("docs://page/{slug}", name="page", mime_type="text/markdown")
async def docs_page(slug: str, ctx: Context) -> str:
    await ctx.info(f"reading page {slug}")
    try:
        page = current_state().corpus.get(slug)
    except KeyError:
        raise ResourceError(f"unknown page {slug}") from None
    return f"# {page.title}\n\n{page.body}\n"


@mcp.resource("docs://page/{slug}/{anchor}", name="page-section", mime_type="text/markdown")
def docs_page_section(slug: str, anchor: str) -> str:
    corpus = current_state().corpus
    text = corpus.get(slug).section_text(anchor)
    if text is None:
        raise ResourceError(f"{slug} has no section {anchor}")
    return text
