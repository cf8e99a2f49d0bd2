"""The ops server: a lowlevel Server wrapped in a class."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from typing import Any

import anyio
import mcp.types as types
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.models import InitializationOptions
from mcp.shared.context import RequestContext
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError
from pydantic import AnyUrl
from starlette.requests import Request

from opsserver.state import LEVELS, LifespanState, ops_lifespan

logger = logging.getLogger(__name__)

SERVICE_URI = "ops://services/{name}"
RUNBOOK_URI = "ops://runbooks/{topic}"

STATUS_SCHEMA = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "status": {"type": "string"},
        "restarts": {"type": "integer"},
    },
    "required": ["name", "status", "restarts"],
}


class OpsServer:
    def __init__(self, name: str = "ops", version: str = "0.9.4"):
        self.server: Server[LifespanState, Request] = Server(
            name, version, "Operational tools for the on-call engineer.", lifespan=ops_lifespan
        )
        self._register()

    # -- helpers ---------------------------------------------------------

    def _ctx(self) -> RequestContext[ServerSession, LifespanState, Request]:
        return self.server.request_context

    @property
    def state(self) -> LifespanState:
        return self._ctx().lifespan_context

    async def _log(self, level: types.LoggingLevel, data: Any) -> None:
        ctx = self._ctx()
        if ctx.lifespan_context.should_log(level):
            await ctx.session.send_log_message(level, data, logger="ops", related_request_id=ctx.request_id)

    async def _progress(self, done: float, total: float, message: str | None = None) -> None:
        ctx = self._ctx()
        if ctx.meta is not None and ctx.meta.progressToken is not None:
            await ctx.session.send_progress_notification(ctx.meta.progressToken, done, total, message)

    async def _notify_updated(self, uri: str) -> int:
        sessions = self.state.subscribers.get(uri, set())
        dead: set[ServerSession] = set()
        for session in sessions:
            try:
                await session.send_resource_updated(AnyUrl(uri))
            except (anyio.ClosedResourceError, anyio.BrokenResourceError):
                dead.add(session)
        sessions -= dead
        return len(sessions)

    def _service(self, name: str):
        service = self.state.services.get(name)
        if service is None:
            raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"unknown service {name!r}"))
        return service

    def initialization_options(self) -> InitializationOptions:
        return self.server.create_initialization_options(
            notification_options=NotificationOptions(resources_changed=True),
            experimental_capabilities={"ops/maintenance-window": {"supported": True}},
        )

    def handles(self, request_type: type) -> bool:
        return request_type in self.server.request_handlers

    async def serve_streams(self, read, write, *, stateless: bool = False) -> None:
        await self.server.run(read, write, self.initialization_options(), stateless=stateless)

    # -- tools -----------------------------------------------------------

    async def _status(self, arguments: dict[str, Any]) -> dict[str, Any]:
        service = self._service(arguments["service"])
        return {"name": service.name, "status": service.status, "restarts": service.restarts}

    async def _restart(self, arguments: dict[str, Any]) -> list[types.TextContent]:
        service = self._service(arguments["service"])
        steps = ["draining", "stopping", "starting"]
        for i, step in enumerate(steps):
            service.status = step
            await self._progress(i, len(steps), step)
            await anyio.sleep(0)
        service.status = "running"
        service.restarts += 1
        service.log.append(f"{service.name} restarted")
        await self._log("notice", {"event": "restart", "service": service.name})
        notified = await self._notify_updated(SERVICE_URI.format(name=service.name))
        return [types.TextContent(type="text", text=f"{service.name} restarted ({notified} watchers notified)")]

    async def _tail(self, arguments: dict[str, Any]):
        service = self._service(arguments["service"])
        lines = service.log[-int(arguments.get("lines", 10)) :]
        return [types.TextContent(type="text", text="\n".join(lines))], {"lines": lines}

    async def _drain(self, arguments: dict[str, Any]):
        raise RuntimeError(f"node {arguments['node']} is not managed by this cluster")

    # -- registration ----------------------------------------------------

    def _register(self) -> None:
        server = self.server
        tools = {
            "service_status": self._status,
            "restart_service": self._restart,
            "tail_log": self._tail,
            "drain_node": self._drain,
        }

        @server.list_tools()
        async def list_tools() -> list[types.Tool]:
            service_arg = {"type": "object", "properties": {"service": {"type": "string"}}, "required": ["service"]}
            return [
                types.Tool(name="service_status", description="Current status", inputSchema=service_arg,
                           outputSchema=STATUS_SCHEMA),
                types.Tool(name="restart_service", description="Restart a service", inputSchema=service_arg),
                types.Tool(
                    name="tail_log",
                    description="Last lines of a service log",
                    inputSchema={
                        "type": "object",
                        "properties": {"service": {"type": "string"}, "lines": {"type": "integer", "minimum": 1}},
                        "required": ["service"],
                    },
                ),
                types.Tool(name="drain_node", description="Drain a node", inputSchema={
                    "type": "object", "properties": {"node": {"type": "string"}}, "required": ["node"]}),
            ]

        @server.call_tool()
        async def call_tool(name: str, arguments: dict[str, Any]):
            handler = tools.get(name)
            if handler is None:
                raise ValueError(f"unknown tool {name}")
            await self._log("debug", f"calling {name}")
            return await handler(arguments)

        @server.list_resources()
        async def list_resources() -> list[types.Resource]:
            return [
                types.Resource(
                    uri=AnyUrl(SERVICE_URI.format(name=name)),
                    name=f"service-{name}",
                    mimeType="application/json",
                )
                for name in self.state.services
            ]

        @server.list_resource_templates()
        async def list_resource_templates() -> list[types.ResourceTemplate]:
            return [
                types.ResourceTemplate(uriTemplate=SERVICE_URI, name="service", mimeType="application/json"),
                types.ResourceTemplate(uriTemplate=RUNBOOK_URI, name="runbook", mimeType="text/markdown"),
            ]

        @server.read_resource()
        async def read_resource(uri: AnyUrl) -> Iterable[ReadResourceContents]:
            kind = uri.host or ""
            key = (uri.path or "").lstrip("/")
            if kind == "services":
                data = await self._status({"service": key})
                return [ReadResourceContents(content=json.dumps(data), mime_type="application/json")]
            if kind == "runbooks" and key in self.state.runbooks:
                return [ReadResourceContents(content=self.state.runbooks[key], mime_type="text/markdown")]
            raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"no such resource {uri}"))

        @server.subscribe_resource()
        async def subscribe(uri: AnyUrl) -> None:
            ctx = self._ctx()
            ctx.lifespan_context.subscribers.setdefault(str(uri), set()).add(ctx.session)

        @server.unsubscribe_resource()
        async def unsubscribe(uri: AnyUrl) -> None:
            ctx = self._ctx()
            ctx.lifespan_context.subscribers.get(str(uri), set()).discard(ctx.session)

        @server.set_logging_level()
        async def set_logging_level(level: types.LoggingLevel) -> None:
            self.state.log_level = level
            logger.info("client log level set to %s", level)

        @server.completion()
        async def complete(
            ref: types.PromptReference | types.ResourceTemplateReference,
            argument: types.CompletionArgument,
            context: types.CompletionContext | None,
        ) -> types.Completion | None:
            if isinstance(ref, types.ResourceTemplateReference):
                pool = self.state.services if ref.uri == SERVICE_URI else self.state.runbooks
            elif ref.name == "incident":
                pool = self.state.services
            else:
                return None
            values = sorted(v for v in pool if v.startswith(argument.value))
            return types.Completion(values=values, total=len(values), hasMore=False)

        @server.list_prompts()
        async def list_prompts() -> list[types.Prompt]:
            return [
                types.Prompt(
                    name="incident",
                    description="Open an incident summary for a service",
                    arguments=[types.PromptArgument(name="service", required=True)],
                )
            ]

        @server.get_prompt()
        async def get_prompt(name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:
            if name != "incident" or not arguments or "service" not in arguments:
                raise ValueError("incident prompt needs a service")
            status = await self._status({"service": arguments["service"]})
            text = f"Write an incident summary. Current state: {json.dumps(status)}. Levels: {', '.join(LEVELS[:4])}"
            return types.GetPromptResult(
                description="Incident summary",
                messages=[types.PromptMessage(role="user", content=types.TextContent(type="text", text=text))],
            )
