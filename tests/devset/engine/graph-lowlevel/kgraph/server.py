"""The knowledge-graph MCP server.

``KnowledgeGraphServer`` owns the graph store and a lowlevel ``Server``; its
``build()`` method registers the bound handler methods with the server's
decorators.  Transports (stdio, streamable HTTP) live in ``kgraph.transport``.
"""

from __future__ import annotations

import gzip
import json
import logging
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import unquote

import mcp.types as types
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.models import InitializationOptions
from mcp.shared.exceptions import McpError
from pydantic import AnyUrl
from starlette.requests import Request

from kgraph import __version__
from kgraph.catalog import ENTITY_TEMPLATE, KIND_TEMPLATE, PROMPTS, RESOURCE_TEMPLATES, SCHEME, STATIC_RESOURCES, TOOLS
from kgraph.catalog import entity_uri
from kgraph.config import Settings
from kgraph.context import RequestHelpers, current_request_id
from kgraph.graph import GraphError, GraphStore, paginate
from kgraph.notify import SubscriptionRegistry
from kgraph.state import GraphState

logger = logging.getLogger(__name__)

INSTRUCTIONS = (
    "A persistent knowledge graph. Read graph://summary first, use search_nodes to find "
    "entities and graph://entities/{name} to read one in full."
)

ToolOutput = list[types.ContentBlock] | dict[str, Any] | tuple[list[types.ContentBlock], dict[str, Any]]


class GraphServer(Server[GraphState, Request]):
    """Lowlevel server that advertises resource subscriptions when they are wired up."""

    def get_capabilities(
        self, notification_options: NotificationOptions, experimental_capabilities: dict[str, dict[str, Any]]
    ) -> types.ServerCapabilities:
        capabilities = super().get_capabilities(notification_options, experimental_capabilities)
        if capabilities.resources is not None and types.SubscribeRequest in self.request_handlers:
            capabilities.resources.subscribe = True
        return capabilities


def _text(text: str) -> types.TextContent:
    return types.TextContent(type="text", text=text)


def _embedded(name: str, document: str) -> types.EmbeddedResource:
    contents = types.TextResourceContents(uri=entity_uri(name), mimeType="application/json", text=document)
    return types.EmbeddedResource(type="resource", resource=contents)


def _not_found(uri: AnyUrl, message: str = "Resource not found") -> McpError:
    return McpError(types.ErrorData(code=types.INVALID_PARAMS, message=message, data={"uri": str(uri)}))


class KnowledgeGraphServer:
    def __init__(self, store: GraphStore | None = None, settings: Settings | None = None) -> None:
        self.store = store if store is not None else GraphStore()
        self.settings = settings or Settings()
        self.subscriptions = SubscriptionRegistry()
        self.client_progress: list[tuple[str | int, float, float | None, str | None]] = []
        self._changed: set[str] = set()
        self._structural = False
        self.store.on_change(self._record_change)
        self.server = GraphServer("knowledge-graph", __version__, INSTRUCTIONS, lifespan=self._lifespan)
        self.ctx = RequestHelpers(self.server)
        self.build()

    @asynccontextmanager
    async def _lifespan(self, server: Server[GraphState, Request]) -> AsyncIterator[GraphState]:
        logger.info("session starting on %s (%d entities)", server.name, len(self.store))
        state = GraphState(store=self.store, settings=self.settings, subscriptions=self.subscriptions)
        yield state
        logger.info("session closed after %d calls", state.calls)

    def build(self) -> GraphServer:
        server = self.server
        server.list_tools()(self.list_tools)
        server.call_tool()(self.call_tool)
        server.list_resources()(self.list_resources)
        server.list_resource_templates()(self.list_resource_templates)
        server.read_resource()(self.read_resource)
        server.subscribe_resource()(self.subscribe)
        server.unsubscribe_resource()(self.unsubscribe)
        server.list_prompts()(self.list_prompts)
        server.get_prompt()(self.get_prompt)
        server.completion()(self.complete)
        server.set_logging_level()(self.set_logging_level)
        server.progress_notification()(self.on_client_progress)
        return server

    def initialization_options(self) -> InitializationOptions:
        return self.server.create_initialization_options(
            notification_options=NotificationOptions(resources_changed=True),
            experimental_capabilities={"kgraph": {"pageSize": self.settings.page_size}},
        )

    def _record_change(self, kind: str, name: str) -> None:
        self._changed.add(name)
        self._structural |= kind in ("entity.created", "entity.deleted")

    async def _flush_changes(self) -> None:
        changed, structural = sorted(n for n in self._changed if n in self.store), self._structural
        self._changed, self._structural = set(), False
        for name in changed:
            await self.subscriptions.publish_update(entity_uri(name))
        if structural:
            await self.subscriptions.broadcast_list_changed()

    # -- tools ------------------------------------------------------------
    async def list_tools(self) -> list[types.Tool]:
        return list(TOOLS)

    async def call_tool(self, name: str, arguments: dict[str, Any]) -> ToolOutput | types.CallToolResult:
        call_no = self.ctx.note_call()
        await self.ctx.log("debug", {"tool": name, "call": call_no, "trace": self.ctx.meta_value("traceId")})
        handler = getattr(self, f"_tool_{name}", None)
        logger.debug("tools/call %s (request %s)", name, current_request_id())
        if handler is None:
            raise ValueError(f"Unknown tool: {name}")
        try:
            return await handler(arguments)
        finally:
            await self._flush_changes()

    async def _tool_create_entities(self, arguments: dict[str, Any]) -> dict[str, Any]:
        created: list[str] = []
        skipped: list[str] = []
        async with self.ctx.steps(total=len(arguments["entities"])) as tracker:
            for raw in arguments["entities"]:
                if raw["name"] in self.store:
                    skipped.append(raw["name"])
                else:
                    created.append(self.store.add_entity(raw["name"], raw["entityType"], raw.get("observations", [])).name)
                if tracker is not None:
                    await tracker.progress(1, message=f"processed {raw['name']}")
        await self.ctx.log("info", f"created {len(created)} entities")
        return {"created": created, "skipped": skipped}

    async def _tool_add_observations(self, arguments: dict[str, Any]) -> tuple[list[types.ContentBlock], dict[str, Any]]:
        name = arguments["name"]
        added = self.store.add_observations(name, arguments["observations"])
        return [_text(f"{len(added)} new observation(s) on {name}")], {"entity": name, "added": added}

    async def _tool_create_relations(self, arguments: dict[str, Any]) -> list[types.ContentBlock]:
        lines: list[str] = []
        for index, raw in enumerate(arguments["relations"], start=1):
            rel = self.store.relate(raw["from"], raw["relationType"], raw["to"])
            lines.append(f"{rel.source} -{rel.relation}-> {rel.target}")
            await self.ctx.report(index, len(arguments["relations"]), message=lines[-1])
        return [_text("\n".join(lines))]

    async def _tool_delete_entity(self, arguments: dict[str, Any]) -> types.CallToolResult:
        name = arguments["name"]
        if name not in self.store:
            raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"no entity named {name!r}"))
        dropped = self.store.delete_entity(name)
        await self.ctx.log("warning", {"deleted": name, "relations": dropped})
        return types.CallToolResult(content=[_text(f"deleted {name} and {dropped} relation(s)")], isError=False)

    async def _tool_search_nodes(self, arguments: dict[str, Any]) -> types.CallToolResult:
        hits = self.store.search(arguments["query"])[: int(arguments.get("limit", 10))]
        content: list[types.ContentBlock] = [_text(f"{len(hits)} match(es) for {arguments['query']!r}")]
        content += [
            types.ResourceLink(
                type="resource_link", uri=entity_uri(e.name), name=e.name, description=e.kind, mimeType="application/json"
            )
            for e in hits
        ]
        return types.CallToolResult(content=content, structuredContent={"matches": [e.name for e in hits], "total": len(hits)})

    async def _tool_shortest_path(self, arguments: dict[str, Any]) -> dict[str, Any]:
        path = self.store.shortest_path(arguments["source"], arguments["target"])
        if path is None:
            raise GraphError(f"{arguments['source']} and {arguments['target']} are not connected")
        return {"path": path, "hops": len(path) - 1}

    # -- resources --------------------------------------------------------
    async def list_resources(self, request: types.ListResourcesRequest) -> types.ListResourcesResult:
        cursor = request.params.cursor if request.params is not None else None
        try:
            page = paginate(self.store.entities(), cursor, self.ctx.state.settings.page_size)
        except ValueError as exc:
            raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=str(exc))) from exc
        resources = list(STATIC_RESOURCES) if cursor is None else []
        for entity in page["items"]:
            description = f"{entity.kind} ({len(entity.observations)} observations)"
            resources.append(
                types.Resource(
                    uri=entity_uri(entity.name), name=entity.name, description=description, mimeType="application/json"
                )
            )
        return types.ListResourcesResult(resources=resources, nextCursor=page["nextCursor"])

    async def list_resource_templates(self) -> list[types.ResourceTemplate]:
        return list(RESOURCE_TEMPLATES)

    async def read_resource(self, uri: AnyUrl) -> Iterable[ReadResourceContents]:
        if uri.scheme != SCHEME:
            raise _not_found(uri, f"unsupported scheme {uri.scheme!r}")
        key = unquote((uri.path or "/").lstrip("/"))
        match uri.host:
            case "summary":
                return [ReadResourceContents(content=self._summary(), mime_type="text/markdown")]
            case "export":
                return [ReadResourceContents(content=json.dumps(self.store.to_document(), indent=2), mime_type="application/json")]
            case "snapshot":
                blob = gzip.compress(json.dumps(self.store.to_document(), indent=2).encode("utf-8"))
                return [ReadResourceContents(content=blob, mime_type="application/gzip")]
            case "entities" if key in self.store:
                body = self.store.get(key).to_dict() | {"relations": [r.to_dict() for r in self.store.relations(key)]}
                meta = {"revision": self.store.revision}
                return [ReadResourceContents(content=json.dumps(body, indent=2), mime_type="application/json", meta=meta)]
            case "kinds" if key in self.store.kinds():
                names = "\n".join(e.name for e in self.store.entities(kind=key))
                return [ReadResourceContents(content=names, mime_type="text/plain")]
            case _:
                raise _not_found(uri)

    def _summary(self) -> str:
        lines = [f"# Knowledge graph (revision {self.store.revision})", ""]
        for kind in self.store.kinds():
            lines.append(f"- **{kind}**: {', '.join(e.name for e in self.store.entities(kind=kind))}")
        lines.append(f"\n{len(self.store)} entities, {len(self.store.relations())} relations")
        return "\n".join(lines)

    async def subscribe(self, uri: AnyUrl) -> None:
        self.subscriptions.subscribe(uri, self.ctx.session)
        await self.ctx.log("debug", f"subscribed to {uri}")

    async def unsubscribe(self, uri: AnyUrl) -> None:
        if not self.subscriptions.unsubscribe(uri, self.ctx.session):
            logger.debug("unsubscribe for %s without subscription", uri)

    # -- prompts & completion ---------------------------------------------
    async def list_prompts(self) -> list[types.Prompt]:
        return list(PROMPTS)

    async def get_prompt(self, name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:
        args = arguments or {}
        if name == "summarize_entity":
            tree = self.store.neighbourhood(args["name"])
            entity, neighbours = tree.root, ", ".join(f"{c.edge} {c.root.name}" for c in tree.children)
            ask = f"Summarise {entity.name} in two sentences. Known relations: {neighbours or 'none'}."
            return types.GetPromptResult(
                description=f"Summary of {entity.name}",
                messages=[
                    types.PromptMessage(role="user", content=_embedded(entity.name, json.dumps(entity.to_dict()))),
                    types.PromptMessage(role="user", content=_text(ask)),
                ],
            )
        if name == "compare_entities":
            path = self.store.shortest_path(args["left"], args["right"])
            focus = f" Focus on {args['focus']}." if args.get("focus") else ""
            return types.GetPromptResult(
                messages=[
                    types.PromptMessage(role="user", content=_text(f"Compare {args['left']} and {args['right']}.{focus}")),
                    types.PromptMessage(role="assistant", content=_text(f"Known path: {' -> '.join(path or ['none'])}")),
                ]
            )
        raise ValueError(f"Unknown prompt: {name}")

    async def complete(
        self,
        ref: types.PromptReference | types.ResourceTemplateReference,
        argument: types.CompletionArgument,
        context: types.CompletionContext | None,
    ) -> types.Completion | None:
        if isinstance(ref, types.ResourceTemplateReference) and ref.uri == KIND_TEMPLATE:
            candidates = [k for k in self.store.kinds() if k.startswith(argument.value)]
        elif isinstance(ref, types.ResourceTemplateReference) and ref.uri != ENTITY_TEMPLATE:
            return None
        else:
            taken = set(context.arguments.values()) if context is not None and context.arguments else set()
            candidates = [n for n in self.store.names_with_prefix(argument.value) if n not in taken]
        return types.Completion(values=candidates[:100], total=len(candidates), hasMore=len(candidates) > 100)

    # -- logging & client progress ----------------------------------------
    async def set_logging_level(self, level: types.LoggingLevel) -> None:
        self.ctx.state.log_level = level
        await self.ctx.log("notice", f"log level set to {level}")

    async def on_client_progress(
        self, progress_token: str | int, progress: float, total: float | None, message: str | None
    ) -> None:
        self.client_progress.append((progress_token, progress, total, message))
