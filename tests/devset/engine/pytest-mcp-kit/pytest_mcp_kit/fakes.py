"""Fakes for unit-testing handlers without a transport: ``FakeServerSession`` records what a
handler sends, ``bind_request_context`` makes ``server.request_context`` / ``Context`` see it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, cast

from pydantic import AnyUrl

from mcp import types
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.lowlevel import Server
from mcp.server.lowlevel.server import request_ctx
from mcp.server.session import ServerSession
from mcp.shared.context import RequestContext
from mcp.shared.exceptions import McpError


@dataclass
class FakeServerSession:
    elicit_answer: dict[str, Any] | None = None
    elicit_action: str = "accept"
    sent: list[tuple[types.ServerNotification, types.RequestId | None]] = field(default_factory=list)
    requests: list[types.ServerRequestType] = field(default_factory=list)

    async def send_notification(
        self, notification: types.ServerNotification, related_request_id: types.RequestId | None = None
    ) -> None:
        self.sent.append((notification, related_request_id))

    async def send_log_message(
        self, level: types.LoggingLevel, data: Any, logger: str | None = None, related_request_id: types.RequestId | None = None
    ) -> None:
        params = types.LoggingMessageNotificationParams(level=level, data=data, logger=logger)
        note = types.LoggingMessageNotification(method="notifications/message", params=params)
        await self.send_notification(types.ServerNotification(note), related_request_id)

    async def send_progress_notification(
        self,
        progress_token: str | int,
        progress: float,
        total: float | None = None,
        message: str | None = None,
        related_request_id: str | None = None,
    ) -> None:
        params = types.ProgressNotificationParams(progressToken=progress_token, progress=progress, total=total, message=message)
        note = types.ProgressNotification(method="notifications/progress", params=params)
        await self.send_notification(types.ServerNotification(note), related_request_id)

    async def send_resource_updated(self, uri: AnyUrl) -> None:
        params = types.ResourceUpdatedNotificationParams(uri=uri)
        note = types.ResourceUpdatedNotification(method="notifications/resources/updated", params=params)
        await self.send_notification(types.ServerNotification(note))

    async def elicit_form(
        self, message: str, requestedSchema: types.ElicitRequestedSchema, related_request_id: types.RequestId | None = None
    ) -> types.ElicitResult:
        params = types.ElicitRequestFormParams(message=message, requestedSchema=requestedSchema)
        self.requests.append(types.ElicitRequest(method="elicitation/create", params=params))
        if self.elicit_action == "accept":
            return types.ElicitResult(action="accept", content=self.elicit_answer or {})
        return types.ElicitResult(action="decline" if self.elicit_action == "decline" else "cancel")

    def notifications(self, kind: type[Any]) -> list[Any]:
        found: list[Any] = []
        for wrapped, _ in self.sent:
            match wrapped:
                case types.ServerNotification(root=note) if isinstance(note, kind):
                    found.append(note)
        return found

    def logs(self) -> list[tuple[str, Any]]:
        return [(n.params.level, n.params.data) for n in self.notifications(types.LoggingMessageNotification)]

    def progress(self) -> list[float]:
        return [n.params.progress for n in self.notifications(types.ProgressNotification)]


def fake_request_context(
    session: FakeServerSession,
    *,
    request_id: types.RequestId = 1,
    progress_token: types.ProgressToken | None = None,
    lifespan_context: Any = None,
    **meta: Any,
) -> RequestContext[ServerSession, Any, Any]:
    request_meta = types.RequestParams.Meta(progressToken=progress_token, **meta) if progress_token is not None or meta else None
    return RequestContext(
        request_id=request_id,
        meta=request_meta,
        session=cast(ServerSession, session),
        lifespan_context={} if lifespan_context is None else lifespan_context,
    )


@contextmanager
def bind_request_context(ctx: RequestContext[ServerSession, Any, Any]) -> Iterator[RequestContext[ServerSession, Any, Any]]:
    token = request_ctx.set(ctx)
    try:
        yield ctx
    finally:
        request_ctx.reset(token)


def fastmcp_context(app: FastMCP[Any], session: FakeServerSession, **kwargs: Any) -> Context[ServerSession, Any]:
    """A FastMCP ``Context`` backed by a fake session, for calling tool functions directly."""
    return Context(request_context=fake_request_context(session, **kwargs), fastmcp=app)


async def invoke(
    server: Server[Any, Any], request: types.ClientRequestType, *, session: FakeServerSession | None = None, **context: Any
) -> types.ServerResultType:
    """Run the handler the server registered for ``request`` and unwrap its result."""
    handler = server.request_handlers.get(type(request))
    if handler is None:
        raise McpError(types.ErrorData(code=types.METHOD_NOT_FOUND, message="Method not found"))
    with bind_request_context(fake_request_context(session or FakeServerSession(), **context)):
        response = await handler(request)
    return response.root


async def invoke_tool(
    server: Server[Any, Any], name: str, arguments: dict[str, Any] | None = None, **context: Any
) -> types.CallToolResult:
    params = types.CallToolRequestParams(name=name, arguments=arguments or {})
    result = await invoke(server, types.CallToolRequest(method="tools/call", params=params), **context)
    assert isinstance(result, types.CallToolResult), type(result)
    return result


async def invoke_fastmcp_tool(
    app: FastMCP[Any], name: str, arguments: dict[str, Any] | None = None, **context: Any
) -> types.CallToolResult:
    """Call a FastMCP tool in-process and normalise its output into a ``CallToolResult``."""
    session = context.pop("session", None) or FakeServerSession()
    with bind_request_context(fake_request_context(session, **context)):
        try:
            raw: Any = await app.call_tool(name, arguments or {})
        except Exception as exc:
            return types.CallToolResult(content=[types.TextContent(type="text", text=str(exc))], isError=True)
    if isinstance(raw, tuple):  # structured tools return (content, structuredContent)
        unstructured, structured = cast(tuple[Sequence[types.ContentBlock], dict[str, Any]], raw)
        return types.CallToolResult(content=list(unstructured), structuredContent=structured)
    return types.CallToolResult(content=list(cast(Sequence[types.ContentBlock], raw)))
