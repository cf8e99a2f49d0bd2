from __future__ import annotations

import base64
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from support import connect, make_server, structured  # noqa: E402

from pydantic import AnyUrl  # noqa: E402

from mcp.shared.memory import create_connected_server_and_client_session  # noqa: E402
from mcp.types import BlobResourceContents, TextResourceContents  # noqa: E402

from datatools.charts import PNG_SIGNATURE  # noqa: E402
from datatools.client import NotificationLog  # noqa: E402


async def test_resource_listing_and_templates() -> None:
    async with connect() as conn:
        listing = await conn.session.list_resources()
        by_name = {r.name: r for r in listing.resources}
        assert set(by_name) == {"dataset-index", "catalog"}
        index = by_name["dataset-index"]
        assert str(index.uri) == "datasets://index"
        assert index.mimeType == "application/json"
        assert index.annotations is not None and index.annotations.priority == 0.9
        assert by_name["catalog"].uri.scheme == "file"

        templates = await conn.session.list_resource_templates()
        mime_by_template = {t.uriTemplate: t.mimeType for t in templates.resourceTemplates}
        assert mime_by_template == {
            "dataset://{name}/csv": "text/csv",
            "dataset://{name}/schema": "application/json",
            "chart://{name}/{column}": "image/png",
        }


async def test_read_dataset_views() -> None:
    async with connect() as conn:
        index = await conn.session.read_resource(AnyUrl("datasets://index"))
        entries = json.loads(index.contents[0].model_dump()["text"])["datasets"]
        assert [e["name"] for e in entries] == ["penguins", "sales"]
        assert entries[1]["mimeType"] == "text/csv"

        csv = await conn.session.read_resource(AnyUrl("dataset://sales/csv"))
        body = csv.contents[0]
        assert isinstance(body, TextResourceContents)
        assert body.mimeType == "text/csv"
        assert body.text.splitlines()[0] == "region,month,units,revenue,returned"
        assert body.uri == AnyUrl("dataset://sales/csv")

        schema = await conn.session.read_resource(AnyUrl("dataset://penguins/schema"))
        schema_text = schema.contents[0]
        assert isinstance(schema_text, TextResourceContents)
        parsed = json.loads(schema_text.text)
        assert parsed["rowCount"] == 10
        assert parsed["columns"][2]["name"] == "bill_length_mm"
        assert parsed["columns"][2]["type"] == "float"
        assert parsed["columns"][4]["stats"]["max"] == 230.0

        chart = await conn.session.read_resource(AnyUrl("chart://penguins/flipper_length_mm"))
        blob = chart.contents[0]
        assert isinstance(blob, BlobResourceContents)
        assert blob.mimeType == "image/png"
        assert base64.b64decode(blob.blob).startswith(PNG_SIGNATURE)

        listing = await conn.session.list_resources()
        catalog_uri = next(r.uri for r in listing.resources if r.name == "catalog")
        catalog = await conn.session.read_resource(catalog_uri)
        entry = catalog.contents[0]
        raw = base64.b64decode(entry.blob) if isinstance(entry, BlobResourceContents) else entry.text.encode()
        assert json.loads(raw)["datasets"][0]["name"] == "sales"


async def test_subscriptions_receive_updates() -> None:
    async with connect() as conn:
        await conn.session.subscribe_resource(AnyUrl("dataset://sales/csv"))
        status = structured(await conn.session.call_tool("server_status", {}))
        assert status["watching"] == ["dataset://sales/csv"]

        appended = await conn.session.call_tool(
            "append_rows",
            {"dataset": "sales", "rows": [{"region": "north", "month": "2024-03", "units": 140, "revenue": 2900.0}]},
        )
        assert structured(appended)["rows"] == 9
        assert structured(appended)["version"] == 2
        assert conn.notifications.updated == ["dataset://sales/csv"]

        await conn.session.unsubscribe_resource(AnyUrl("dataset://sales/csv"))
        await conn.session.call_tool("append_rows", {"dataset": "sales", "rows": []})
        assert conn.notifications.updated == ["dataset://sales/csv"]

        csv = await conn.session.read_resource(AnyUrl("dataset://sales/csv"))
        text = csv.contents[0]
        assert isinstance(text, TextResourceContents)
        assert text.text.rstrip().endswith("north,2024-03,140,2900.0,")


async def test_load_csv_announces_new_dataset() -> None:
    server = make_server()
    log = NotificationLog()
    async with create_connected_server_and_client_session(server._mcp_server, message_handler=log) as session:
        result = await session.call_tool(
            "load_csv", {"name": "tiny", "csv_text": "k,v\na,1\nb,2\n", "description": "two rows"}
        )
        assert not result.isError
        assert result.structuredContent == {
            "name": "tiny",
            "rows": 2,
            "columns": ["k", "v"],
            "dtypes": {"k": "str", "v": "int"},
            "version": 1,
            "uri": "dataset://tiny/csv",
        }
        assert log.list_changed == 1
        assert ("info", "loaded tiny (2 rows, version 1)") in log.logs

        await session.subscribe_resource(AnyUrl("dataset://tiny/schema"))
        await session.call_tool("load_csv", {"name": "tiny", "csv_text": "k,v\nc,3\n"})
        assert log.list_changed == 1
        assert log.updated == ["dataset://tiny/schema"]
