"""Build an OpenAPI 3.1 document from upstream tool definitions."""

from __future__ import annotations

from typing import Any

from mcp.types import Tool

from restbridge.upstreams import Upstream

ERROR_SCHEMA = {
    "type": "object",
    "properties": {
        "error": {"type": "string"},
        "code": {"type": "integer"},
        "content": {"type": "array", "items": {"type": "object"}},
    },
    "required": ["error"],
}


def _operation_id(upstream: str, tool: str) -> str:
    return f"{upstream}__{tool}".replace("-", "_").replace(".", "_")


def tool_operation(upstream: str, tool: Tool) -> dict[str, Any]:
    read_only = bool(tool.annotations and tool.annotations.readOnlyHint)
    response_schema: dict[str, Any]
    if tool.outputSchema:
        response_schema = {
            "type": "object",
            "properties": {"result": tool.outputSchema, "content": {"type": "array"}},
        }
    else:
        response_schema = {"type": "object", "properties": {"content": {"type": "array"}}}
    op: dict[str, Any] = {
        "operationId": _operation_id(upstream, tool.name),
        "summary": tool.title or (tool.annotations.title if tool.annotations else None) or tool.name,
        "description": tool.description or "",
        "tags": [upstream],
        "requestBody": {
            "required": bool(tool.inputSchema.get("required")),
            "content": {"application/json": {"schema": tool.inputSchema}},
        },
        "responses": {
            "200": {"description": "Tool result", "content": {"application/json": {"schema": response_schema}}},
            "422": {"description": "Tool reported an error", "content": {"application/json": {"schema": ERROR_SCHEMA}}},
            "504": {"description": "Upstream timed out"},
        },
        "x-mcp-tool": tool.model_dump(exclude_none=True, exclude={"inputSchema", "outputSchema"}),
    }
    if read_only:
        op["x-read-only"] = True
    return op


def build_document(upstreams: dict[str, Upstream], *, title: str, version: str = "0.3.0", base_path: str = "") -> dict[str, Any]:
    paths: dict[str, Any] = {}
    tags: list[dict[str, str]] = []
    for name, upstream in sorted(upstreams.items()):
        info = upstream.server_info
        tags.append({"name": name, "description": f"{info.name} {info.version}" if info else name})
        for tool in upstream.tools.values():
            paths[f"{base_path}/u/{name}/tools/{tool.name}"] = {"post": tool_operation(name, tool)}
        caps = upstream.capabilities
        if caps is not None and caps.resources is not None:
            paths[f"{base_path}/u/{name}/resources"] = {
                "get": {
                    "operationId": _operation_id(name, "read_resource"),
                    "tags": [name],
                    "parameters": [{"name": "uri", "in": "query", "required": True, "schema": {"type": "string"}}],
                    "responses": {"200": {"description": "Resource contents"}},
                }
            }
    return {
        "openapi": "3.1.0",
        "info": {"title": title, "version": version},
        "tags": tags,
        "paths": paths,
    }
