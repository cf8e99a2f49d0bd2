from __future__ import annotations

import os
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import traced_session  # noqa: E402
from mcp.client.session_group import StreamableHttpParameters  # noqa: E402
from mcp.types import TextContent  # noqa: E402

from ragbridge.documents import parse_vendor_page, rerank  # noqa: E402
from ragbridge.group import server_params  # noqa: E402


async def fake_llm(prompt: str, max_tokens: int) -> str:
    return f"summary({prompt})[{max_tokens}]"


async def test_server_initiated_requests_use_callbacks() -> None:
    roots = [Path("/tmp/alpha"), Path("/tmp/beta")]
    async with traced_session(llm=fake_llm, roots=roots) as session:
        result = await session.call_tool("workspace_digest", {})
        assert not result.isError
        block = result.content[0]
        assert isinstance(block, TextContent)
        assert block.text == "alpha,beta|summary(digest alpha,beta)[64]"
        assert any(line.startswith("info:") and "digest built" in line for line in session.server_logs)
        assert "notifications/resources/updated" in session.notifications


async def test_sampling_without_llm_is_an_error() -> None:
    async with traced_session(roots=[]) as session:
        result = await session.call_tool("workspace_digest", {})
        assert result.isError


async def test_initialize_reports_server_identity() -> None:
    async with traced_session() as session:
        caps = session.get_server_capabilities()
        assert caps is not None and caps.tools is not None
        assert session.method_counts["initialize"] == 1


def test_vendor_page_and_group_params_are_plain() -> None:
    page = parse_vendor_page(
        {"hits": [{"uri": "x://1", "text": "alpha beta", "mimeType": "text/plain"}], "nextCursor": "abc"}
    )
    assert page.nextCursor == "abc" and not page.isError
    assert parse_vendor_page({"isError": True}).isError
    ranked = rerank(page.documents, "beta")
    assert ranked[0].score == 0.5
    params = server_params("https://kb.example.com/mcp", token="t0k")
    assert isinstance(params, StreamableHttpParameters)
    assert params.timeout == timedelta(seconds=15)
    assert params.headers == {"Authorization": "Bearer t0k"}
    assert params.url.endswith("/mcp")
