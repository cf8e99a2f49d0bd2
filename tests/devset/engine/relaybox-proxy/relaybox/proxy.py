"""Re-expose one upstream ``ClientSession`` as a lowlevel MCP ``Server``."""

from __future__ import annotations

import base64
import logging
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

import mcp.types as types
from mcp import ClientSession
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.session import ServerSession
from mcp.shared.context import RequestContext
from mcp.shared.exceptions import McpError
from pydantic import AnyUrl

from relaybox.describe import UpstreamInfo, list_changed_features
from relaybox.metrics import CallStats
from relaybox.namespacing import DEFAULT_SEPARATOR, ToolRouter, fetch_all_tools
from relaybox.relay import NotificationRelay

logger = logging.getLogger(__name__)

DEFAULT_CALL_TIMEOUT = timedelta(seconds=60)


class ProxyServer(Server[object, Any]):
    """A ``Server`` whose advertised capabilities track the upstream's."""

    def __init__(
        self,
        name: str,
        version: str | None,
        upstream_capabilities: types.ServerCapabilities,
        instructions: str | None = None,
    ) -> None:
        super().__init__(name, version, instructions)
        self.upstream_capabilities = upstream_capabilities

    def get_capabilities(
        self,
        notification_options: NotificationOptions,
        experimental_capabilities: dict[str, dict[str, Any]],
    ) -> types.ServerCapabilities:
        up = self.upstream_capabilities
        changed = list_changed_features(up)
        options = NotificationOptions(
            prompts_changed=notification_options.prompts_changed or "prompts" in changed,
            resources_changed=notification_options.resources_changed or "resources" in changed,
            tools_changed=notification_options.tools_changed or "tools" in changed,
        )
        experimental = {**(up.experimental or {}), **experimental_capabilities}
        caps = super().get_capabilities(options, experimental)
        if caps.resources is not None and types.SubscribeRequest in self.request_handlers:
            caps.resources.subscribe = True
        return caps


def to_read_contents(item: types.TextResourceContents | types.BlobResourceContents) -> ReadResourceContents:
    if isinstance(item, types.BlobResourceContents):
        return ReadResourceContents(
            content=base64.b64decode(item.blob),
            mime_type=item.mimeType or "application/octet-stream",
            meta=item.meta,
        )
    return ReadResourceContents(content=item.text, mime_type=item.mimeType or "text/plain", meta=item.meta)


def create_proxy_server(
    session: ClientSession,
    *,
    info: UpstreamInfo | None = None,
    upstream_name: str = "upstream",
    prefix: str | None = None,
    relay: NotificationRelay | None = None,
    stats: CallStats | None = None,
    call_timeout: timedelta = DEFAULT_CALL_TIMEOUT,
) -> Server[object]:
    """Build a lowlevel server that forwards every request to ``session``.

    Handlers are only registered for features the upstream advertised during
    its handshake, so downstream clients see an honest capability set.
    """
    capabilities = session.get_server_capabilities()
    if capabilities is None:
        raise RuntimeError("upstream session must be initialized before proxying")

    name = f"relaybox:{info.name}" if info else "relaybox"
    version = info.version if info else None
    app = ProxyServer(name, version, capabilities, instructions=info.instructions if info else None)
    router = ToolRouter(separator=DEFAULT_SEPARATOR)
    call_stats = stats or CallStats()

    def current() -> RequestContext[ServerSession, object, Any]:
        ctx = app.request_context
        if relay is not None:
            relay.bind(ctx.session)
        return ctx

    if capabilities.tools is not None:

        @app.list_tools()
        async def list_tools() -> list[types.Tool]:
            current()
            tools = await fetch_all_tools(session)
            router.forget(upstream_name)
            router.register(upstream_name, prefix, tools)
            return router.tools()

        @app.call_tool()
        async def call_tool(name: str, arguments: dict[str, Any]) -> types.CallToolResult | list[types.Content]:
            ctx = current()
            entry = router.resolve(name)
            if entry is None:
                raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"Unknown tool: {name}"))

            token = ctx.meta.progressToken if ctx.meta else None
            forward_meta: dict[str, Any] = {"relaybox/exposedName": name}
            if ctx.meta is not None:
                forward_meta.update(ctx.meta.model_dump(exclude={"progressToken"}, exclude_none=True))

            async def forward_progress(progress: float, total: float | None, message: str | None) -> None:
                if token is not None:
                    await ctx.session.send_progress_notification(token, progress, total, message)

            with call_stats.track(name, entry.upstream, token) as record:
                result = await session.call_tool(
                    entry.original_name,
                    arguments,
                    read_timeout_seconds=call_timeout,
                    progress_callback=forward_progress if token is not None else None,
                    meta=forward_meta,
                )
                record.is_error = bool(result.isError)

            if result.isError or result.structuredContent is not None:
                return result
            return result.content

    if capabilities.resources is not None:

        @app.list_resources()
        async def list_resources(request: types.ListResourcesRequest) -> types.ListResourcesResult:
            current()
            cursor = request.params.cursor if request.params else None
            return await session.list_resources(cursor=cursor)

        @app.list_resource_templates()
        async def list_resource_templates() -> list[types.ResourceTemplate]:
            current()
            result = await session.list_resource_templates()
            return result.resourceTemplates

        @app.read_resource()
        async def read_resource(uri: AnyUrl) -> Iterable[ReadResourceContents]:
            current()
            result = await session.read_resource(uri)
            return [to_read_contents(item) for item in result.contents]

        if capabilities.resources.subscribe:

            @app.subscribe_resource()
            async def subscribe_resource(uri: AnyUrl) -> None:
                current()
                await session.subscribe_resource(uri)

            @app.unsubscribe_resource()
            async def unsubscribe_resource(uri: AnyUrl) -> None:
                current()
                await session.unsubscribe_resource(uri)

    if capabilities.prompts is not None:

        @app.list_prompts()
        async def list_prompts() -> list[types.Prompt]:
            current()
            result = await session.list_prompts()
            return result.prompts

        @app.get_prompt()
        async def get_prompt(name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:
            current()
            return await session.get_prompt(name, arguments)

    if capabilities.completions is not None:

        @app.completion()
        async def completion(
            ref: types.PromptReference | types.ResourceTemplateReference,
            argument: types.CompletionArgument,
            context: types.CompletionContext | None,
        ) -> types.Completion | None:
            current()
            result = await session.complete(
                ref,
                {"name": argument.name, "value": argument.value},
                context_arguments=context.arguments if context else None,
            )
            return result.completion

    if capabilities.logging is not None:

        @app.set_logging_level()
        async def set_logging_level(level: types.LoggingLevel) -> None:
            current()
            await session.set_logging_level(level)

    @app.progress_notification()
    async def progress_notification(
        progress_token: str | int, progress: float, total: float | None, message: str | None
    ) -> None:
        await session.send_progress_notification(progress_token, progress, total, message)

    logger.debug("proxy %s ready (prefix=%r)", name, prefix)
    return app
