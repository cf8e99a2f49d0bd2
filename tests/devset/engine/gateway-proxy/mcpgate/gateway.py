"""The gateway server: a FastMCP app whose catalog mirrors its upstreams."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import partial
from types import TracebackType
from typing import Any, Literal

import anyio
import httpx
from anyio.abc import TaskGroup
from pydantic import AnyUrl

import mcp.types as types
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.lowlevel.server import request_ctx
from mcp.server.session import ServerSession
from mcp.shared._httpx_utils import McpHttpClientFactory
from mcp.shared.exceptions import McpError
from mcp.shared.progress import ProgressContext

from mcpgate import errors
from mcpgate.catalog import Catalog, CatalogDiff, PromptRoute, ResourceRoute, ToolRoute
from mcpgate.config import GatewaySettings, UpstreamSpec
from mcpgate.naming import decode_passthrough
from mcpgate.proxies import ForwardContext, ProgressRelay, ProxyPrompt, ProxyResource, ProxyTool, contents_payload
from mcpgate.stats import GatewayStats
from mcpgate.upstream import ReadStream, Upstream, WriteStream

logger = logging.getLogger(__name__)


@dataclass
class GatewayState:
    gateway: Gateway
    started: datetime = field(default_factory=lambda: datetime.now(timezone.utc))


class Gateway:
    def __init__(
        self, settings: GatewaySettings | None = None, *, http_client_factory: McpHttpClientFactory | None = None
    ) -> None:
        self.settings = settings or GatewaySettings()
        self.catalog = Catalog(self.settings.separator)
        self.stats = GatewayStats()
        self.upstreams: dict[str, Upstream] = {}
        self.downstream_level: types.LoggingLevel = "info"
        self._http_client_factory = http_client_factory
        self._task_group: TaskGroup | None = None
        self._sessions: set[ServerSession] = set()
        self._subscribers: dict[str, set[ServerSession]] = {}
        self._inflight: dict[str, dict[str, ForwardContext]] = {}

        self.mcp: FastMCP[GatewayState] = FastMCP(
            self.settings.name,
            self.settings.instructions or "Tools, resources and prompts from several MCP servers.",
            host=self.settings.host,
            port=self.settings.port,
            streamable_http_path=self.settings.streamable_http_path,
            json_response=self.settings.json_response,
            stateless_http=self.settings.stateless_http,
            log_level=self.settings.log_level,
            lifespan=self._lifespan,
        )
        self._install_protocol_hooks()
        if self.settings.expose_admin:
            self._register_admin()

    # ------------------------------------------------------------- lifecycle

    async def __aenter__(self) -> Gateway:
        self._task_group = anyio.create_task_group()
        await self._task_group.__aenter__()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        for upstream in self.upstreams.values():
            upstream.stop()
        if self._task_group is not None:
            task_group, self._task_group = self._task_group, None
            await task_group.__aexit__(exc_type, exc, tb)

    @asynccontextmanager
    async def _lifespan(self, app: FastMCP[GatewayState]) -> AsyncIterator[GatewayState]:
        if self._task_group is not None:  # already running (HTTP app, tests)
            yield GatewayState(gateway=self)
            return
        async with self:
            await self.start()
            yield GatewayState(gateway=self)

    async def start(self) -> None:
        for spec in self.settings.upstreams.enabled():
            if spec.name in self.upstreams or spec.transport == "memory":
                continue
            try:
                await self.connect(spec)
            except* (OSError, httpx.HTTPError, McpError, TimeoutError) as group:
                logger.error("upstream %s failed to start: %s", spec.name, group.exceptions[0])
        await self.sync()

    async def connect(self, spec: UpstreamSpec, streams: tuple[ReadStream, WriteStream] | None = None) -> Upstream:
        """Start ``spec``'s transport, or run a session over ready-made ``streams``."""
        if self._task_group is None:
            raise RuntimeError("enter the gateway (async with gateway) before connecting upstreams")
        upstream = Upstream(spec, self, http_client_factory=self._http_client_factory)
        self.upstreams[spec.name] = upstream
        await self._task_group.start(partial(upstream.run, streams=streams))
        return upstream

    async def disconnect(self, name: str) -> None:
        """Tear down one upstream; its routes stay and report it as unavailable."""
        await self.upstreams[name].close()

    # ------------------------------------------------------------- syncing

    async def sync(self) -> None:
        for name, upstream in self.upstreams.items():
            if upstream.state == "ready":
                await self.sync_upstream(name)

    async def sync_upstream(self, name: str) -> CatalogDiff:
        upstream = self.upstreams[name]
        caps = upstream.capabilities or types.ServerCapabilities()
        diff = self.catalog.replace_upstream(
            name,
            upstream.spec.public_prefix,
            tools=await upstream.list_tools() if caps.tools else [],
            resources=await upstream.list_resources() if caps.resources else [],
            prompts=await upstream.list_prompts() if caps.prompts else [],
        )
        tools = self.mcp._tool_manager._tools
        resources = self.mcp._resource_manager._resources
        prompts = self.mcp._prompt_manager._prompts
        for tool_name in diff.tools_removed:
            tools.pop(tool_name, None)
        for uri in diff.resources_removed:
            resources.pop(uri, None)
        for prompt_name in diff.prompts_removed:
            prompts.pop(prompt_name, None)
        for route in diff.tools_added:
            tools[route.public_name] = ProxyTool.for_route(route, self.forward_tool)
        for rroute in diff.resources_added:
            self.mcp.add_resource(
                ProxyResource(
                    uri=rroute.public_uri,
                    name=rroute.public_name,
                    description=rroute.resource.description,
                    mime_type=rroute.resource.mimeType or "text/plain",
                    route=rroute,
                    fetch=self.fetch_resource,
                )
            )
        for proute in diff.prompts_added:
            self.mcp.add_prompt(ProxyPrompt.for_route(proute, self.fetch_prompt))
        upstream.dirty = False
        return diff

    # ------------------------------------------------------------ forwarding

    def _upstream(self, name: str) -> Upstream:
        if name not in self.upstreams:
            raise errors.upstream_unavailable(name)
        return self.upstreams[name]

    async def forward_tool(
        self, route: ToolRoute, arguments: dict[str, Any], ctx: ForwardContext | None
    ) -> types.CallToolResult:
        upstream = self._upstream(route.upstream)
        relay = ProgressRelay.for_context(ctx, lambda: self.stats.bump(route.upstream, "progressRelayed"))
        if ctx is not None:
            self._sessions.add(ctx.session)
            self.stats.note_client(ctx.client_id)
            self._inflight.setdefault(upstream.name, {})[ctx.request_id] = ctx
            await ctx.debug(f"forwarding {route.public_name} to {upstream.name}/{route.tool.name}")

        try:
            result = await upstream.call_tool(route.tool.name, arguments, progress_callback=relay)
        except McpError as exc:
            failure = errors.error_result(upstream.name, route.tool.name, exc.error)
            self.stats.record_call(upstream.name, route.public_name, is_error=True, error=failure.structuredContent)
            if ctx is not None:
                await ctx.warning(f"{route.public_name}: {errors.classify(exc.error)}: {exc.error.message}")
            return failure
        finally:
            if ctx is not None:
                self._inflight.get(upstream.name, {}).pop(ctx.request_id, None)
        self.stats.record_call(upstream.name, route.public_name, is_error=bool(result.isError))
        return result

    async def fetch_resource(self, route: ResourceRoute) -> str | bytes:
        ctx = self.mcp.get_context()
        await ctx.debug(f"reading {route.resource.uri} from {route.upstream}")
        result = await self._upstream(route.upstream).read_resource(route.resource.uri)
        return contents_payload(result.contents)

    async def fetch_prompt(self, route: PromptRoute, arguments: dict[str, str]) -> types.GetPromptResult:
        try:
            return await self._upstream(route.upstream).get_prompt(route.prompt.name, arguments)
        except McpError as exc:
            raise ValueError(f"{route.upstream} refused prompt {route.prompt.name}: {exc.error.message}") from exc

    # ------------------------------------------------------- upstream events

    async def catalog_changed(self, upstream: Upstream, method: str) -> None:
        if method != "notifications/tools/list_changed":
            return
        for session in list(self._sessions):
            try:
                await session.send_tool_list_changed()
            except (anyio.ClosedResourceError, anyio.BrokenResourceError):
                self._sessions.discard(session)

    async def resource_updated(self, upstream: Upstream, uri: AnyUrl) -> None:
        route = self.catalog.resource_for_upstream(upstream.name, uri)
        subscribers = self._subscribers.get(str(route.public_uri), set()) if route else set()
        for session in list(subscribers):
            try:
                await session.send_resource_updated(route.public_uri if route else uri)
            except (anyio.ClosedResourceError, anyio.BrokenResourceError):
                subscribers.discard(session)

    async def upstream_log(self, upstream: Upstream, params: types.LoggingMessageNotificationParams) -> None:
        data = params.data if isinstance(params.data, str) else json.dumps(params.data, default=str)
        for ctx in list(self._inflight.get(upstream.name, {}).values()):
            self.stats.bump(upstream.name, "logsRelayed")
            level: Literal["debug", "info", "warning", "error"] = "info" if params.level == "notice" else "error"
            if params.level in ("debug", "info", "warning", "error"):
                level = params.level
            await ctx.log(
                level=level,
                message=f"[{upstream.name}] {data}",
                logger_name=params.logger or f"upstream.{upstream.name}",
            )

    # -------------------------------------------------------- protocol hooks

    def _install_protocol_hooks(self) -> None:
        lowlevel = self.mcp._mcp_server

        @lowlevel.list_tools()
        async def list_tools() -> list[types.Tool]:
            for name, upstream in self.upstreams.items():
                if upstream.dirty and upstream.state == "ready":
                    await self.sync_upstream(name)
            return await self.mcp.list_tools()

        @lowlevel.subscribe_resource()
        async def subscribe(uri: AnyUrl) -> None:
            route = self.catalog.resource(uri)
            await self._upstream(route.upstream).subscribe(route.resource.uri)
            self._subscribers.setdefault(str(uri), set()).add(lowlevel.request_context.session)

        @lowlevel.set_logging_level()
        async def set_logging_level(level: types.LoggingLevel) -> None:
            ctx = request_ctx.get()
            self.downstream_level = level
            forwarded = [n for n, u in self.upstreams.items() if u.state == "ready" and await u.set_logging_level(level)]
            await ctx.session.send_log_message(
                level="info",
                data=f"log level {level} forwarded to {', '.join(forwarded) or 'no upstreams'}",
                logger="mcpgate",
                related_request_id=ctx.request_id,
            )

    # ---------------------------------------------------------------- admin

    def _register_admin(self) -> None:
        mcp = self.mcp

        @mcp.tool(name="gateway_status", annotations=types.ToolAnnotations(readOnlyHint=True, idempotentHint=True))
        async def gateway_status(ctx: Context[ServerSession, GatewayState]) -> dict[str, Any]:
            """Describe every upstream and the gateway's call counters."""
            state = ctx.request_context.lifespan_context
            self.stats.note_client(ctx.client_id)
            return {
                "gateway": ctx.fastmcp.name,
                "startedAt": state.started.isoformat(),
                "upstreams": [u.describe() for u in state.gateway.upstreams.values()],
                "catalog": self.catalog.counts(),
                "stats": self.stats.snapshot(),
            }

        @mcp.tool(name="gateway_refresh")
        async def gateway_refresh(ctx: Context[ServerSession, GatewayState]) -> dict[str, int]:
            """Re-read the catalogs of every connected upstream."""
            names = [n for n, u in self.upstreams.items() if u.state == "ready"]
            meta = ctx.request_context.meta
            tracker = None
            if meta is not None and meta.progressToken is not None:
                tracker = ProgressContext(ctx.request_context.session, meta.progressToken, total=len(names))
            changed = False
            for name in names:
                changed |= (await self.sync_upstream(name)).tools_changed
                if tracker is not None:
                    await tracker.progress(1, message=f"synced {name}")
            if changed:
                await ctx.session.send_tool_list_changed()
            await ctx.info(f"refreshed {len(names)} upstream(s)")
            return self.catalog.counts()

        @mcp.resource("gateway://catalog", name="catalog", mime_type="application/json")
        def catalog_resource() -> str:
            return json.dumps(self.catalog.snapshot(), indent=2, default=str)

        @mcp.resource("upstream://{server}/{path}", name="passthrough")
        async def passthrough(server: str, path: str, ctx: Context) -> str | bytes:
            """Read any upstream URI, listed or not: upstream://<server>/<url-encoded uri>."""
            uri = decode_passthrough(path)
            await ctx.info(f"passthrough read of {uri} on {server}")
            result = await self._upstream(server).read_resource(uri)
            return contents_payload(result.contents)
