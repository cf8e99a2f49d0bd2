"""The docstore MCP server.

``DocServer`` subclasses the lowlevel :class:`mcp.server.lowlevel.Server` and
registers its own bound methods as protocol handlers.
"""

from __future__ import annotations

import json
import logging
import time
from collections import Counter
from collections.abc import Iterable
from typing import Any

import anyio
import mcp.types as types
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.models import InitializationOptions
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError
from mcp.shared.session import RequestResponder
from pydantic import AnyUrl
from starlette.requests import Request

from docstore import __version__
from docstore.context import (
    DocContext,
    ProgressReporter,
    client_name,
    client_tag,
    current_context,
    http_header,
    log_to_client,
)
from docstore.settings import ServerSettings
from docstore.state import AppState, make_lifespan
from docstore.storage import (
    DocumentNotFound,
    DocumentStore,
    InvalidCursor,
    StorageError,
    seed_documents,
)
from docstore.subscriptions import SubscriptionRegistry
from docstore.tools import ALL_TOOLS, ContentBlocks, describe_document, json_text, optional_tags, require_str, text

logger = logging.getLogger(__name__)

INSTRUCTIONS = (
    "Documents live at doc://<collection>/<slug>. Subscribe to a document URI to be told "
    "when it changes; use search_documents before reading large collections."
)

STATS_URI = "stats://summary"

PROMPTS: list[types.Prompt] = [
    types.Prompt(
        name="summarize_document",
        title="Summarize a document",
        description="Ask the model for a short summary of one document.",
        arguments=[
            types.PromptArgument(name="collection", required=True),
            types.PromptArgument(name="slug", required=True),
            types.PromptArgument(name="style", description="bullet or prose", required=False),
        ],
    ),
    types.Prompt(
        name="compare_documents",
        title="Compare two documents",
        arguments=[
            types.PromptArgument(name="left", description="collection/slug", required=True),
            types.PromptArgument(name="right", description="collection/slug", required=True),
        ],
    ),
    types.Prompt(
        name="weekly_digest",
        title="Weekly digest",
        description="Draft a digest of a collection.",
        arguments=[types.PromptArgument(name="collection", required=True)],
    ),
]


def _not_found(uri: str, message: str) -> McpError:
    return McpError(types.ErrorData(code=types.INVALID_PARAMS, message=message, data={"uri": uri}))


def _split_key(value: str) -> tuple[str, str]:
    collection, _, slug = value.partition("/")
    if not collection or not slug:
        raise ValueError(f"expected 'collection/slug', got {value!r}")
    return collection, slug


class DocServer(Server[AppState, Request]):
    """Lowlevel MCP server exposing a :class:`DocumentStore`."""

    def __init__(
        self,
        store: DocumentStore | None = None,
        settings: ServerSettings | None = None,
        *,
        name: str = "docstore",
    ) -> None:
        self.store = store if store is not None else DocumentStore(seed_documents())
        self.settings = settings or ServerSettings()
        self.registry = SubscriptionRegistry()
        self.audit: Counter[str] = Counter()
        self.request_seconds: dict[str, float] = {}
        self.client_progress: dict[types.ProgressToken, float] = {}
        self.roots_changes = 0
        super().__init__(
            name,
            __version__,
            INSTRUCTIONS,
            lifespan=make_lifespan(self.store, self.registry, self.settings),
        )
        self.list_tools()(self.list_tool_definitions)
        self.call_tool()(self.dispatch_tool)
        self.list_resources()(self.handle_list_resources)
        self.list_resource_templates()(self.handle_list_templates)
        self.read_resource()(self.handle_read_resource)
        self.setup()

    def setup(self) -> None:
        """Register the optional capabilities: prompts, completion, subscriptions, logging."""
        self.request_handlers[types.ListPromptsRequest] = self._raw_list_prompts
        self.get_prompt()(self.handle_get_prompt)
        self.completion()(self.handle_completion)
        self.subscribe_resource()(self.handle_subscribe)
        self.request_handlers[types.UnsubscribeRequest] = self._raw_unsubscribe
        self.set_logging_level()(self.handle_set_level)
        self.progress_notification()(self.handle_client_progress)
        self.notification_handlers[types.RootsListChangedNotification] = self._on_roots_changed

    # ------------------------------------------------------------------
    # capabilities / initialization

    def get_capabilities(
        self,
        notification_options: NotificationOptions,
        experimental_capabilities: dict[str, dict[str, Any]],
    ) -> types.ServerCapabilities:
        capabilities = super().get_capabilities(notification_options, experimental_capabilities)
        if capabilities.resources is not None and types.SubscribeRequest in self.request_handlers:
            capabilities.resources.subscribe = True
        return capabilities

    def create_initialization_options(
        self,
        notification_options: NotificationOptions | None = None,
        experimental_capabilities: dict[str, dict[str, Any]] | None = None,
    ) -> InitializationOptions:
        options = notification_options or NotificationOptions(
            resources_changed=True,
            prompts_changed=False,
            tools_changed=False,
        )
        experimental: dict[str, dict[str, Any]] = {"docstore": {"cursorVersion": 1, "pageSize": self.settings.page_size}}
        experimental.update(experimental_capabilities or {})
        return InitializationOptions(
            server_name=self.name,
            server_version=self.version or __version__,
            capabilities=self.get_capabilities(options, experimental),
            instructions=self.instructions,
            website_url="https://docs.example.com/docstore",
            icons=[types.Icon(src="https://docs.example.com/icons/docstore.png", mimeType="image/png", sizes=["48x48"])],
        )

    async def _handle_request(
        self,
        message: RequestResponder[types.ClientRequest, types.ServerResult],
        req: types.ClientRequestType,
        session: ServerSession,
        lifespan_context: AppState,
        raise_exceptions: bool,
    ) -> None:
        method = req.method
        self.audit[method] += 1
        started = time.perf_counter()
        try:
            await super()._handle_request(message, req, session, lifespan_context, raise_exceptions)
        finally:
            elapsed = time.perf_counter() - started
            self.request_seconds[method] = self.request_seconds.get(method, 0.0) + elapsed
            logger.debug("%s handled in %.1fms", method, elapsed * 1000)

    @property
    def ctx(self) -> DocContext:
        return self.request_context

    # ------------------------------------------------------------------
    # tools

    async def list_tool_definitions(self) -> list[types.Tool]:
        return list(ALL_TOOLS)

    async def dispatch_tool(
        self, name: str, arguments: dict[str, Any]
    ) -> types.CallToolResult | ContentBlocks | dict[str, Any] | tuple[ContentBlocks, dict[str, Any]]:
        match name:
            case "search_documents":
                return await self.tool_search(arguments)
            case "put_document":
                return await self.tool_put(arguments)
            case "delete_document":
                return await self.tool_delete(arguments)
            case "bulk_import":
                return await self.tool_bulk_import(arguments)
            case "store_stats":
                return await self.tool_stats()
            case _:
                raise McpError(types.ErrorData(code=types.METHOD_NOT_FOUND, message=f"Unknown tool: {name}"))

    async def tool_search(self, arguments: dict[str, Any]) -> dict[str, Any]:
        query = require_str(arguments, "query")
        limit = int(arguments.get("limit", 5))
        hits = self.store.search(query, limit=limit, tags=optional_tags(arguments))
        return {
            "query": query,
            "total": len(hits),
            "results": [{"uri": doc.uri, "title": doc.title, "score": score} for doc, score in hits],
        }

    async def tool_put(self, arguments: dict[str, Any]) -> ContentBlocks:
        ctx = self.ctx
        doc, created = self.store.put(
            require_str(arguments, "collection"),
            require_str(arguments, "slug"),
            title=require_str(arguments, "title"),
            body=str(arguments.get("body", "")),
            tags=optional_tags(arguments),
        )
        await log_to_client(ctx, "info", {"event": "put", "uri": doc.uri, "created": created})
        if created:
            await ctx.session.send_resource_list_changed()
        await self.notify_updated(doc.uri)
        return describe_document(doc)

    async def tool_delete(self, arguments: dict[str, Any]) -> tuple[ContentBlocks, dict[str, Any]]:
        collection = require_str(arguments, "collection")
        slug = require_str(arguments, "slug")
        try:
            doc = self.store.delete(collection, slug)
        except DocumentNotFound as exc:
            raise _not_found(f"doc://{collection}/{slug}", str(exc)) from exc
        await self.ctx.session.send_resource_list_changed()
        await self.notify_updated(doc.uri)
        return [text(f"deleted {doc.uri}")], {"uri": doc.uri, "revision": doc.revision}

    async def tool_bulk_import(self, arguments: dict[str, Any]) -> types.CallToolResult:
        ctx = self.ctx
        items = arguments.get("documents") or []
        delay = int(arguments.get("delay_ms", 0)) / 1000
        progress = ProgressReporter(ctx, total=float(len(items)))
        created = updated = 0
        failures: list[dict[str, str]] = []
        await log_to_client(ctx, "info", f"importing {len(items)} documents", logger_name="docstore.import")
        for index, item in enumerate(items, start=1):
            key = f"{item.get('collection')}/{item.get('slug')}"
            try:
                doc, was_created = self.store.put(
                    str(item["collection"]),
                    str(item["slug"]),
                    title=str(item["title"]),
                    body=str(item["body"]),
                    tags=[str(t) for t in item.get("tags", [])],
                )
            except (KeyError, StorageError) as exc:
                failures.append({"key": key, "error": str(exc)})
                await log_to_client(ctx, "warning", f"skipped {key}: {exc}", logger_name="docstore.import")
            else:
                if was_created:
                    created += 1
                else:
                    updated += 1
                    await self.notify_updated(doc.uri)
            await progress.update(float(index), message=f"{index}/{len(items)} {key}")
            if delay:
                await anyio.sleep(delay)
        ctx.lifespan_context.imports_run += 1
        if created:
            await ctx.session.send_resource_list_changed()
        summary = {"created": created, "updated": updated, "failed": failures, "progressSent": progress.sent}
        return types.CallToolResult(
            content=[text(f"imported {created + updated} of {len(items)} documents"), json_text(summary)],
            structuredContent=summary,
            isError=bool(failures) and not (created or updated),
        )

    async def tool_stats(self) -> tuple[ContentBlocks, dict[str, Any]]:
        ctx = self.ctx
        state = ctx.lifespan_context
        stats = self.store.stats()
        stats.update(
            {
                "client": client_name(ctx),
                "clientTag": client_tag(ctx),
                "subscriptions": self.registry.uris_for(ctx.session),
                "logLevel": state.log_level,
                "importsRun": state.imports_run,
                "sessionHeader": http_header(ctx, "mcp-session-id"),
            }
        )
        return [json_text(stats)], stats

    # ------------------------------------------------------------------
    # resources

    async def handle_list_resources(self, request: types.ListResourcesRequest) -> types.ListResourcesResult:
        cursor: types.Cursor | None = request.params.cursor if request.params else None
        try:
            page = self.store.page(cursor, self.settings.page_size)
        except InvalidCursor as exc:
            raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=str(exc))) from exc
        resources = [
            types.Resource(
                uri=AnyUrl(doc.uri),
                name=doc.slug,
                title=doc.title,
                description=", ".join(doc.tags) or None,
                mimeType=doc.mimeType,
                size=len(doc.attachment) if doc.attachment is not None else len(doc.body.encode()),
                annotations=types.Annotations(audience=["user", "assistant"], priority=0.5),
                _meta={"etag": doc.etag, "revision": doc.revision},
            )
            for doc in page.items
        ]
        if cursor is None:
            resources.insert(
                0,
                types.Resource(uri=AnyUrl(STATS_URI), name="summary", title="Store summary", mimeType="application/json"),
            )
        return types.ListResourcesResult(resources=resources, nextCursor=page.nextCursor)

    async def handle_list_templates(self) -> list[types.ResourceTemplate]:
        return [
            types.ResourceTemplate(
                uriTemplate="doc://{collection}/{slug}",
                name="document",
                title="Document by collection and slug",
                mimeType="text/markdown",
            )
        ]

    async def handle_read_resource(self, uri: AnyUrl) -> Iterable[ReadResourceContents]:
        if uri.scheme == "stats":
            return [ReadResourceContents(content=json.dumps(self.store.stats()), mime_type="application/json")]
        if uri.scheme != "doc" or not uri.host or not uri.path:
            raise _not_found(str(uri), f"Unsupported resource URI: {uri}")
        collection, slug = uri.host, uri.path.lstrip("/")
        try:
            doc = self.store.get(collection, slug)
        except DocumentNotFound as exc:
            raise _not_found(str(uri), str(exc)) from exc
        meta = {"etag": doc.etag, "revision": doc.revision}
        if doc.attachment is not None:
            return [ReadResourceContents(content=doc.attachment, mime_type=doc.mimeType, meta=meta)]
        return [ReadResourceContents(content=f"# {doc.title}\n\n{doc.body}\n", mime_type=doc.mimeType, meta=meta)]

    # ------------------------------------------------------------------
    # subscriptions

    async def handle_subscribe(self, uri: AnyUrl) -> None:
        ctx = self.ctx
        if uri.scheme == "doc" and uri.host and f"{uri.host}{uri.path}" not in self.store:
            raise _not_found(str(uri), f"Cannot subscribe to missing document {uri}")
        self.registry.subscribe(ctx.session, uri)
        await log_to_client(ctx, "debug", f"subscribed to {uri}")

    async def _raw_unsubscribe(self, req: types.UnsubscribeRequest) -> types.ServerResult:
        ctx = self.ctx
        removed = self.registry.unsubscribe(ctx.session, req.params.uri)
        if not removed:
            logger.info("unsubscribe for %s without a subscription", req.params.uri)
        return types.ServerResult(types.EmptyResult())

    async def notify_updated(self, uri: str) -> int:
        """Tell subscribers that ``uri`` changed.

        The calling session is notified on its request stream; every other
        subscribed session gets a standalone notification.
        """
        ctx = current_context()
        target = AnyUrl(uri)
        sent = 0
        if self.registry.is_subscribed(ctx.session, target):
            await ctx.session.send_notification(
                types.ServerNotification(
                    types.ResourceUpdatedNotification(
                        method="notifications/resources/updated",
                        params=types.ResourceUpdatedNotificationParams(uri=target),
                    )
                ),
                related_request_id=ctx.request_id,
            )
            sent += 1
        sent += await self.registry.broadcast(target, exclude=[ctx.session])
        return sent

    # ------------------------------------------------------------------
    # prompts and completion

    async def _raw_list_prompts(self, req: types.ListPromptsRequest) -> types.ServerResult:
        cursor = req.params.cursor if req.params is not None else None
        start = int(cursor) if cursor and cursor.isdigit() else 0
        size = 2
        chunk = PROMPTS[start : start + size]
        next_cursor = str(start + size) if start + size < len(PROMPTS) else None
        return types.ServerResult(types.ListPromptsResult(prompts=chunk, nextCursor=next_cursor))

    async def handle_get_prompt(self, name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:
        args = arguments or {}
        if name == "summarize_document":
            doc = self._prompt_doc(args.get("collection", ""), args.get("slug", ""))
            style = args.get("style", "bullet")
            return types.GetPromptResult(
                description=f"Summary of {doc.title}",
                messages=[
                    types.PromptMessage(
                        role="user",
                        content=types.EmbeddedResource(
                            type="resource",
                            resource=types.TextResourceContents(uri=AnyUrl(doc.uri), mimeType=doc.mimeType, text=doc.body),
                        ),
                    ),
                    types.PromptMessage(role="user", content=text(f"Summarize the document above as {style} points.")),
                ],
            )
        if name == "compare_documents":
            left = self._prompt_doc(*_split_key(args.get("left", "")))
            right = self._prompt_doc(*_split_key(args.get("right", "")))
            return types.GetPromptResult(
                messages=[
                    types.PromptMessage(
                        role="user",
                        content=text(f"Compare:\n\n## {left.title}\n{left.body}\n\n## {right.title}\n{right.body}"),
                    )
                ]
            )
        if name == "weekly_digest":
            collection = args.get("collection", "")
            slugs = self.store.slugs(collection)
            return types.GetPromptResult(
                messages=[
                    types.PromptMessage(role="user", content=text(f"Write a digest of {collection}: {', '.join(slugs)}")),
                    types.PromptMessage(role="assistant", content=text("Here is this week's digest:")),
                ]
            )
        raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"Unknown prompt: {name}"))

    def _prompt_doc(self, collection: str, slug: str):
        try:
            return self.store.get(collection, slug)
        except DocumentNotFound as exc:
            raise _not_found(f"doc://{collection}/{slug}", str(exc)) from exc

    async def handle_completion(
        self,
        ref: types.PromptReference | types.ResourceTemplateReference,
        argument: types.CompletionArgument,
        context: types.CompletionContext | None,
    ) -> types.Completion | None:
        resolved = (context.arguments or {}) if context is not None else {}
        if isinstance(ref, types.ResourceTemplateReference):
            if argument.name == "collection":
                candidates = self.store.collections()
            elif argument.name == "slug":
                candidates = self.store.slugs(resolved.get("collection", ""))
            else:
                return None
        elif ref.name in ("summarize_document", "weekly_digest") and argument.name == "collection":
            candidates = self.store.collections()
        elif ref.name == "summarize_document" and argument.name == "slug":
            candidates = self.store.slugs(resolved.get("collection", ""))
        else:
            return None
        matches = [c for c in candidates if c.startswith(argument.value)]
        return types.Completion(values=matches[:10], total=len(matches), hasMore=len(matches) > 10)

    # ------------------------------------------------------------------
    # logging and notifications

    async def handle_set_level(self, level: types.LoggingLevel) -> None:
        self.request_context.lifespan_context.log_level = level
        logger.info("client log level set to %s", level)

    async def handle_client_progress(
        self, progress_token: str | int, progress: float, total: float | None, message: str | None
    ) -> None:
        logger.debug("client progress %s: %s/%s %s", progress_token, progress, total, message or "")
        self.client_progress[progress_token] = progress

    async def _on_roots_changed(self, notification: types.RootsListChangedNotification) -> None:
        logger.info("client roots changed (%s)", notification.method)
        self.roots_changes += 1


def create_server(settings: ServerSettings | None = None, store: DocumentStore | None = None) -> DocServer:
    return DocServer(store=store, settings=settings)
