from __future__ import annotations

import os
import sys
from datetime import timedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import traced_session  # noqa: E402

from ragbridge.retriever import McpRetriever, RetrieverConfig  # noqa: E402


async def test_resource_listing_is_paginated() -> None:
    async with traced_session() as session:
        retriever = McpRetriever(session)
        resources = await retriever.all_resources()
        assert len(resources) == 6
        assert session.method_counts["resources/list"] == 3
        uris = {str(r.uri) for r in resources}
        assert "kb://articles/printer" in uris


async def test_load_corpus_skips_binary_images() -> None:
    async with traced_session() as session:
        docs = await McpRetriever(session).load_corpus()
        by_uri = {d.uri: d for d in docs}
        assert "kb://assets/logo.png" not in by_uri
        assert by_uri["kb://exports/faq.csv"].text.startswith("q,a")
        assert by_uri["kb://articles/vpn"].mimeType == "text/markdown"


async def test_structured_search_hits() -> None:
    async with traced_session() as session:
        docs = await McpRetriever(session).retrieve("printer driver update", k=2)
        assert docs[0].uri == "kb://articles/printer"
        assert docs[0].score is not None and docs[0].score > 0.5
        assert session.method_counts["tools/list"] >= 1


async def test_timeout_maps_to_empty_result() -> None:
    config = RetrieverConfig(search_tool="slow_search", call_timeout=timedelta(milliseconds=100), retries=1)
    async with traced_session() as session:
        docs = await McpRetriever(session, config).retrieve("vpn")
        assert docs == []
        assert session.method_counts["tools/call"] == 2


async def test_error_result_and_content_blocks() -> None:
    async with traced_session() as session:
        broken = McpRetriever(session, RetrieverConfig(search_tool="broken"))
        assert await broken.retrieve("anything") == []
        result = await session.call_tool("related", {"topic": "network"})
        docs = McpRetriever(session)._blocks_to_docs(list(result.content))
        assert [d.uri for d in docs] == ["inline:text", "kb://articles/vpn", "kb://articles/wifi"]
        assert docs[2].metadata == {"link": True}


async def test_fallback_to_corpus_when_no_search_tool() -> None:
    async with traced_session() as session:
        docs = await McpRetriever(session, RetrieverConfig(search_tool="missing")).retrieve("guest wifi password", k=1)
        assert docs[0].uri == "kb://articles/wifi"
