from __future__ import annotations

import base64
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from support import connect, structured  # noqa: E402

from mcp.types import EmbeddedResource, ImageContent, ResourceLink, TextContent, TextResourceContents  # noqa: E402

from datatools.charts import png_size  # noqa: E402


async def test_describe_returns_structured_stats() -> None:
    async with connect() as conn:
        tools = await conn.session.list_tools()
        describe = next(t for t in tools.tools if t.name == "describe")
        assert describe.outputSchema is not None
        assert describe.annotations is not None and describe.annotations.readOnlyHint is True
        assert "dataset" in describe.inputSchema["properties"]

        result = await conn.session.call_tool("describe", {"dataset": "sales", "columns": ["units", "region"]})
        assert not result.isError
        data = result.structuredContent
        assert data is not None
        assert data["rows"] == 8
        assert data["columns"]["units"]["max"] == 160.0
        assert data["columns"]["region"]["top"] == "north"
        assert isinstance(result.content[0], TextContent)


async def test_head_and_status_sync_tools() -> None:
    async with connect() as conn:
        table = structured(await conn.session.call_tool("head", {"dataset": "penguins", "n": 2}))
        assert table["total_rows"] == 10
        assert table["columns"][0] == "species"
        assert table["rows"] == [
            ["Adelie", "Torgersen", 39.1, 18.7, 181, 3750],
            ["Adelie", "Torgersen", 39.5, 17.4, 186, 3800],
        ]

        payload = structured(await conn.session.call_tool("server_status", {}, meta={"client_id": "notebook-7"}))
        assert payload["server"] == "data-tools"
        assert payload["clientId"] == "notebook-7"
        assert payload["datasets"] == ["penguins", "sales"]


async def test_filter_rows_builds_call_tool_result() -> None:
    async with connect() as conn:
        ok = await conn.session.call_tool(
            "filter_rows", {"dataset": "sales", "query": "units > 100 & region != south", "save_as": "big"}
        )
        assert ok.isError is False
        assert ok.structuredContent == {
            "dataset": "sales",
            "filter": "units > 100 & region != south",
            "matched": 4,
            "of": 8,
            "savedAs": "big",
        }
        link = ok.content[1]
        assert isinstance(link, ResourceLink)
        assert str(link.uri) == "dataset://big/csv" and link.mimeType == "text/csv"
        assert conn.notifications.list_changed == 1

        bad = await conn.session.call_tool("filter_rows", {"dataset": "sales", "column": "colour", "value": "red"})
        assert bad.isError
        assert bad.structuredContent is None
        first = bad.content[0]
        assert isinstance(first, TextContent) and "unknown column 'colour'" in first.text


async def test_histogram_image_and_export_embedded() -> None:
    async with connect() as conn:
        chart = await conn.session.call_tool("plot_histogram", {"dataset": "penguins", "column": "body_mass_g"})
        image = chart.content[0]
        assert isinstance(image, ImageContent)
        assert image.mimeType == "image/png"
        assert png_size(base64.b64decode(image.data)) == (160, 90)
        assert chart.structuredContent is None

        export = await conn.session.call_tool("export_dataset", {"dataset": "sales", "fmt": "json"})
        embedded = export.content[1]
        assert isinstance(embedded, EmbeddedResource)
        resource = embedded.resource
        assert isinstance(resource, TextResourceContents)
        assert resource.mimeType == "application/json"
        assert resource.uri.scheme == "dataset" and resource.uri.host == "sales"
        assert '"region": "north"' in resource.text


async def test_unknown_dataset_becomes_tool_error() -> None:
    async with connect() as conn:
        result = await conn.session.call_tool("describe", {"dataset": "nope"})
        assert result.isError
        text = result.content[0]
        assert isinstance(text, TextContent)
        assert "Unknown dataset: nope" in text.text

        bad_csv = await conn.session.call_tool("load_csv", {"name": "x", "csv_text": "a,b\n1\n"})
        assert bad_csv.isError
        assert "could not parse CSV" in str(bad_csv.content[0].model_dump())
