"""Tool definitions and small helpers shared by the tool handlers."""

from __future__ import annotations

import json
from typing import Any

import mcp.types as types
from pydantic import AnyUrl

from docstore.storage import Document

ContentBlocks = list[types.Content]

SEARCH_OUTPUT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "query": {"type": "string"},
        "total": {"type": "integer"},
        "results": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "uri": {"type": "string"},
                    "title": {"type": "string"},
                    "score": {"type": "number"},
                },
                "required": ["uri", "title", "score"],
            },
        },
    },
    "required": ["query", "total", "results"],
}

_DOC_ITEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "collection": {"type": "string"},
        "slug": {"type": "string"},
        "title": {"type": "string"},
        "body": {"type": "string"},
        "tags": {"type": "array", "items": {"type": "string"}},
    },
    "required": ["collection", "slug", "title", "body"],
}

READ_ONLY = types.ToolAnnotations(readOnlyHint=True, idempotentHint=True)
WRITES = types.ToolAnnotations(idempotentHint=True)
DESTRUCTIVE = types.ToolAnnotations(destructiveHint=True)


def _object_schema(properties: dict[str, Any], *required: str) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": list(required)}


def define_tool(
    name: str,
    title: str,
    description: str,
    input_schema: dict[str, Any],
    annotations: types.ToolAnnotations,
    **extra: Any,
) -> types.Tool:
    return types.Tool(
        name=name,
        title=title,
        description=description,
        inputSchema=input_schema,
        annotations=annotations,
        **extra,
    )


SEARCH_TOOL = define_tool(
    "search_documents",
    "Search documents",
    "Full-text search over titles and bodies.",
    _object_schema(
        {
            "query": {"type": "string", "minLength": 1},
            "limit": {"type": "integer", "minimum": 1, "maximum": 50, "default": 5},
            "tags": {"type": "array", "items": {"type": "string"}},
        },
        "query",
    ),
    READ_ONLY,
    outputSchema=SEARCH_OUTPUT_SCHEMA,
)

PUT_TOOL = define_tool(
    "put_document",
    "Create or update a document",
    "Store a document; subscribers of its URI are notified.",
    _DOC_ITEM_SCHEMA,
    WRITES,
)

DELETE_TOOL = define_tool(
    "delete_document",
    "Delete a document",
    "Remove a document from the store.",
    _object_schema({"collection": {"type": "string"}, "slug": {"type": "string"}}, "collection", "slug"),
    DESTRUCTIVE,
)

BULK_IMPORT_TOOL = define_tool(
    "bulk_import",
    "Bulk import",
    "Import many documents at once, reporting progress per document.",
    _object_schema(
        {
            "documents": {"type": "array", "items": _DOC_ITEM_SCHEMA, "minItems": 1},
            "delay_ms": {"type": "integer", "minimum": 0, "maximum": 1000, "default": 0},
        },
        "documents",
    ),
    WRITES,
    execution=types.ToolExecution(taskSupport=types.TASK_FORBIDDEN),
    icons=[types.Icon(src="https://docs.example.com/icons/import.svg", mimeType="image/svg+xml", sizes=["any"])],
)

STATS_TOOL = define_tool(
    "store_stats",
    "Store statistics",
    "Counts, sizes and subscription information for this connection.",
    {"type": "object", "properties": {}},
    READ_ONLY,
    _meta={"docstore/category": "diagnostics"},
)

ALL_TOOLS: list[types.Tool] = [SEARCH_TOOL, PUT_TOOL, DELETE_TOOL, BULK_IMPORT_TOOL, STATS_TOOL]


def text(value: str) -> types.TextContent:
    return types.TextContent(type="text", text=value)


def json_text(value: Any) -> types.TextContent:
    return text(json.dumps(value, indent=2, sort_keys=True))


def describe_document(doc: Document) -> ContentBlocks:
    """Content blocks describing a stored document: a summary and a link."""
    return [
        text(f"{doc.title} ({doc.uri}, revision {doc.revision})"),
        types.ResourceLink(
            type="resource_link",
            name=doc.slug,
            title=doc.title,
            uri=AnyUrl(doc.uri),
            mimeType=doc.mimeType,
        ),
    ]


def require_str(arguments: dict[str, Any], key: str) -> str:
    value = arguments.get(key)
    if not isinstance(value, str) or not value:
        raise ValueError(f"'{key}' must be a non-empty string")
    return value


def optional_tags(arguments: dict[str, Any]) -> list[str]:
    raw = arguments.get("tags") or []
    if not isinstance(raw, list):
        raise ValueError("'tags' must be a list of strings")
    return [str(tag) for tag in raw]
