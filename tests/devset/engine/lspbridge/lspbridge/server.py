"""The MCP side of the bridge, built on the lowlevel server."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from pydantic import AnyUrl
from starlette.requests import Request

import mcp.types as types
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.models import InitializationOptions

from lspbridge import __version__
from lspbridge.notify import SubscriptionHub
from lspbridge.workspace import Workspace

log = logging.getLogger(__name__)

INSTRUCTIONS = (
    "Exposes the documents currently open in the user's editor. Read file:// resources for "
    "their live (possibly unsaved) text and use find_symbol before asking the user where code lives."
)

SYMBOLS_TEMPLATE = "symbols://{path}"


@dataclass
class BridgeState:
    started_sessions: int = 0
    log_level: types.LoggingLevel = "info"
    extra: dict[str, Any] = field(default_factory=dict)


class BridgeServer:
    def __init__(self, workspace: Workspace, hub: SubscriptionHub | None = None) -> None:
        self.workspace = workspace
        self.hub = hub or SubscriptionHub()
        self.state = BridgeState()
        self.server: Server[BridgeState, Request] = Server(
            "lspbridge", __version__, INSTRUCTIONS, lifespan=self._lifespan
        )
        self._register()

    @asynccontextmanager
    async def _lifespan(self, server: Server[BridgeState, Request]) -> AsyncIterator[BridgeState]:
        self.state.started_sessions += 1
        log.info("session %d started on %s", self.state.started_sessions, server.name)
        yield self.state

    def initialization_options(self) -> InitializationOptions:
        return self.server.create_initialization_options(
            notification_options=NotificationOptions(resources_changed=True),
            experimental_capabilities={"workspaceContext": {"root": self.workspace.root, "liveText": True}},
        )

    # -- handlers -----------------------------------------------------------------------------

    def _register(self) -> None:
        server = self.server

        @server.list_resources()
        async def list_resources() -> list[types.Resource]:
            self.hub.seen(server.request_context.session)
            return [
                types.Resource(
                    uri=AnyUrl(doc.uri),
                    name=doc.path.rsplit("/", 1)[-1],
                    title=doc.path,
                    mimeType=doc.mime_type,
                    size=len(doc.text.encode()),
                    annotations=types.Annotations(audience=["user", "assistant"], priority=0.8 if doc.dirty else 0.5),
                )
                for doc in self.workspace.documents.values()
            ]

        @server.list_resource_templates()
        async def list_templates() -> list[types.ResourceTemplate]:
            return [
                types.ResourceTemplate(
                    uriTemplate=SYMBOLS_TEMPLATE,
                    name="symbols",
                    description="Symbols defined in an open document (JSON)",
                    mimeType="application/json",
                )
            ]

        @server.read_resource()
        async def read_resource(uri: AnyUrl) -> Iterable[ReadResourceContents]:
            path = uri.path or ""
            if uri.scheme == "file":
                doc = self._document(path)
                return [ReadResourceContents(content=doc.text, mime_type=doc.mime_type, meta={"version": doc.version})]
            if uri.scheme == "symbols":
                doc = self._document(path)
                payload = [{"name": s.name, "kind": s.kind, "line": s.line} for s in doc.symbols()]
                return [ReadResourceContents(content=json.dumps(payload), mime_type="application/json")]
            raise ValueError(f"unsupported URI scheme: {uri.scheme}")

        @server.subscribe_resource()
        async def subscribe(uri: AnyUrl) -> None:
            self.hub.subscribe(str(uri), server.request_context.session)

        @server.unsubscribe_resource()
        async def unsubscribe(uri: AnyUrl) -> None:
            self.hub.unsubscribe(str(uri), server.request_context.session)

        @server.set_logging_level()
        async def set_level(level: types.LoggingLevel) -> None:
            server.request_context.lifespan_context.log_level = level

        @server.list_tools()
        async def list_tools() -> list[types.Tool]:
            read_only = types.ToolAnnotations(readOnlyHint=True, idempotentHint=True, openWorldHint=False)
            return [
                types.Tool(
                    name="find_symbol",
                    title="Find symbol",
                    description="Find functions/classes in open documents whose name contains the query.",
                    inputSchema={
                        "type": "object",
                        "properties": {"query": {"type": "string"}, "limit": {"type": "integer", "minimum": 1}},
                        "required": ["query"],
                    },
                    annotations=read_only,
                ),
                types.Tool(
                    name="diagnostics",
                    title="Diagnostics",
                    description="Lint the open documents (or one path) and return the findings.",
                    inputSchema={"type": "object", "properties": {"path": {"type": "string"}}},
                    outputSchema={
                        "type": "object",
                        "properties": {"count": {"type": "integer"}, "items": {"type": "array"}},
                        "required": ["count", "items"],
                    },
                    annotations=read_only,
                ),
                types.Tool(
                    name="workspace_summary",
                    description="Counts of open documents by language and unsaved state.",
                    inputSchema={"type": "object", "properties": {}},
                    annotations=read_only,
                ),
            ]

        @server.call_tool()
        async def call_tool(name: str, arguments: dict[str, Any]) -> Any:
            ctx = server.request_context
            self.hub.seen(ctx.session)
            if name == "find_symbol":
                hits = self.workspace.find_symbol(arguments["query"], int(arguments.get("limit", 20)))
                if not hits:
                    return [types.TextContent(type="text", text=f"No symbol matching {arguments['query']!r}.")]
                return [types.TextContent(type="text", text=f"{s.kind} {s.name}  {s.path}:{s.line}") for s in hits]
            if name == "diagnostics":
                paths = [arguments["path"]] if arguments.get("path") else sorted(self.workspace.documents)
                items: list[dict[str, Any]] = []
                token = ctx.meta.progressToken if ctx.meta else None
                for i, path in enumerate(paths, start=1):
                    items.extend(d.__dict__ for d in self._document(path).diagnostics())
                    if token is not None:
                        await ctx.session.send_progress_notification(
                            token, i, len(paths), message=path, related_request_id=str(ctx.request_id)
                        )
                if ctx.lifespan_context.log_level == "debug":
                    await ctx.session.send_log_message(
                        "debug", {"linted": len(paths)}, logger="lspbridge", related_request_id=ctx.request_id
                    )
                return {"count": len(items), "items": items}
            if name == "workspace_summary":
                langs: dict[str, int] = {}
                for doc in self.workspace.documents.values():
                    langs[doc.language] = langs.get(doc.language, 0) + 1
                dirty = sum(1 for d in self.workspace.documents.values() if d.dirty)
                return {"documents": len(self.workspace.documents), "languages": langs, "unsaved": dirty}
            raise ValueError(f"Unknown tool: {name}")

        @server.completion()
        async def complete(
            ref: types.PromptReference | types.ResourceTemplateReference,
            argument: types.CompletionArgument,
            context: types.CompletionContext | None,
        ) -> types.Completion | None:
            wants_path = (isinstance(ref, types.ResourceTemplateReference) and ref.uri == SYMBOLS_TEMPLATE) or (
                isinstance(ref, types.PromptReference) and ref.name == "review_file"
            )
            if not wants_path or argument.name != "path":
                return None
            matches = self.workspace.paths_starting_with(argument.value)
            return types.Completion(values=matches[:100], total=len(matches), hasMore=len(matches) > 100)

        @server.list_prompts()
        async def list_prompts() -> list[types.Prompt]:
            return [
                types.Prompt(
                    name="review_file",
                    title="Review file",
                    description="Ask for a code review of one open document, with its diagnostics.",
                    arguments=[types.PromptArgument(name="path", description="Open document path", required=True)],
                )
            ]

        @server.get_prompt()
        async def get_prompt(name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:
            if name != "review_file":
                raise ValueError(f"Unknown prompt: {name}")
            path = (arguments or {}).get("path", "")
            doc = self._document(path)
            findings = "\n".join(f"- line {d.line}: {d.message}" for d in doc.diagnostics()) or "- none"
            return types.GetPromptResult(
                description=f"Review of {path}",
                messages=[
                    types.PromptMessage(
                        role="user",
                        content=types.EmbeddedResource(
                            type="resource",
                            resource=types.TextResourceContents(
                                uri=AnyUrl(doc.uri), mimeType=doc.mime_type, text=doc.text
                            ),
                        ),
                    ),
                    types.PromptMessage(
                        role="user",
                        content=types.TextContent(
                            type="text", text=f"Review {path}. The linter reported:\n{findings}"
                        ),
                    ),
                ],
            )

    def _document(self, path: str):
        try:
            return self.workspace.get(path)
        except KeyError:
            raise ValueError(f"document not open: {path}") from None
