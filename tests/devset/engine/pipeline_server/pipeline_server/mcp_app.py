from __future__ import annotations

import json
import logging
import time
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import anyio
import mcp.types as types
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.models import InitializationOptions
from mcp.server.session import ServerSession
from mcp.shared.context import RequestContext
from pydantic import AnyUrl
from starlette.requests import Request

from .store import PIPELINES, Run, RunStore

logger = logging.getLogger(__name__)

RUN_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"id": {"type": "string"}, "pipeline": {"type": "string"}, "status": {"type": "string"}},
    "required": ["id", "pipeline", "status"],
}


@dataclass
class PipelineState:
    store: RunStore
    started_at: float


Ctx = RequestContext[ServerSession, PipelineState, Request]


class PipelineMCPServer:
    """Lowlevel MCP server for the scheduler; handlers are bound in ``_register_handlers``."""

    def __init__(self, store: RunStore, *, name: str = "pipelines", version: str = "0.7.0") -> None:
        self.store = store
        self.server: Server[PipelineState, Request] = Server(
            name,
            version,
            instructions="Trigger and inspect data pipeline runs. Runs are scoped to the caller's tenant.",
            lifespan=self._lifespan,
        )
        self._watchers: dict[str, set[ServerSession]] = defaultdict(set)
        self._log_level: types.LoggingLevel = "info"
        self._register_handlers()

    @asynccontextmanager
    async def _lifespan(self, _server: Server[PipelineState, Request]) -> AsyncIterator[PipelineState]:
        yield PipelineState(store=self.store, started_at=time.time())

    def initialization_options(self) -> InitializationOptions:
        return self.server.create_initialization_options(
            notification_options=NotificationOptions(resources_changed=True),
            experimental_capabilities={"pipelines/cancel": {}},
        )

    def supports(self, request_type: type) -> bool:
        return request_type in self.server.request_handlers

    # -- helpers --------------------------------------------------------------

    def _ctx(self) -> Ctx:
        return self.server.request_context

    def _tenant(self, ctx: Ctx) -> str:
        if ctx.request is not None:
            return ctx.request.headers.get("x-tenant", "default")
        return "default"

    async def _notify_watchers(self, run: Run) -> None:
        uri = f"pipeline://runs/{run.id}"
        stale: list[ServerSession] = []
        for session in list(self._watchers[uri]):
            try:
                await session.send_resource_updated(AnyUrl(uri))
            except (anyio.ClosedResourceError, anyio.BrokenResourceError):
                stale.append(session)
        for session in stale:
            self._watchers[uri].discard(session)

    async def _execute(self, ctx: Ctx, run: Run) -> None:
        token = ctx.meta.progressToken if ctx.meta else None
        run.status = "running"
        for index, step in enumerate(run.steps, start=1):
            await anyio.sleep(0.05)
            run.step = index
            run.log.append(f"{step}: ok")
            if token is not None:
                await ctx.session.send_progress_notification(
                    token, index, total=len(run.steps), message=step, related_request_id=str(ctx.request_id)
                )
            if self._log_level == "debug":
                await ctx.session.send_log_message(
                    level="debug", data={"run": run.id, "step": step}, logger="pipelines", related_request_id=ctx.request_id
                )
        run.status = "succeeded"
        await self._notify_watchers(run)

    # -- handlers -------------------------------------------------------------

    def _register_handlers(self) -> None:
        server = self.server

        @server.list_tools()
        async def list_tools() -> list[types.Tool]:
            return [
                types.Tool(
                    name="trigger_run",
                    title="Trigger pipeline run",
                    description="Start a pipeline and wait for it to finish.",
                    inputSchema={
                        "type": "object",
                        "properties": {"pipeline": {"type": "string", "enum": sorted(PIPELINES)}},
                        "required": ["pipeline"],
                    },
                    outputSchema=RUN_SCHEMA,
                    execution=types.ToolExecution(taskSupport=types.TASK_FORBIDDEN),
                ),
                types.Tool(
                    name="cancel_run",
                    description="Cancel a queued or running run.",
                    inputSchema={"type": "object", "properties": {"run_id": {"type": "string"}}, "required": ["run_id"]},
                    outputSchema=RUN_SCHEMA,
                    annotations=types.ToolAnnotations(destructiveHint=True, idempotentHint=True),
                ),
                types.Tool(name="list_runs", inputSchema={}, annotations=types.ToolAnnotations(readOnlyHint=True)),
            ]

        @server.call_tool()
        async def call_tool(name: str, arguments: dict[str, Any]) -> dict[str, Any] | list[types.TextContent]:
            ctx = self._ctx()
            store = ctx.lifespan_context.store
            tenant = self._tenant(ctx)
            if name == "trigger_run":
                run = store.create(arguments["pipeline"], tenant)
                await ctx.session.send_notification(types.ServerNotification(types.ResourceListChangedNotification()))
                await self._execute(ctx, run)
                return run.as_dict()
            if name == "cancel_run":
                run = store.cancel(arguments["run_id"])  # ValueError -> isError result
                await self._notify_watchers(run)
                return run.as_dict()
            if name == "list_runs":
                runs = store.list(tenant)
                text = "\n".join(f"{r.id}  {r.pipeline:<16} {r.status}" for r in runs) or "no runs yet"
                return [types.TextContent(type="text", text=text)]
            raise ValueError(f"unknown tool {name}")

        @server.list_resources()
        async def list_resources() -> list[types.Resource]:
            return [
                types.Resource(
                    uri=AnyUrl(f"pipeline://runs/{run.id}"),
                    name=run.id,
                    title=f"{run.pipeline} run {run.id}",
                    mimeType="application/json",
                )
                for run in self.store.list(self._tenant(self._ctx()))
            ]

        @server.list_resource_templates()
        async def list_templates() -> list[types.ResourceTemplate]:
            return [
                types.ResourceTemplate(
                    uriTemplate="pipeline://runs/{run_id}/log", name="run-log", mimeType="text/plain"
                )
            ]

        @server.read_resource()
        async def read_resource(uri: AnyUrl) -> list[ReadResourceContents]:
            if uri.scheme != "pipeline" or uri.host != "runs" or not uri.path:
                raise ValueError(f"unsupported resource {uri}")
            parts = uri.path.strip("/").split("/")
            run = self.store.get(parts[0])
            if len(parts) == 2 and parts[1] == "log":
                return [ReadResourceContents(content="\n".join(run.log), mime_type="text/plain")]
            return [ReadResourceContents(content=json.dumps(run.as_dict()), mime_type="application/json")]

        @server.subscribe_resource()
        async def subscribe(uri: AnyUrl) -> None:
            self._watchers[str(uri)].add(self._ctx().session)

        @server.unsubscribe_resource()
        async def unsubscribe(uri: AnyUrl) -> None:
            self._watchers[str(uri)].discard(self._ctx().session)

        @server.set_logging_level()
        async def set_level(level: types.LoggingLevel) -> None:
            self._log_level = level

        @server.list_prompts()
        async def list_prompts() -> list[types.Prompt]:
            arg = types.PromptArgument(name="run_id", required=True)
            return [types.Prompt(name="diagnose_run", description="Explain a failed run", arguments=[arg])]

        @server.get_prompt()
        async def get_prompt(name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:
            run = self.store.get((arguments or {})["run_id"])
            text = "Why did this run fail?\n" + "\n".join(run.log)
            return types.GetPromptResult(
                messages=[types.PromptMessage(role="user", content=types.TextContent(type="text", text=text))]
            )
