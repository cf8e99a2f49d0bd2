from __future__ import annotations

import base64
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.path.dirname(__file__))

from pydantic import AnyUrl  # noqa: E402

from mcp.types import (  # noqa: E402
    BlobResourceContents,
    PromptReference,
    ResourceTemplateReference,
    TextResourceContents,
)

from support import LogSink, connected, make_server  # noqa: E402
from warehouse.catalog import SAMPLE_TEMPLATE, SCHEMA_TEMPLATE  # noqa: E402
from warehouse.client import NotificationLog  # noqa: E402


async def test_static_and_templated_resources() -> None:
    async with connected(make_server()) as session:
        listing = await session.list_resources()
        templates = await session.list_resource_templates()
        catalog = await session.read_resource(AnyUrl("warehouse://catalog"))
        schema = await session.read_resource(AnyUrl("warehouse://tables/orders/schema"))
        sample = await session.read_resource(AnyUrl("warehouse://tables/products/sample/2"))

    by_uri = {str(r.uri): r for r in listing.resources}
    assert set(by_uri) == {"warehouse://catalog", "warehouse://docs/sql-dialect"}
    dialect = by_uri["warehouse://docs/sql-dialect"]
    assert dialect.mimeType == "text/markdown"
    assert dialect.uri.scheme == "warehouse" and dialect.uri.host == "docs"
    assert by_uri["warehouse://catalog"].annotations is not None
    assert by_uri["warehouse://catalog"].annotations.priority == 0.9

    assert {t.uriTemplate for t in templates.resourceTemplates} == {SCHEMA_TEMPLATE, SAMPLE_TEMPLATE}

    content = catalog.contents[0]
    assert isinstance(content, TextResourceContents)
    assert content.mimeType == "application/json"
    payload = json.loads(content.text)
    assert {"name": "orders", "rows": 48, "materialized": False} in payload["tables"]
    assert payload["schemaTemplate"] == SCHEMA_TEMPLATE

    schema_content = schema.contents[0]
    assert isinstance(schema_content, TextResourceContents)
    assert str(schema_content.uri) == "warehouse://tables/orders/schema"
    described = json.loads(schema_content.text)
    assert [c["name"] for c in described["columns"]] == ["id", "customer_id", "product_id", "quantity", "ordered_on"]

    sample_content = sample.contents[0]
    assert isinstance(sample_content, TextResourceContents)
    assert sample_content.mimeType == "text/csv"
    assert sample_content.text.splitlines() == [
        "id,sku,name,category,unit_price",
        "1,TNT-100,Trail Tent,camping,249.0",
        "2,BTL-075,Steel Bottle,hydration,24.5",
    ]


async def test_manifest_file_is_served_from_disk() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        manifest = Path(tmp) / "manifest.json"
        manifest.write_text(json.dumps({"models": ["orders", "mv_daily_revenue"]}), encoding="utf-8")
        server = make_server(manifest_path=manifest)
        async with connected(server) as session:
            listing = await session.list_resources()
            uri = next(r.uri for r in listing.resources if r.name == "manifest")
            result = await session.read_resource(uri)

    assert uri.scheme == "file"
    assert uri.path is not None and uri.path.endswith("/manifest.json")
    blob = result.contents[0]
    assert isinstance(blob, BlobResourceContents)
    assert blob.mimeType == "application/json"
    assert json.loads(base64.b64decode(blob.blob)) == {"models": ["orders", "mv_daily_revenue"]}


async def test_completions_for_templates_and_prompts() -> None:
    async with connected(make_server()) as session:
        tables = await session.complete(
            ResourceTemplateReference(type="ref/resource", uri=SCHEMA_TEMPLATE), {"name": "table", "value": "mv"}
        )
        sizes = await session.complete(
            ResourceTemplateReference(type="ref/resource", uri=SAMPLE_TEMPLATE), {"name": "rows", "value": ""}
        )
        columns = await session.complete(
            PromptReference(type="ref/prompt", name="analyze_table"),
            {"name": "column", "value": "r"},
            context_arguments={"table": "customers"},
        )
        unknown = await session.complete(
            PromptReference(type="ref/prompt", name="not_a_prompt"), {"name": "table", "value": ""}
        )

    assert tables.completion.values == ["mv_daily_revenue", "mv_region_revenue"]
    assert tables.completion.hasMore is False
    assert sizes.completion.values == ["5", "10", "25", "50", "100"]
    assert sizes.completion.total == 5
    assert columns.completion.values == ["region"]
    assert unknown.completion.values == []


async def test_subscribers_hear_about_refreshed_views() -> None:
    notes = NotificationLog()
    server = make_server()
    async with connected(server, message_handler=notes) as session:
        await session.subscribe_resource(AnyUrl("warehouse://tables/mv_region_revenue/schema"))
        refreshed = await session.call_tool("refresh_view", {"view": "mv_region_revenue"})
        await session.unsubscribe_resource(AnyUrl("warehouse://tables/mv_region_revenue/schema"))
        again = await session.call_tool("refresh_view", {"view": "mv_region_revenue"})

    assert refreshed.structuredContent == {"view": "mv_region_revenue", "rows": 3, "notified_subscribers": 1}
    assert again.structuredContent is not None and again.structuredContent["notified_subscribers"] == 0
    assert [str(u) for u in notes.updated] == ["warehouse://tables/mv_region_revenue/schema"]
    assert notes.updated[0].host == "tables"
    assert notes.list_changed == 2


async def test_client_log_level_is_respected() -> None:
    logs = LogSink()
    async with connected(make_server(), logging_callback=logs) as session:
        await session.set_logging_level("warning")
        await session.call_tool("run_query", {"sql": "SELECT * FROM orders", "limit": 5})

    assert logs.messages("info") == []
    assert logs.messages("warning") == ["result truncated to 5 rows"]
