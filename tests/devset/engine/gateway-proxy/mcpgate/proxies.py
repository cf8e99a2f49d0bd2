"""FastMCP components whose implementation lives on an upstream server."""

from __future__ import annotations

import base64
from collections.abc import Awaitable, Callable
from functools import cached_property
from typing import Any, cast

from pydantic import Field

import mcp.types as types
from mcp.server.fastmcp import Context
from mcp.server.fastmcp.prompts.base import AssistantMessage, Message, Prompt, PromptArgument, UserMessage
from mcp.server.fastmcp.resources import Resource
from mcp.server.fastmcp.tools import Tool
from mcp.server.fastmcp.utilities.func_metadata import func_metadata
from mcp.server.session import ServerSession, ServerSessionT
from mcp.shared.context import LifespanContextT, RequestT

from mcpgate.catalog import PromptRoute, ResourceRoute, ToolRoute

ForwardContext = Context[ServerSession, Any, Any]
ToolForwarder = Callable[[ToolRoute, dict[str, Any], ForwardContext | None], Awaitable[types.CallToolResult]]


def _placeholder() -> None:
    """Proxies never call ``fn``; FastMCP just insists on having one."""


def _no_messages() -> list[Message]:
    return []


def contents_payload(contents: list[types.TextResourceContents | types.BlobResourceContents]) -> str | bytes:
    if not contents:
        return ""
    first = contents[0]
    if isinstance(first, types.BlobResourceContents):
        return base64.b64decode(first.blob)
    return first.text


class ProgressRelay:
    """Re-emits an upstream's progress under the downstream request's token."""

    def __init__(self, ctx: ForwardContext, token: types.ProgressToken, on_relay: Callable[[], None]) -> None:
        self._ctx, self._token, self._on_relay = ctx, token, on_relay

    @classmethod
    def for_context(cls, ctx: ForwardContext | None, on_relay: Callable[[], None]) -> ProgressRelay | None:
        meta = ctx.request_context.meta if ctx is not None else None
        if ctx is None or meta is None or meta.progressToken is None:
            return None
        return cls(ctx, meta.progressToken, on_relay)

    async def __call__(self, progress: float, total: float | None, message: str | None) -> None:
        self._on_relay()
        await self._ctx.session.send_progress_notification(
            progress_token=self._token,
            progress=progress,
            total=total,
            message=message,
            related_request_id=self._ctx.request_id,
        )


class ProxyTool(Tool):
    route: ToolRoute = Field(exclude=True)
    forward: ToolForwarder = Field(exclude=True)

    @classmethod
    def for_route(cls, route: ToolRoute, forward: ToolForwarder) -> ProxyTool:
        public = route.public_tool()
        return cls(
            fn=_placeholder,
            name=public.name,
            title=public.title,
            description=public.description or "",
            parameters=public.inputSchema,
            fn_metadata=func_metadata(_placeholder),
            is_async=True,
            context_kwarg=None,
            annotations=public.annotations,
            icons=public.icons,
            meta=public.meta,
            route=route,
            forward=forward,
        )

    @cached_property
    def output_schema(self) -> dict[str, Any] | None:
        return self.route.tool.outputSchema

    async def run(
        self,
        arguments: dict[str, Any],
        context: Context[ServerSessionT, LifespanContextT, RequestT] | None = None,
        convert_result: bool = False,
    ) -> Any:
        return await self.forward(self.route, arguments, cast(ForwardContext | None, context))


class ProxyResource(Resource):
    route: ResourceRoute = Field(exclude=True)
    fetch: Callable[[ResourceRoute], Awaitable[str | bytes]] = Field(exclude=True)

    async def read(self) -> str | bytes:
        return await self.fetch(self.route)


class ProxyPrompt(Prompt):
    route: PromptRoute = Field(exclude=True)
    fetch: Callable[[PromptRoute, dict[str, str]], Awaitable[types.GetPromptResult]] = Field(exclude=True)

    @classmethod
    def for_route(
        cls, route: PromptRoute, fetch: Callable[[PromptRoute, dict[str, str]], Awaitable[types.GetPromptResult]]
    ) -> ProxyPrompt:
        upstream = route.prompt
        return cls(
            name=route.public_name,
            title=upstream.title,
            description=upstream.description,
            arguments=[
                PromptArgument(name=a.name, description=a.description, required=bool(a.required))
                for a in upstream.arguments or []
            ],
            fn=_no_messages,
            context_kwarg=None,
            route=route,
            fetch=fetch,
        )

    async def render(
        self,
        arguments: dict[str, Any] | None = None,
        context: Context[ServerSessionT, LifespanContextT, RequestT] | None = None,
    ) -> list[Message]:
        result = await self.fetch(self.route, {k: str(v) for k, v in (arguments or {}).items()})
        return [
            AssistantMessage(content=m.content) if m.role == "assistant" else UserMessage(content=m.content)
            for m in result.messages
        ]
