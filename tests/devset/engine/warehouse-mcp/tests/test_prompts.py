from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from mcp.shared.memory import create_connected_server_and_client_session  # noqa: E402
from mcp.types import EmbeddedResource, TextContent, TextResourceContents  # noqa: E402

from support import make_server  # noqa: E402


async def test_prompt_catalog_and_rendering() -> None:
    server = make_server()
    async with create_connected_server_and_client_session(server._mcp_server) as session:
        listing = await session.list_prompts()
        analyze = await session.get_prompt("analyze_table", {"table": "products", "focus": "outliers"})
        query = await session.get_prompt("write_query", {"question": "Which region buys the most tents?"})

    prompts = {p.name: p for p in listing.prompts}
    assert set(prompts) == {"analyze_table", "write_query"}
    assert prompts["analyze_table"].title == "Analyze a table"
    args = {a.name: a.required for a in prompts["analyze_table"].arguments or []}
    assert args == {"table": True, "focus": False, "column": False}

    first, second, third = analyze.messages
    assert isinstance(first.content, EmbeddedResource)
    embedded = first.content.resource
    assert isinstance(embedded, TextResourceContents)
    assert embedded.mimeType == "application/json"
    assert embedded.uri.host == "tables"
    assert isinstance(second.content, TextContent)
    assert second.content.text.startswith("Profile the `products` table (5 rows).")
    assert "far from the median" in second.content.text
    assert third.role == "assistant"

    assert len(query.messages) == 1
    assert query.messages[0].role == "user"
    assert isinstance(query.messages[0].content, TextContent)
    assert "against the `orders` table" in query.messages[0].content.text
