"""Shared fixtures for the test modules (plain functions, no pytest magic)."""

from __future__ import annotations

from collections.abc import Callable

import anyio
import mcp.types as types

from kgraph.config import Settings
from kgraph.graph import GraphStore
from kgraph.server import KnowledgeGraphServer


def seeded_store() -> GraphStore:
    store = GraphStore()
    store.add_entity("Ada Lovelace", "person", ["wrote the first published algorithm", "born 1815"])
    store.add_entity("Charles Babbage", "person", ["designed the Analytical Engine"])
    store.add_entity("Analytical Engine", "machine", ["mechanical general-purpose computer"])
    store.add_entity("London", "place", ["capital of England"])
    store.add_entity("Difference Engine", "machine", [])
    store.relate("Ada Lovelace", "collaborated_with", "Charles Babbage")
    store.relate("Charles Babbage", "designed", "Analytical Engine")
    store.relate("Charles Babbage", "designed", "Difference Engine")
    store.relate("Ada Lovelace", "lived_in", "London")
    return store


def make_graph(page_size: int = 3, **overrides: object) -> KnowledgeGraphServer:
    settings = Settings(page_size=page_size).with_overrides(**overrides)
    return KnowledgeGraphServer(seeded_store(), settings)


def text_of(result: types.CallToolResult) -> str:
    return "\n".join(block.text for block in result.content if isinstance(block, types.TextContent))


async def eventually(predicate: Callable[[], bool], timeout: float = 2.0) -> None:
    with anyio.fail_after(timeout):
        while not predicate():
            await anyio.sleep(0.01)
