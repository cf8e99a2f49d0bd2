"""The FastMCP server object. Tools, resources and prompts register themselves
on ``mcp`` from their own modules (imported at the bottom)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from mcp.server.fastmcp import FastMCP
from mcp.server.transport_security import TransportSecuritySettings

from docsearch.corpus import DocCorpus, load_default_corpus

logger = logging.getLogger("docsearch")


@dataclass
class AppState:
    corpus: DocCorpus
    summaries: dict[str, str] = field(default_factory=lambda: {})


@asynccontextmanager
async def lifespan(server: FastMCP[AppState]) -> AsyncIterator[AppState]:
    corpus = load_default_corpus()
    logger.info("%s loaded %d pages", server.name, len(corpus))
    yield AppState(corpus=corpus)


mcp: FastMCP[AppState] = FastMCP(
    "docsearch",
    "Search the Acme product documentation. Call search_docs first, then read "
    "docs://page/{slug} for the full page.",
    website_url="https://docs.acme.test",
    lifespan=lifespan,
    host="0.0.0.0",
    port=8765,
    streamable_http_path="/mcp",
    sse_path="/sse",
    message_path="/messages/",
    json_response=False,
    stateless_http=False,
    transport_security=TransportSecuritySettings(
        enable_dns_rebinding_protection=True,
        allowed_hosts=["docs.acme.test", "localhost:*", "127.0.0.1:*"],
        allowed_origins=["https://docs.acme.test", "http://localhost:*"],
    ),
)


def current_state() -> AppState:
    """Lifespan state of the request being served (tools, resources, prompts)."""
    return mcp.get_context().request_context.lifespan_context


# Registration side effects.
from docsearch import prompts, resources, tools  # noqa: E402,F401
