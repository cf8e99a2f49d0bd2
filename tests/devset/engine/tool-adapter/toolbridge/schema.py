"""Convert MCP tool definitions into framework ToolSpecs."""

from __future__ import annotations

import copy
from typing import Any

import mcp.types as types

from .framework import ParameterSpec, ToolSpec

_JSON_TO_PARAM_TYPE = {
    "string": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
    "array": "array",
    "object": "object",
    "null": "null",
}


class SchemaConversionError(ValueError):
    pass


def _resolve_refs(node: Any, defs: dict[str, Any], seen: frozenset[str] = frozenset()) -> Any:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            key = ref.removeprefix("#/$defs/")
            if key in seen:
                raise SchemaConversionError(f"recursive schema reference {ref}")
            if key not in defs:
                raise SchemaConversionError(f"unresolved schema reference {ref}")
            merged = {k: v for k, v in node.items() if k != "$ref"}
            target = _resolve_refs(defs[key], defs, seen | {key})
            return {**target, **merged}
        return {k: _resolve_refs(v, defs, seen) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_resolve_refs(item, defs, seen) for item in node]
    return node


def normalize_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """Inline ``$defs`` references and guarantee an object schema at the top."""
    schema = copy.deepcopy(schema)
    defs = schema.get("$defs", {})
    resolved: dict[str, Any] = _resolve_refs(schema, defs)
    resolved.setdefault("type", "object")
    resolved.setdefault("properties", {})
    resolved.pop("title", None)
    if resolved["type"] != "object":
        raise SchemaConversionError(f"tool input schema must be an object, got {resolved['type']!r}")
    return resolved


def _unwrap_optional(prop: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    for key in ("anyOf", "oneOf"):
        options = prop.get(key)
        if isinstance(options, list):
            non_null = [o for o in options if isinstance(o, dict) and o.get("type") != "null"]
            if len(non_null) == 1 and len(non_null) < len(options):
                inner = dict(non_null[0])
                for k, v in prop.items():
                    if k != key:
                        inner.setdefault(k, v)
                return inner, True
    return prop, False


def _param_type(prop: dict[str, Any]) -> str:
    raw = prop.get("type")
    if isinstance(raw, list):
        raw = next((t for t in raw if t != "null"), "string")
    if raw is None:
        if "enum" in prop:
            return "string"
        if "properties" in prop:
            return "object"
        return "any"
    return _JSON_TO_PARAM_TYPE.get(str(raw), "any")


def parameters_from_schema(schema: dict[str, Any]) -> list[ParameterSpec]:
    required = set(schema.get("required", []))
    params: list[ParameterSpec] = []
    for name, raw_prop in schema.get("properties", {}).items():
        prop, optional = _unwrap_optional(dict(raw_prop))
        items = prop.get("items")
        params.append(
            ParameterSpec(
                name=name,
                type=_param_type(prop),
                description=prop.get("description") or prop.get("title"),
                required=name in required and not optional,
                enum=prop.get("enum"),
                default=prop.get("default"),
                items_type=_param_type(items) if isinstance(items, dict) else None,
            )
        )
    return params


def qualified_name(tool_name: str, prefix: str | None, separator: str = "__") -> str:
    return f"{prefix}{separator}{tool_name}" if prefix else tool_name


def tool_to_spec(tool: types.Tool, *, prefix: str | None = None, separator: str = "__") -> ToolSpec:
    """Build a framework ToolSpec from an MCP Tool."""
    schema = normalize_schema(tool.inputSchema)
    annotations = tool.annotations

    read_only = bool(annotations and annotations.readOnlyHint)
    destructive = False
    if annotations is not None and not read_only:
        destructive = annotations.destructiveHint is not False

    title = tool.title or (annotations.title if annotations else None)
    description = tool.description or title or tool.name

    tags: list[str] = []
    if annotations is not None:
        if annotations.idempotentHint:
            tags.append("idempotent")
        if annotations.openWorldHint:
            tags.append("open-world")
    if tool.execution is not None and tool.execution.taskSupport == types.TASK_REQUIRED:
        tags.append("long-running")
    if tool.icons:
        icon = tool.icons[0]
        tags.append(f"icon:{icon.mimeType or 'image/*'}")

    output_schema = tool.outputSchema
    returns = normalize_output_schema(output_schema) if output_schema is not None else None

    return ToolSpec(
        name=qualified_name(tool.name, prefix, separator),
        description=description,
        parameters=parameters_from_schema(schema),
        json_schema=schema,
        returns=returns,
        read_only=read_only,
        destructive=destructive,
        tags=tags,
    )


def normalize_output_schema(schema: dict[str, Any]) -> dict[str, Any]:
    defs = schema.get("$defs", {})
    resolved: dict[str, Any] = _resolve_refs(copy.deepcopy(schema), defs)
    return resolved


def describe_tool(tool: types.Tool) -> dict[str, Any]:
    """Compact JSON-friendly summary for logs and the CLI listing."""
    summary = tool.model_dump(exclude_none=True, exclude={"icons", "meta"})
    summary["argumentCount"] = len(tool.inputSchema.get("properties", {}))
    return summary
