"""The docstore MCP server, built on the lowlevel ``Server``."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from typing import Any

from pydantic import AnyUrl
from starlette.requests import Request

import mcp.types as types
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.models import InitializationOptions
from mcp.shared.exceptions import McpError
from mcp.types import Cursor

from docstore import __version__
from docstore.config import DocstoreSettings
from docstore.context import DocstoreState
from docstore.notifications import SubscriptionHub
from docstore.prompts import PROMPTS, complete_argument, render_prompt
from docstore.storage import Document, DocumentNotFound, DocumentStore, InvalidCursor, paginate
from docstore.tools import ALL_TOOLS, TOOL_IMPLS, ToolResult
from docstore.uris import COLLECTION_TEMPLATE, DOC_TEMPLATE, CollectionRef, DocRef, UnknownUri, doc_uri, parse_uri

RESOURCE_NOT_FOUND = -32002
INSTRUCTIONS = "Documents live at docs://<collection>/<doc_id>; subscribe to a URI to hear about edits."


class DocstoreServer(Server[DocstoreState, Request]):
    """Lowlevel server whose lifespan hands every session the same :class:`DocstoreState`."""

    def __init__(self, state: DocstoreState, version: str = __version__):
        @asynccontextmanager
        async def lifespan(_: Server[DocstoreState, Request]) -> AsyncIterator[DocstoreState]:
            yield state

        super().__init__(state.settings.server_name, version, INSTRUCTIONS, lifespan=lifespan)
        self.state = state

    def create_initialization_options(
        self,
        notification_options: NotificationOptions | None = None,
        experimental_capabilities: dict[str, dict[str, Any]] | None = None,
    ) -> InitializationOptions:
        options = super().create_initialization_options(
            notification_options or NotificationOptions(resources_changed=True),
            experimental_capabilities or {"docstore": {"pageSize": self.state.settings.page_size}},
        )
        resources = options.capabilities.resources
        if resources is not None and types.SubscribeRequest in self.request_handlers:
            resources.subscribe = True  # the base class always reports subscribe=False
        return options

    def describe_capabilities(self) -> dict[str, Any]:
        caps = self.create_initialization_options().capabilities
        resources = caps.resources or types.ResourcesCapability()
        return {
            "resources": {"subscribe": bool(resources.subscribe), "listChanged": bool(resources.listChanged)},
            "logging": caps.logging is not None,
            "experimental": caps.experimental or {},
        }


def _doc_resource(doc: Document) -> types.Resource:
    return types.Resource(
        uri=doc_uri(doc.collection, doc.doc_id),
        name=doc.doc_id,
        title=doc.title,
        mimeType=doc.mime_type,
        size=len(doc.raw),
        annotations=types.Annotations(audience=["user", "assistant"], priority=0.8 if "pinned" in doc.tags else 0.5),
        _meta={"revision": doc.revision},
    )


def _error(code: int, message: str, uri: AnyUrl | None = None) -> McpError:
    return McpError(types.ErrorData(code=code, message=message, data={"uri": str(uri)} if uri else None))


def build_server(store: DocumentStore | None = None, settings: DocstoreSettings | None = None) -> DocstoreServer:
    settings = settings or DocstoreSettings()
    store = store or DocumentStore(max_document_bytes=settings.max_document_bytes)
    state = DocstoreState(store=store, settings=settings, hub=SubscriptionHub(), log_level=settings.log_level)
    server = DocstoreServer(state)

    @server.list_resources()
    async def list_resources(request: types.ListResourcesRequest) -> types.ListResourcesResult:
        ctx = server.request_context
        ctx.lifespan_context.hub.track(ctx.session)
        cursor: Cursor | None = request.params.cursor if request.params else None
        entries = [
            types.Resource(uri=CollectionRef(name).uri, name=f"{name}-index", mimeType="application/json")
            for name in store.collection_names()
        ]
        entries += [_doc_resource(doc) for doc in store.documents()]
        try:
            page = paginate(entries, cursor, settings.page_size, scope="resources")
        except InvalidCursor as exc:
            raise _error(types.INVALID_PARAMS, str(exc)) from exc
        return types.ListResourcesResult(resources=page.items, nextCursor=page.next_cursor)

    @server.list_resource_templates()
    async def list_resource_templates() -> list[types.ResourceTemplate]:
        return [
            types.ResourceTemplate(name="document", uriTemplate=DOC_TEMPLATE, description="A single document"),
            types.ResourceTemplate(name="collection-index", uriTemplate=COLLECTION_TEMPLATE, mimeType="application/json"),
        ]

    @server.read_resource()
    async def read_resource(uri: AnyUrl) -> Iterable[ReadResourceContents]:
        try:
            target = parse_uri(uri)
        except UnknownUri as exc:
            raise _error(types.INVALID_PARAMS, exc.reason, uri) from exc
        match target:
            case DocRef(collection=collection, doc_id=doc_id):
                try:
                    doc = store.get(collection, doc_id)
                except DocumentNotFound as exc:
                    raise _error(RESOURCE_NOT_FOUND, str(exc), uri) from exc
                meta = {"revision": doc.revision, "etag": doc.etag}
                return [ReadResourceContents(content=doc.body, mime_type=doc.mime_type, meta=meta)]
            case CollectionRef(collection=collection):
                index = [d.summary() for d in store.documents(collection)]
                if not index:
                    raise _error(RESOURCE_NOT_FOUND, f"no collection {collection!r}", uri)
                return [ReadResourceContents(content=json.dumps(index, indent=2), mime_type="application/json")]
            case _:
                return [ReadResourceContents(content=json.dumps(store.stats()), mime_type="application/json")]

    @server.subscribe_resource()
    async def subscribe(uri: AnyUrl) -> None:
        try:
            parse_uri(uri)
        except UnknownUri as exc:
            raise _error(types.INVALID_PARAMS, exc.reason, uri) from exc
        ctx = server.request_context
        ctx.lifespan_context.hub.subscribe(uri, ctx.session)

    @server.unsubscribe_resource()
    async def unsubscribe(uri: AnyUrl) -> None:
        ctx = server.request_context
        ctx.lifespan_context.hub.unsubscribe(uri, ctx.session)

    @server.list_prompts()
    async def list_prompts(request: types.ListPromptsRequest) -> types.ListPromptsResult:
        cursor = request.params.cursor if request.params else None
        page = paginate(PROMPTS, cursor, settings.prompt_page_size, scope="prompts")
        return types.ListPromptsResult(prompts=page.items, nextCursor=page.next_cursor)

    @server.get_prompt()
    async def get_prompt(name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:
        return render_prompt(server.request_context.lifespan_context, name, arguments)

    @server.completion()
    async def complete(
        ref: types.PromptReference | types.ResourceTemplateReference,
        argument: types.CompletionArgument,
        context: types.CompletionContext | None,
    ) -> types.Completion | None:
        return complete_argument(server.request_context.lifespan_context, ref, argument, context)

    @server.list_tools()
    async def list_tools() -> list[types.Tool]:
        return list(ALL_TOOLS)

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> ToolResult:
        impl = TOOL_IMPLS.get(name)
        if impl is None:
            raise ValueError(f"Unknown tool: {name}")
        return await impl(server.request_context.lifespan_context, arguments)

    @server.set_logging_level()
    async def set_logging_level(level: types.LoggingLevel) -> None:
        ctx = server.request_context
        ctx.lifespan_context.log_level = level
        await ctx.session.send_log_message(
            level="notice", data=f"log level set to {level}", logger="docstore", related_request_id=ctx.request_id
        )

    @server.progress_notification()
    async def on_client_progress(token: str | int, progress: float, total: float | None, message: str | None) -> None:
        state.client_progress[token] = (progress, total, message)

    return server
