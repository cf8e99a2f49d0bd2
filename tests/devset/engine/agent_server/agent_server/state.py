"""Typed lifespan state shared by all tools."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from mcp.server.fastmcp import FastMCP

SEED_DOCS = {
    "mcp-intro": "The Model Context Protocol connects models to tools and data. Tools are called by models.",
    "sampling": "Sampling lets a server ask the client model for a completion without holding API keys.",
    "elicitation": "Elicitation asks the user for structured input in the middle of a tool call.",
}


@dataclass
class KnowledgeBase:
    docs: dict[str, str] = field(default_factory=dict)
    index: dict[str, set[str]] = field(default_factory=dict)

    def words(self, doc_id: str) -> list[str]:
        return re.findall(r"[a-z']+", self.docs[doc_id].lower())

    def add_to_index(self, doc_id: str) -> None:
        for word in self.words(doc_id):
            self.index.setdefault(word, set()).add(doc_id)

    def search(self, word: str) -> list[str]:
        return sorted(self.index.get(word.lower(), set()))


@dataclass
class AppState:
    kb: KnowledgeBase
    default_model_hint: str = "claude-3-5-haiku"
    deleted: list[str] = field(default_factory=list)


@asynccontextmanager
async def app_lifespan(server: FastMCP[AppState]) -> AsyncIterator[AppState]:
    kb = KnowledgeBase(docs=dict(SEED_DOCS))
    try:
        yield AppState(kb=kb)
    finally:
        kb.index.clear()
