"""Schema generation and the REST listing; no MCP involved."""

from __future__ import annotations

from tests.demo_app import Unit, build_app
from widgetkit.schema import coerce_arguments, describe_endpoint, input_schema, output_schema


def test_schemas_from_type_hints() -> None:
    app = build_app()
    schema = input_schema(app.endpoints["add_item"].func)
    assert schema["required"] == ["name"]
    props = schema["properties"]
    assert props["qty"] == {"type": "integer", "default": 1}
    assert props["unit"] == {"type": "string", "enum": ["piece", "box"], "default": "piece"}
    assert props["note"] == {"anyOf": [{"type": "string"}, {"type": "null"}]}
    # injected parameters never show up in the schema
    assert input_schema(app.endpoints["export_rows"].func)["properties"] == {"rows": {"type": "integer"}}
    assert input_schema(app.endpoints["whoami"].func) == {"type": "object", "properties": {}}
    out = output_schema(app.endpoints["add_item"].func)
    assert out is not None and out["required"] == ["name", "qty", "total_items", "unit"]
    assert output_schema(app.endpoints["search"].func) is None
    assert coerce_arguments(app.endpoints["add_item"].func, {"unit": "box"}) == {"unit": Unit.BOX}


def test_rest_listing_uses_camel_case_keys() -> None:
    app = build_app(filler=5)
    listing = app.list_endpoints(limit=4)
    assert listing["items"] == ["add_item", "enable_beta", "export_rows", "filler_00"]
    assert listing["nextCursor"] == "4"
    assert app.list_endpoints(cursor=listing["nextCursor"], limit=100)["nextCursor"] is None
    described = describe_endpoint(app.endpoints["export_rows"])
    assert described["streaming"] is True
    assert described["inputSchema"]["required"] == ["rows"]
    assert described["outputSchema"] is None
    page = app.pages["overview"]
    assert page.root.kind == "column"
    assert page.describe()["mimeType"] == "application/vnd.widgetkit.page+json"
    assert page.describe()["widgetCount"] == 3
