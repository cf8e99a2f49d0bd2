"""Tool definitions and implementations for the docstore server."""

from __future__ import annotations

import base64
from collections.abc import Awaitable, Callable
from typing import Any, TypeAlias

import anyio

import mcp.types as types
from mcp.shared.exceptions import McpError
from mcp.types import Content

from docstore import context
from docstore.context import DocstoreState
from docstore.storage import DocumentTooLarge
from docstore.uris import doc_uri

ToolResult: TypeAlias = list[Content] | dict[str, Any] | tuple[list[Content], dict[str, Any]] | types.CallToolResult
ToolImpl: TypeAlias = Callable[[DocstoreState, dict[str, Any]], Awaitable[ToolResult]]

_NAME = {"type": "string", "pattern": "^[a-z0-9][a-z0-9._-]{0,63}$"}
_DOC_ARGS = {"collection": _NAME, "doc_id": _NAME}

SEARCH_TOOL = types.Tool(
    name="search_documents",
    title="Search documents",
    description="Full-text search over titles, bodies and tags.",
    inputSchema={
        "type": "object",
        "properties": {"query": {"type": "string"}, "collection": _NAME, "limit": {"type": "integer", "maximum": 50}},
        "required": ["query"],
        "additionalProperties": False,
    },
    outputSchema={
        "type": "object",
        "properties": {"query": {"type": "string"}, "total": {"type": "integer"}, "hits": {"type": "array"}},
        "required": ["query", "total", "hits"],
    },
    annotations=types.ToolAnnotations(readOnlyHint=True, openWorldHint=False),
)

PUT_TOOL = types.Tool(
    name="put_document",
    description="Create or replace a document. Send `text`, or `base64` for binary content.",
    inputSchema={
        "type": "object",
        "properties": {
            **_DOC_ARGS,
            **{key: {"type": "string"} for key in ("title", "text", "base64", "mime_type")},
            "tags": {"type": "array", "items": {"type": "string"}},
        },
        "required": ["collection", "doc_id"],
        "oneOf": [{"required": ["text"]}, {"required": ["base64"]}],
    },
    outputSchema={
        "type": "object",
        "properties": {"uri": {"type": "string"}, "revision": {"type": "integer"}, "created": {"type": "boolean"}},
        "required": ["uri", "revision", "created"],
    },
    annotations=types.ToolAnnotations(destructiveHint=False, idempotentHint=True),
)

DELETE_TOOL = types.Tool(
    name="delete_document",
    description="Removes a document permanently.",
    inputSchema={"type": "object", "properties": _DOC_ARGS, "required": ["collection", "doc_id"]},
    annotations=types.ToolAnnotations(destructiveHint=True),
)

REINDEX_TOOL = types.Tool(
    name="reindex",
    description="Re-tokenises every document, reporting progress per document.",
    inputSchema={"type": "object", "properties": {"collection": _NAME, "delay_ms": {"type": "integer"}}},
    outputSchema={
        "type": "object",
        "properties": {"indexed": {"type": "integer"}, "terms": {"type": "integer"}},
        "required": ["indexed", "terms"],
    },
    execution=types.ToolExecution(taskSupport=types.TASK_FORBIDDEN),
)

PRUNE_TOOL = types.Tool(
    name="prune_sessions",
    description="Pings every connected session and forgets the ones that no longer answer.",
    inputSchema={"type": "object"},
)

ALL_TOOLS: list[types.Tool] = [SEARCH_TOOL, PUT_TOOL, DELETE_TOOL, REINDEX_TOOL, PRUNE_TOOL]


async def search_documents(state: DocstoreState, args: dict[str, Any]) -> dict[str, Any]:
    hits = state.store.search(args["query"], collection=args.get("collection"), limit=args.get("limit", 10))
    await context.log("debug", {"event": "search", "query": args["query"], "hits": len(hits)})
    rows = [{"uri": str(doc_uri(d.collection, d.doc_id)), "title": d.title, "score": score} for d, score in hits]
    return {"query": args["query"], "total": len(rows), "hits": rows}


async def put_document(state: DocstoreState, args: dict[str, Any]) -> tuple[list[Content], dict[str, Any]]:
    body = args["text"] if "text" in args else base64.b64decode(args["base64"], validate=True)
    try:
        options = {"title": args.get("title"), "mime_type": args.get("mime_type"), "tags": args.get("tags")}
        doc, created = state.store.put(args["collection"], args["doc_id"], body, **options)
    except DocumentTooLarge as exc:
        error = types.ErrorData(code=types.INVALID_PARAMS, message=str(exc), data={"limit": state.store.max_document_bytes})
        raise McpError(error) from exc
    uri = doc_uri(doc.collection, doc.doc_id)
    notified = await state.hub.notify_updated(uri)
    if created:
        await state.hub.notify_list_changed()
    content: list[Content] = [
        types.TextContent(type="text", text=f"{'Created' if created else 'Updated'} {uri} (revision {doc.revision})"),
        types.ResourceLink(type="resource_link", uri=uri, name=doc.doc_id, title=doc.title, mimeType=doc.mime_type),
    ]
    return content, {"uri": str(uri), "revision": doc.revision, "created": created, "notified": notified}


async def delete_document(state: DocstoreState, args: dict[str, Any]) -> list[Content]:
    doc = state.store.delete(args["collection"], args["doc_id"])
    uri = doc_uri(doc.collection, doc.doc_id)
    await state.hub.notify_updated(uri)
    await state.hub.notify_list_changed()
    await context.log("notice", f"deleted {uri}")
    return [types.TextContent(type="text", text=f"Deleted {uri}")]


async def reindex(state: DocstoreState, args: dict[str, Any]) -> types.CallToolResult:
    docs = state.store.documents(args.get("collection"))
    terms: set[str] = set()
    for index, doc in enumerate(docs, start=1):
        terms |= doc.words()
        await context.log("debug", f"indexed {doc.key}", logger="docstore.index")
        await context.report_progress(index, len(docs), f"indexed {doc.key}")
        await anyio.sleep(args.get("delay_ms", 0) / 1000)
    await context.log("info", {"event": "reindex", "documents": len(docs)}, logger="docstore.index")
    structured = {"indexed": len(docs), "terms": len(terms), "requestedBy": context.meta_value("requestedBy")}
    return types.CallToolResult(
        content=[types.TextContent(type="text", text=f"Indexed {len(docs)} documents, {len(terms)} terms")],
        structuredContent=structured,
        isError=False,
    )


async def prune_sessions(state: DocstoreState, args: dict[str, Any]) -> list[Content]:
    alive = await state.hub.probe()
    return [types.TextContent(type="text", text=f"{alive} session(s) alive")]


TOOL_IMPLS: dict[str, ToolImpl] = {
    SEARCH_TOOL.name: search_documents,
    PUT_TOOL.name: put_document,
    DELETE_TOOL.name: delete_document,
    REINDEX_TOOL.name: reindex,
    PRUNE_TOOL.name: prune_sessions,
}
