from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import mcp.types as types
from toolbridge.framework import ToolArgumentError, ToolArguments
from toolbridge.schema import SchemaConversionError, describe_tool, normalize_schema, tool_to_spec

BOOKING_TOOL = types.Tool(
    name="book_room",
    title="Book a room",
    description="Reserve a meeting room.",
    inputSchema={
        "type": "object",
        "$defs": {
            "Slot": {
                "type": "object",
                "properties": {"start": {"type": "string"}, "minutes": {"type": "integer"}},
                "required": ["start"],
            }
        },
        "properties": {
            "room": {"type": "string", "enum": ["north", "south"], "description": "Room name"},
            "slot": {"$ref": "#/$defs/Slot"},
            "notes": {"anyOf": [{"type": "string"}, {"type": "null"}], "default": None, "title": "Notes"},
            "attendees": {"type": "array", "items": {"type": "string"}},
        },
        "required": ["room", "slot", "notes"],
    },
    outputSchema={"type": "object", "properties": {"confirmation": {"type": "string"}}},
    annotations=types.ToolAnnotations(readOnlyHint=False, destructiveHint=False, idempotentHint=True),
    icons=[types.Icon(src="https://example.com/room.png", mimeType="image/png")],
    execution=types.ToolExecution(taskSupport=types.TASK_REQUIRED),
)


def test_tool_to_spec_flattens_schema_and_annotations() -> None:
    spec = tool_to_spec(BOOKING_TOOL, prefix="rooms")

    assert spec.name == "rooms__book_room"
    assert spec.description == "Reserve a meeting room."
    params = {p.name: p for p in spec.parameters}
    assert params["room"].enum == ["north", "south"] and params["room"].required
    assert params["slot"].type == "object"
    assert spec.json_schema["properties"]["slot"]["required"] == ["start"]
    assert "$defs" not in spec.json_schema
    assert params["notes"].required is False and params["notes"].description == "Notes"
    assert params["attendees"].items_type == "string"
    assert spec.returns == {"type": "object", "properties": {"confirmation": {"type": "string"}}}
    assert spec.read_only is False and spec.destructive is False
    assert spec.tags == ["idempotent", "long-running", "icon:image/png"]
    assert spec.to_function()["function"]["parameters"] is spec.json_schema


def test_describe_tool_summary() -> None:
    summary = describe_tool(BOOKING_TOOL)
    assert summary["name"] == "book_room"
    assert summary["argumentCount"] == 4
    assert "inputSchema" in summary and "outputSchema" in summary
    assert summary["annotations"]["idempotentHint"] is True
    assert summary["execution"] == {"taskSupport": "required"}


def test_schema_errors_and_argument_validation() -> None:
    try:
        normalize_schema({"type": "array", "items": {"type": "string"}})
    except SchemaConversionError as exc:
        assert "object" in str(exc)
    else:
        raise AssertionError("array schema should be rejected")

    try:
        normalize_schema({"type": "object", "properties": {"x": {"$ref": "#/$defs/Missing"}}})
    except SchemaConversionError as exc:
        assert "Missing" in str(exc)
    else:
        raise AssertionError("dangling $ref should be rejected")

    args = ToolArguments.parse('{"room": "east", "slot": {"start": "09:00"}, "notes": null}')
    assert args.root["room"] == "east"
    assert args.without_none() == {"room": "east", "slot": {"start": "09:00"}}

    from toolbridge.framework import FrameworkTool, ToolOutput

    async def never(_: dict[str, object]) -> ToolOutput:
        raise AssertionError("not reached")

    tool = FrameworkTool(spec=tool_to_spec(BOOKING_TOOL), coroutine=never)
    for bad, fragment in ((args, "not in"), (ToolArguments.parse({"room": "north"}), "missing")):
        try:
            tool.validate(bad)
        except ToolArgumentError as exc:
            assert fragment in str(exc)
        else:
            raise AssertionError(f"expected validation failure for {bad.root}")
