"""Static catalog: tool, prompt and resource-template definitions."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import mcp.types as types
from pydantic import AnyUrl

SCHEME = "graph"
ENTITY_TEMPLATE = "graph://entities/{name}"
KIND_TEMPLATE = "graph://kinds/{kind}"
SUMMARY_URI = AnyUrl("graph://summary")
EXPORT_URI = AnyUrl("graph://export")
SNAPSHOT_URI = AnyUrl("graph://snapshot")


def entity_uri(name: str) -> AnyUrl:
    return AnyUrl(f"graph://entities/{quote(name, safe='')}")


def _object(required: list[str], **properties: Any) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": required}


_STR: dict[str, Any] = {"type": "string", "minLength": 1}
_STRS: dict[str, Any] = {"type": "array", "items": {"type": "string"}}
_ENTITY = _object(["name", "entityType"], name=_STR, entityType=_STR, observations=_STRS)
_RELATION = _object(["from", "to", "relationType"], **{"from": _STR, "to": _STR, "relationType": _STR})


def _tool(name: str, description: str, input_schema: dict[str, Any], *, read_only: bool, **extra: Any) -> types.Tool:
    hints = types.ToolAnnotations(
        title=name.replace("_", " ").capitalize(),
        readOnlyHint=read_only,
        destructiveHint=extra.pop("destructive", False),
        idempotentHint=extra.pop("idempotent", read_only),
        openWorldHint=False,
    )
    return types.Tool(name=name, description=description, inputSchema=input_schema, annotations=hints, **extra)


TOOLS: list[types.Tool] = [
    _tool(
        "create_entities",
        "Create one or more entities. Existing names are skipped.",
        _object(["entities"], entities={"type": "array", "items": _ENTITY, "minItems": 1}),
        read_only=False,
        outputSchema=_object(["created", "skipped"], created=_STRS, skipped=_STRS),
        execution=types.ToolExecution(taskSupport=types.TASK_FORBIDDEN),
    ),
    _tool(
        "add_observations",
        "Append observations to an existing entity.",
        _object(["name", "observations"], name=_STR, observations=_STRS | {"minItems": 1}),
        read_only=False,
        idempotent=True,
        outputSchema=_object(["entity", "added"], entity=_STR, added=_STRS),
    ),
    _tool(
        "create_relations",
        "Create typed relations between existing entities.",
        _object(["relations"], relations={"type": "array", "items": _RELATION, "minItems": 1}),
        read_only=False,
        idempotent=True,
    ),
    _tool(
        "delete_entity",
        "Delete an entity and every relation touching it.",
        _object(["name"], name=_STR),
        read_only=False,
        destructive=True,
    ),
    _tool(
        "search_nodes",
        "Case-insensitive search over names, types and observations.",
        _object(["query"], query=_STR, limit={"type": "integer", "minimum": 1, "maximum": 100}),
        read_only=True,
        outputSchema=_object(["matches", "total"], matches=_STRS, total={"type": "integer"}),
    ),
    _tool(
        "shortest_path",
        "Shortest relation path between two entities (relations are walked both ways).",
        _object(["source", "target"], source=_STR, target=_STR),
        read_only=True,
        outputSchema=_object(["path", "hops"], path=_STRS, hops={"type": "integer"}),
    ),
]

PROMPTS: list[types.Prompt] = [
    types.Prompt(
        name="summarize_entity",
        title="Summarise an entity",
        arguments=[types.PromptArgument(name="name", description="Entity name", required=True)],
    ),
    types.Prompt(
        name="compare_entities",
        description="Compare two entities and explain how they are connected.",
        arguments=[
            types.PromptArgument(name="left", required=True),
            types.PromptArgument(name="right", required=True),
            types.PromptArgument(name="focus", description="Optional aspect to focus on", required=False),
        ],
    ),
]

RESOURCE_TEMPLATES: list[types.ResourceTemplate] = [
    types.ResourceTemplate(name="entity", uriTemplate=ENTITY_TEMPLATE, mimeType="application/json"),
    types.ResourceTemplate(name="kind", uriTemplate=KIND_TEMPLATE, mimeType="text/plain"),
]

STATIC_RESOURCES: list[types.Resource] = [
    types.Resource(uri=SUMMARY_URI, name="summary", title="Graph summary", mimeType="text/markdown"),
    types.Resource(uri=EXPORT_URI, name="export", description="Full graph document", mimeType="application/json"),
    types.Resource(uri=SNAPSHOT_URI, name="snapshot", description="Gzipped graph document", mimeType="application/gzip"),
]
