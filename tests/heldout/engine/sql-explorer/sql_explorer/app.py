"""SqlExplorerServer: wraps a low-level mcp Server and registers its handlers."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from mcp import types
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.models import InitializationOptions
from mcp.shared.exceptions import McpError
from pydantic import AnyUrl
from starlette.requests import Request

from .db import Database, QueryRejected
from .notify import ChangeNotifier

logger = logging.getLogger("sql_explorer")

QUERY_TOOL = types.Tool(
    name="query",
    title="Run SQL",
    description="Run a read-only SQL query and return rows as records",
    inputSchema={
        "type": "object",
        "properties": {
            "sql": {"type": "string"},
            "params": {"type": "array", "items": {}},
        },
        "required": ["sql"],
    },
    outputSchema={
        "type": "object",
        "properties": {
            "columns": {"type": "array", "items": {"type": "string"}},
            "records": {"type": "array", "items": {"type": "object"}},
        },
        "required": ["columns", "records"],
    },
)

DESCRIBE_TOOL = types.Tool(
    name="describe",
    description="Describe the columns of a table",
    inputSchema={"type": "object", "properties": {"table": {"type": "string"}}, "required": ["table"]},
)


@dataclass
class AppState:
    db: Database
    subscriptions: set[str] = field(default_factory=set)
    log_level: types.LoggingLevel = "info"


class SqlExplorerServer:
    def __init__(self, dsn: str, *, version: str = "1.2.0") -> None:
        self.dsn = dsn
        self.notifier = ChangeNotifier()
        self.server: Server[AppState, Request] = Server("sql-explorer", version, lifespan=self._lifespan)
        self._register_handlers()

    @asynccontextmanager
    async def _lifespan(self, server: Server[AppState, Request]) -> AsyncIterator[AppState]:
        db = Database(self.dsn)
        logger.info("opened %s for %s", self.dsn, server.name)
        try:
            yield AppState(db=db)
        finally:
            db.close()

    @property
    def state(self) -> AppState:
        return self.server.request_context.lifespan_context

    def initialization_options(self) -> InitializationOptions:
        return self.server.create_initialization_options(
            notification_options=NotificationOptions(resources_changed=True),
        )

    def _register_handlers(self) -> None:
        server = self.server

        @server.list_tools()
        async def list_tools() -> list[types.Tool]:
            return [QUERY_TOOL, DESCRIBE_TOOL]

        @server.call_tool()
        async def call_tool(name: str, arguments: dict[str, Any]) -> dict[str, Any] | list[types.TextContent]:
            db = self.state.db
            request = server.request_context.request
            caller = request.headers.get("x-caller", "anonymous") if request is not None else "stdio"
            logger.debug("%s called %s", caller, name)

            if name == "query":
                try:
                    result = db.query(arguments["sql"], arguments.get("params"))
                except QueryRejected as exc:
                    raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=str(exc)))
                if arguments["sql"].lstrip().lower().startswith("pragma"):
                    await self.notifier.tables_changed()
                return {"columns": result.columns, "records": result.to_records()}
            if name == "describe":
                columns = db.schema(arguments["table"])
                if not columns:
                    raise ValueError(f"table {arguments['table']!r} does not exist")
                return [types.TextContent(type="text", text=json.dumps(columns, indent=2))]
            raise ValueError(f"unknown tool {name}")

        @server.list_resources()
        async def list_resources() -> list[types.Resource]:
            return [
                types.Resource(uri=AnyUrl(f"sql://tables/{t}"), name=t, mimeType="application/json")
                for t in self.state.db.tables()
            ]

        @server.list_resource_templates()
        async def list_templates() -> list[types.ResourceTemplate]:
            return [
                types.ResourceTemplate(
                    uriTemplate="sql://tables/{table}",
                    name="table-schema",
                    mimeType="application/json",
                )
            ]

        @server.read_resource()
        async def read_resource(uri: AnyUrl) -> str:
            table = (uri.path or "").rsplit("/", 1)[-1]
            return json.dumps(self.state.db.schema(table))

        @server.subscribe_resource()
        async def subscribe(uri: AnyUrl) -> None:
            self.state.subscriptions.add(str(uri))
            self.notifier.track(server.request_context.session, str(uri))

        @server.unsubscribe_resource()
        async def unsubscribe(uri: AnyUrl) -> None:
            self.state.subscriptions.discard(str(uri))
            self.notifier.forget(server.request_context.session, str(uri))

        @server.set_logging_level()
        async def set_level(level: types.LoggingLevel) -> None:
            self.state.log_level = level

        @server.completion()
        async def complete(
            ref: types.PromptReference | types.ResourceTemplateReference,
            argument: types.CompletionArgument,
            context: types.CompletionContext | None,
        ) -> types.Completion | None:
            if isinstance(ref, types.ResourceTemplateReference) and argument.name == "table":
                names = [t for t in self.state.db.tables() if t.startswith(argument.value)]
                return types.Completion(values=names[:100], total=len(names), hasMore=len(names) > 100)
            return None
