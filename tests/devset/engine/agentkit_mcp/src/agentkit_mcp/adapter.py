from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

import httpx
from mcp import ClientSession, McpError
from mcp.types import Cursor, Tool

from agentkit_mcp.content import result_to_json, to_tool_message
from agentkit_mcp.messages import ToolError, ToolMessage, ToolTimeout

logger = logging.getLogger(__name__)

_DEFAULT_TIMEOUT = timedelta(seconds=60)


class MCPToolAdapter:
    """An agentkit tool backed by a tool on a remote MCP server."""

    def __init__(
        self,
        session: ClientSession,
        tool: Tool,
        *,
        prefix: str | None = None,
        timeout: timedelta | None = None,
        trace_store: list[str] | None = None,
    ) -> None:
        self._session = session
        self.mcp_tool = tool
        self.name = f"{prefix}__{tool.name}" if prefix else tool.name
        self.description = tool.description or (tool.annotations.title if tool.annotations else None) or tool.name
        self.timeout = timeout or _DEFAULT_TIMEOUT
        self._trace_store = trace_store

    @property
    def parameters(self) -> dict[str, Any]:
        schema = dict(self.mcp_tool.inputSchema)
        schema.setdefault("type", "object")
        schema.setdefault("properties", {})
        return schema

    @property
    def is_read_only(self) -> bool:
        ann = self.mcp_tool.annotations
        return bool(ann and ann.readOnlyHint)

    def to_function_spec(self) -> dict[str, Any]:
        """The function-calling schema handed to the LLM provider."""
        spec: dict[str, Any] = {
            "name": self.name,
            "description": self.description,
            "parameters": self.parameters,
        }
        if self.mcp_tool.outputSchema:
            spec["x-output-schema"] = self.mcp_tool.outputSchema
        return spec

    async def ainvoke(self, arguments: dict[str, Any], *, run_id: str | None = None) -> ToolMessage:
        meta = {"agentkit/run_id": run_id} if run_id else None
        try:
            result = await self._session.call_tool(
                self.mcp_tool.name,
                arguments,
                read_timeout_seconds=self.timeout,
                meta=meta,
            )
        except McpError as exc:
            if exc.error.code == httpx.codes.REQUEST_TIMEOUT:
                raise ToolTimeout(f"{self.name} timed out after {self.timeout.total_seconds():.0f}s") from exc
            raise ToolError(f"{self.name} failed: {exc.error.message}") from exc

        if self._trace_store is not None:
            self._trace_store.append(result_to_json(result))

        message = to_tool_message(self.name, result)
        if result.isError:
            logger.warning("tool %s reported an error: %s", self.name, message.text[:200])
        return message


async def list_all_tools(session: ClientSession) -> list[Tool]:
    tools: list[Tool] = []
    cursor: Cursor | None = None
    while True:
        page = await session.list_tools(cursor=cursor)
        tools.extend(page.tools)
        cursor = page.nextCursor
        if not cursor:
            return tools


async def load_mcp_tools(
    session: ClientSession,
    *,
    prefix: str | None = None,
    timeout: timedelta | None = None,
    include: set[str] | None = None,
) -> list[MCPToolAdapter]:
    tools = await list_all_tools(session)
    return [
        MCPToolAdapter(session, t, prefix=prefix, timeout=timeout)
        for t in tools
        if include is None or t.name in include
    ]
