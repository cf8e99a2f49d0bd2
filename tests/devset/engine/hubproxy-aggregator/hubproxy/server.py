"""The hub itself: a FastMCP server whose catalog is the union of its upstreams."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
from pydantic import AnyUrl
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

import mcp.types as types
from mcp.server.auth.provider import TokenVerifier
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.exceptions import ResourceError, ToolError
from mcp.server.fastmcp.prompts.base import AssistantMessage, Message, UserMessage
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError
from mcp.types import ContentBlock, ErrorData, GetPromptResult, TextContent

from hubproxy import __version__
from hubproxy.auth import SCOPE_CALL, SCOPE_READ, StaticTokenVerifier, build_auth_settings
from hubproxy.auth import build_transport_security, current_principal, current_tenant, has_scope
from hubproxy.config import HubConfig
from hubproxy.registry import UpstreamRegistry, is_read_only
from hubproxy.upstream import LocalServer
from hubproxy.wiretap import WireTap

DEFAULT_INSTRUCTIONS = (
    "This server aggregates several MCP servers. Tools, prompts and resource templates "
    "are namespaced as '<upstream>.<name>'. Call hub.status to see which upstreams are live."
)


@dataclass
class HubState:
    registry: UpstreamRegistry
    started_at: float = field(default_factory=time.time)
    log_level: types.LoggingLevel = "info"


@asynccontextmanager
async def hub_lifespan(server: FastMCP[HubState]) -> AsyncIterator[HubState]:
    assert isinstance(server, HubServer)
    cfg = server.config
    registry = UpstreamRegistry(cfg.upstreams, separator=cfg.separator, local_servers=server.local_servers, tap=server.tap)
    async with registry:
        yield HubState(registry=registry)


class HubServer(FastMCP[HubState]):
    def __init__(
        self, config: HubConfig, *, local_servers: Mapping[str, LocalServer] | None = None,
        token_verifier: TokenVerifier | None = None, tap: WireTap | None = None,
    ) -> None:
        self.config, self.local_servers, self.tap = config, dict(local_servers or {}), tap
        auth = build_auth_settings(config)
        if auth is not None and token_verifier is None:
            token_verifier = StaticTokenVerifier(config.api_tokens)
        super().__init__(
            config.name,
            config.instructions or DEFAULT_INSTRUCTIONS,
            token_verifier=token_verifier if auth is not None else None,
            host=config.host,
            port=config.port,
            streamable_http_path=config.streamable_http_path,
            json_response=config.json_response,
            stateless_http=config.stateless_http,
            log_level=config.log_level,
            lifespan=hub_lifespan,
            auth=auth,
            transport_security=build_transport_security(config),
        )
        self._register_builtins()
        self._register_lowlevel_handlers()

    def _registry(self) -> UpstreamRegistry:
        ctx = self.get_context()
        registry = ctx.request_context.lifespan_context.registry
        registry.attach(ctx.session)
        return registry

    # -- catalog overrides ----------------------------------------------------

    async def list_tools(self) -> list[types.Tool]:
        registry = self._registry()
        await registry.refresh_stale()
        return await super().list_tools() + registry.tools()

    async def call_tool(self, name: str, arguments: dict[str, Any]) -> Sequence[ContentBlock] | dict[str, Any]:
        found = self._registry().find_tool(name)
        if found is None:
            return await super().call_tool(name, arguments)
        conn, tool = found
        required = SCOPE_READ if is_read_only(tool) else SCOPE_CALL
        if not has_scope(required):
            raise ToolError(f"calling {name} requires the {required!r} scope")
        try:
            result = await conn.call_tool(tool.name, arguments, self.get_context())
        except McpError as exc:
            if exc.error.code == httpx.codes.REQUEST_TIMEOUT:
                raise ToolError(f"upstream {conn.name!r} timed out running {tool.name}") from exc
            raise ToolError(f"upstream {conn.name!r} rejected {tool.name}: {exc.error.message}") from exc

        if result.isError:
            detail = " ".join(block.text for block in result.content if isinstance(block, TextContent))
            raise ToolError(detail or f"{name} failed upstream")
        if result.structuredContent is None:
            return list(result.content)
        # Keep the upstream's own text next to its structured payload. The
        # lowlevel handler accepts a (content, structured) pair, which is the
        # same shape FastMCP's tool manager produces for structured tools.
        combined: Any = (list(result.content), result.structuredContent)
        return combined

    async def list_prompts(self) -> list[types.Prompt]:
        registry = self._registry()
        await registry.refresh_stale()
        return await super().list_prompts() + registry.prompts()

    async def get_prompt(self, name: str, arguments: dict[str, Any] | None = None) -> GetPromptResult:
        resolved = self._registry().split(name)
        if resolved is None or resolved[1] not in resolved[0].prompts:
            return await super().get_prompt(name, arguments)
        conn, original = resolved
        result = await conn.session.get_prompt(original, {k: str(v) for k, v in (arguments or {}).items()})
        return GetPromptResult(description=result.description or f"{original} (via {conn.name})", messages=result.messages)

    async def list_resources(self) -> list[types.Resource]:
        registry = self._registry()
        await registry.refresh_stale()
        return await super().list_resources() + registry.resources()

    async def list_resource_templates(self) -> list[types.ResourceTemplate]:
        return await super().list_resource_templates() + self._registry().templates()

    async def read_resource(self, uri: AnyUrl | str) -> Iterable[ReadResourceContents]:
        if str(uri).startswith("hub://"):
            return await super().read_resource(uri)
        conn = self._registry().resolve_resource(uri)
        if conn is None:
            raise McpError(ErrorData(code=types.INVALID_PARAMS, message=f"Unknown resource: {uri}", data={"uri": str(uri)}))
        result = await conn.session.read_resource(uri if isinstance(uri, AnyUrl) else AnyUrl(uri))
        contents: list[ReadResourceContents] = []
        for item in result.contents:
            if isinstance(item, types.TextResourceContents):
                contents.append(ReadResourceContents(content=item.text, mime_type=item.mimeType))
            else:
                contents.append(ReadResourceContents(content=base64.b64decode(item.blob), mime_type=item.mimeType))
        return contents

    # -- native surface -------------------------------------------------------

    def _register_builtins(self) -> None:
        @self.tool(name="hub.status", annotations=types.ToolAnnotations(readOnlyHint=True, openWorldHint=False))
        async def hub_status(ctx: Context[ServerSession, HubState], ping: bool = False) -> dict[str, Any]:
            """Report which upstreams are connected, their versions and how they are doing."""
            state = ctx.request_context.lifespan_context
            for index, conn in enumerate(state.registry.connections.values() if ping else []):
                await ctx.report_progress(index, len(state.registry.connections), message=f"pinging {conn.name}")
                await conn.ping()
            await ctx.debug(f"status requested by {current_principal()}")
            status = state.registry.status()
            uptime = round(time.time() - state.started_at, 3)
            return {**status, "hub": {"name": ctx.fastmcp.name, "uptime": uptime, "logLevel": state.log_level}}

        @self.tool(name="hub.whoami", annotations=types.ToolAnnotations(readOnlyHint=True))
        def hub_whoami() -> dict[str, str | None]:
            """Tell the caller how the hub sees them."""
            ctx = self.get_context()
            return {"principal": current_principal(), "tenant": current_tenant(), "clientId": ctx.client_id}

        @self.resource("hub://upstreams", name="upstreams", mime_type="application/json")
        def upstream_index() -> str:
            return json.dumps(self.config.describe()["mcpServers"], indent=2, sort_keys=True)

        @self.resource("hub://upstreams/{name}", name="upstream", mime_type="application/json")
        def upstream_detail(name: str, ctx: Context) -> str:
            conn = ctx.request_context.lifespan_context.registry.connections.get(name)
            if conn is None:
                raise ResourceError(f"no upstream named {name!r}")
            templates = [t.uriTemplate for t in conn.templates]
            return json.dumps({"tools": [t.model_dump() for t in conn.tools.values()], "templates": templates})

        @self.prompt(name="hub.route", description="Ask the model to pick the right upstream tool")
        def route(task: str, ctx: Context) -> list[Message]:
            registry: UpstreamRegistry = ctx.request_context.lifespan_context.registry
            catalog = "\n".join(f"- {tool.name}: {tool.description}" for tool in registry.tools())
            return [
                UserMessage(f"I need to: {task}\n\nAvailable tools:\n{catalog}"),
                AssistantMessage("I'll pick the single best tool and explain the arguments I'd pass."),
            ]

        @self.completion()
        async def complete(
            ref: types.PromptReference | types.ResourceTemplateReference,
            argument: types.CompletionArgument,
            context: types.CompletionContext | None,
        ) -> types.Completion | None:
            registry = self._registry()
            if isinstance(ref, types.ResourceTemplateReference):
                names = sorted(n for n in registry.connections if n.startswith(argument.value))
                return types.Completion(values=names, total=len(names), hasMore=False)
            resolved = registry.split(ref.name)
            if resolved is None:
                return None
            prompt_ref = types.PromptReference(type="ref/prompt", name=resolved[1])
            result = await resolved[0].session.complete(prompt_ref, {"name": argument.name, "value": argument.value})
            return result.completion

        @self.custom_route("/healthz", methods=["GET"])
        async def healthz(request: Request) -> Response:
            return JSONResponse({"status": "ok", "name": self.name, "version": __version__})


    def _register_lowlevel_handlers(self) -> None:
        lowlevel = self._mcp_server

        @lowlevel.set_logging_level()
        async def set_logging_level(level: types.LoggingLevel) -> None:
            state: HubState = lowlevel.request_context.lifespan_context
            state.log_level = level
            for conn in state.registry.connections.values():
                await conn.set_logging_level(level)

        @lowlevel.subscribe_resource()
        async def subscribe(uri: AnyUrl) -> None:
            ctx = lowlevel.request_context
            registry: UpstreamRegistry = ctx.lifespan_context.registry
            conn = registry.resolve_resource(uri)
            if conn is None:
                raise McpError(ErrorData(code=types.INVALID_PARAMS, message=f"Unknown resource: {uri}"))
            await conn.session.subscribe_resource(uri)
            registry.subscribe(ctx.session, uri)

        @lowlevel.unsubscribe_resource()
        async def unsubscribe(uri: AnyUrl) -> None:
            ctx = lowlevel.request_context
            registry: UpstreamRegistry = ctx.lifespan_context.registry
            registry.unsubscribe(ctx.session, uri)
            if (conn := registry.resolve_resource(uri)) is not None:
                await conn.session.unsubscribe_resource(uri)
