"""Span attribute helpers (draft OpenTelemetry semantic conventions for MCP)."""

from __future__ import annotations

import json
import logging
from typing import Any

from mcp import types
from mcp.types import Content

logger = logging.getLogger(__name__)

MCP_METHOD_NAME = "mcp.method.name"
MCP_REQUEST_ID = "mcp.request.id"
MCP_SESSION_ID = "mcp.session.id"
MCP_PROTOCOL_VERSION = "mcp.protocol.version"
MCP_TOOL_NAME = "gen_ai.tool.name"
MCP_TOOL_IS_ERROR = "mcp.tool.is_error"
MCP_RESOURCE_URI = "mcp.resource.uri"
MCP_PROGRESS_TOKEN = "mcp.progress_token"
MCP_SERVER_NAME = "mcp.server.name"
RPC_ERROR_CODE = "rpc.jsonrpc.error_code"

MAX_ATTRIBUTE_LENGTH = 4096

AnyRequest = types.ClientRequestType | types.ServerRequestType


def _truncate(value: str) -> str:
    return value if len(value) <= MAX_ATTRIBUTE_LENGTH else value[: MAX_ATTRIBUTE_LENGTH - 3] + "..."


def request_meta(root: AnyRequest) -> types.RequestParams.Meta | None:
    params = getattr(root, "params", None)
    return params.meta if isinstance(params, types.RequestParams) else None


def meta_carrier(meta: types.RequestParams.Meta | None) -> dict[str, str]:
    """Propagation fields (traceparent, tracestate, baggage) stored as `_meta` extras."""
    if meta is None:
        return {}
    return {key: value for key, value in (meta.model_extra or {}).items() if isinstance(value, str)}


def request_attributes(root: AnyRequest) -> dict[str, Any]:
    attributes: dict[str, Any] = {"rpc.system": "jsonrpc", MCP_METHOD_NAME: root.method}
    if isinstance(root, types.CallToolRequest):
        attributes[MCP_TOOL_NAME] = root.params.name
        if root.params.arguments:
            attributes["gen_ai.tool.call.arguments"] = _truncate(json.dumps(root.params.arguments, default=str))
    elif isinstance(root, types.ReadResourceRequest):
        attributes[MCP_RESOURCE_URI] = str(root.params.uri)
    elif isinstance(root, types.InitializeRequest):
        attributes[MCP_PROTOCOL_VERSION] = root.params.protocolVersion
        attributes["mcp.client.name"] = root.params.clientInfo.name
    meta = request_meta(root)
    if meta is not None and meta.progressToken is not None:
        attributes[MCP_PROGRESS_TOKEN] = str(meta.progressToken)
    return attributes


def text_of(blocks: list[Content]) -> str:
    return "\n".join(block.text for block in blocks if isinstance(block, types.TextContent))


def tool_result_attributes(result: types.CallToolResult) -> dict[str, Any]:
    attributes: dict[str, Any] = {
        MCP_TOOL_IS_ERROR: result.isError,
        "mcp.tool.content_types": [block.type for block in result.content],
    }
    if result.structuredContent is not None:
        attributes["gen_ai.tool.call.result"] = _truncate(json.dumps(result.structuredContent, default=str))
    elif text := text_of(result.content):
        attributes["gen_ai.tool.call.result"] = _truncate(text)
    return attributes


def result_attributes(result: Any) -> dict[str, Any]:
    try:
        if isinstance(result, types.CallToolResult):
            return tool_result_attributes(result)
        if isinstance(result, types.InitializeResult):
            return {
                MCP_PROTOCOL_VERSION: result.protocolVersion,
                MCP_SERVER_NAME: result.serverInfo.name,
                "mcp.server.version": result.serverInfo.version,
            }
        if isinstance(result, types.ListToolsResult):
            return {"mcp.tools.count": len(result.tools), "mcp.tools.has_more": result.nextCursor is not None}
        if isinstance(result, types.ReadResourceResult):
            return {
                "mcp.resource.schemes": sorted({item.uri.scheme for item in result.contents}),
                "mcp.resource.mime_types": sorted({item.mimeType or "" for item in result.contents}),
            }
    except Exception:  # telemetry must never break the caller
        logger.debug("failed to compute result attributes", exc_info=True)
    return {}
