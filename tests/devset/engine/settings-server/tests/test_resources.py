"""Resources, prompts and completions."""

from __future__ import annotations

import base64
import json

from pydantic import AnyUrl

from mcp import types
from mcp.shared.exceptions import McpError
from mcp.shared.memory import create_connected_server_and_client_session

from ledgerd.client import first_text, snapshot_tools
from tests.harness import make_server


async def test_resource_listing_and_reads() -> None:
    mcp, _ = make_server(page_size=4)
    async with create_connected_server_and_client_session(mcp._mcp_server) as session:
        listing = await session.list_resources()
        templates = await session.list_resource_templates()
        about = await session.read_resource(AnyUrl("ledger://about"))
        policy = await session.read_resource(AnyUrl("ledger://policy"))
        accounts = await session.read_resource(AnyUrl("ledger://accounts"))

    uris = {str(r.uri): r for r in listing.resources}
    assert set(uris) == {"ledger://about", "ledger://policy", "ledger://accounts"}
    assert uris["ledger://about"].mimeType == "text/markdown"
    assert uris["ledger://about"].annotations is not None
    assert uris["ledger://about"].annotations.priority == 0.2
    assert all(r.uri.scheme == "ledger" for r in listing.resources)
    assert [t.uriTemplate for t in templates.resourceTemplates] == ["ledger://accounts/{code}"]

    text, mime = first_text(about)
    assert mime == "text/markdown" and text.startswith("# ledgerd")

    blob = policy.contents[0]
    assert isinstance(blob, types.BlobResourceContents)
    assert blob.mimeType == "application/json"
    assert json.loads(base64.b64decode(blob.blob))["maxSingleEntry"] == "25000.00"

    page = json.loads(first_text(accounts)[0])
    assert [row["code"] for row in page["accounts"]] == ["1000", "1200", "2000", "4000"]
    assert page["nextCursor"] == "4000"


async def test_account_template_and_report_tool() -> None:
    mcp, store = make_server()
    await store.open()
    await store.post("1200", "99.99", "invoice 17", period="2024-03")
    await store.close()
    async with create_connected_server_and_client_session(mcp._mcp_server, raise_exceptions=False) as session:
        detail = await session.read_resource(AnyUrl("ledger://accounts/1200"))
        report = await session.call_tool("account_report", {"account": "1200"})
        embedded = await session.call_tool("entry_document", {"entry_id": 1})
        try:
            await session.read_resource(AnyUrl("ledger://accounts/0000"))
        except McpError as exc:
            missing = exc.error
        else:
            raise AssertionError("unknown account should not be readable")

    item = detail.contents[0]
    assert item.uri == AnyUrl("ledger://accounts/1200")
    assert item.uri.host == "accounts" and item.uri.path == "/1200"
    body = json.loads(first_text(detail)[0])
    assert body["balance"] == "99.99" and body["entries"][0]["memo"] == "invoice 17"

    assert report.content[0].type == "text"
    assert isinstance(report.content[0], types.TextContent)
    assert report.content[0].text == "Receivables (1200): 99.99 over 1 entries"

    block = embedded.content[0]
    assert isinstance(block, types.EmbeddedResource)
    assert isinstance(block.resource, types.TextResourceContents)
    assert block.resource.mimeType == "application/json"
    assert block.resource.uri.path == "/1"
    assert embedded.structuredContent is None

    assert "0000" in missing.message
    assert missing.code == 0


async def test_prompts_and_completion() -> None:
    mcp, _ = make_server()
    async with create_connected_server_and_client_session(mcp._mcp_server) as session:
        prompts = await session.list_prompts()
        review = await session.get_prompt("monthly_review", {"account": "6200", "month": "2024-05"})
        explain = await session.get_prompt("explain-entry", {"entry_id": "3"})
        by_template = await session.complete(
            types.ResourceTemplateReference(type="ref/resource", uri="ledger://accounts/{code}"),
            {"name": "code", "value": "6"},
        )
        months = await session.complete(
            types.PromptReference(type="ref/prompt", name="monthly_review"),
            {"name": "month", "value": "1"},
            context_arguments={"year": "2023"},
        )
        nothing = await session.complete(
            types.PromptReference(type="ref/prompt", name="monthly_review"),
            {"name": "unknown", "value": ""},
        )

    names = {p.name: p for p in prompts.prompts}
    assert names["monthly_review"].title == "Monthly review"
    assert [a.name for a in names["monthly_review"].arguments or []] == ["account", "month"]
    assert [m.role for m in review.messages] == ["user", "assistant", "user"]
    first = review.messages[0].content
    assert isinstance(first, types.TextContent) and "6200" in first.text
    explain_text = explain.messages[0].content
    assert isinstance(explain_text, types.TextContent) and "does not exist" in explain_text.text

    assert by_template.completion.values == ["6100", "6200"]
    assert by_template.completion.hasMore is False
    assert months.completion.values == ["2023-10", "2023-11", "2023-12"]
    assert nothing.completion.values == [] and nothing.completion.hasMore is None


async def test_tool_snapshot_uses_wire_names() -> None:
    mcp, _ = make_server()
    async with create_connected_server_and_client_session(mcp._mcp_server) as session:
        init_tools = await session.list_tools()
    snap = snapshot_tools(init_tools.tools)
    balance = next(row for row in snap if row["name"] == "balance")
    assert "inputSchema" in balance and "outputSchema" in balance
    assert balance["annotations"] == {"readOnlyHint": True, "openWorldHint": False}
    assert init_tools.nextCursor is None
