"""Wrap MCP tools as framework tools."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

import httpx

import mcp.types as types
from mcp import ClientSession, McpError
from mcp.shared.session import ProgressFnT

from .framework import ContentPart, FrameworkTool, ToolOutput
from .results import ToolExecutionError, convert_call_tool_result
from .schema import tool_to_spec
from .sessions import MultiServerMCPClient, list_all_tools

logger = logging.getLogger(__name__)


class ToolTimeoutError(ToolExecutionError):
    pass


async def call_tool_with_retry(
    session: ClientSession,
    name: str,
    arguments: dict[str, Any] | None,
    *,
    timeout: timedelta | None = None,
    retries: int = 0,
    progress_callback: ProgressFnT | None = None,
    meta: dict[str, Any] | None = None,
) -> types.CallToolResult:
    """Call a tool, retrying when the request times out on our side."""
    attempt = 0
    while True:
        try:
            return await session.call_tool(
                name,
                arguments,
                read_timeout_seconds=timeout,
                progress_callback=progress_callback,
                meta=meta,
            )
        except McpError as exc:
            if exc.error.code == httpx.codes.REQUEST_TIMEOUT:
                if attempt < retries:
                    attempt += 1
                    logger.info("tool %s timed out, retry %d/%d", name, attempt, retries)
                    continue
                raise ToolTimeoutError(name, exc.error.message) from exc
            raise


class MCPToolAdapter:
    """Builds FrameworkTools bound to one ClientSession."""

    def __init__(
        self,
        session: ClientSession,
        *,
        server_name: str | None = None,
        prefix: str | None = None,
        separator: str = "__",
        timeout: timedelta | None = None,
        retries: int = 0,
        raise_on_error: bool = False,
        prefer_structured: bool = False,
        progress_callback: ProgressFnT | None = None,
    ) -> None:
        self.session = session
        self.server_name = server_name
        self.prefix = prefix
        self.separator = separator
        self.timeout = timeout
        self.retries = retries
        self.raise_on_error = raise_on_error
        self.prefer_structured = prefer_structured
        self.progress_callback = progress_callback

    def wrap(self, tool: types.Tool) -> FrameworkTool:
        spec = tool_to_spec(tool, prefix=self.prefix, separator=self.separator)
        remote_name = tool.name

        async def invoke(arguments: dict[str, Any]) -> ToolOutput:
            try:
                result = await call_tool_with_retry(
                    self.session,
                    remote_name,
                    arguments,
                    timeout=self.timeout,
                    retries=self.retries,
                    progress_callback=self.progress_callback,
                )
            except ToolTimeoutError:
                if self.raise_on_error:
                    raise
                return ToolOutput(parts=[ContentPart.of_text(f"{remote_name} timed out")], isError=True)
            except McpError as exc:
                if self.raise_on_error:
                    raise ToolExecutionError(remote_name, exc.error.message) from exc
                message = f"{remote_name} failed: {exc.error.message} (code {exc.error.code})"
                return ToolOutput(parts=[ContentPart.of_text(message)], isError=True)
            return convert_call_tool_result(
                remote_name,
                result,
                raise_on_error=self.raise_on_error,
                prefer_structured=self.prefer_structured,
            )

        metadata: dict[str, Any] = {"mcp_tool": remote_name}
        if self.server_name:
            metadata["server"] = self.server_name
        if tool.meta:
            metadata["meta"] = dict(tool.meta)
        if tool.outputSchema is not None:
            metadata["structured"] = True
        return FrameworkTool(spec=spec, coroutine=invoke, metadata=metadata)

    async def load(self) -> list[FrameworkTool]:
        return [self.wrap(tool) for tool in await list_all_tools(self.session)]


async def load_mcp_tools(
    session: ClientSession,
    *,
    prefix: str | None = None,
    timeout: timedelta | None = None,
    raise_on_error: bool = False,
    prefer_structured: bool = False,
) -> list[FrameworkTool]:
    adapter = MCPToolAdapter(
        session,
        prefix=prefix,
        timeout=timeout,
        raise_on_error=raise_on_error,
        prefer_structured=prefer_structured,
    )
    return await adapter.load()


async def load_tools_from_client(
    client: MultiServerMCPClient,
    *,
    server_name: str | None = None,
    prefix_with_server: bool = True,
    separator: str = "__",
    timeout: timedelta | None = None,
    retries: int = 0,
) -> list[FrameworkTool]:
    """Collect tools from every connected server (or just one)."""
    names = [server_name] if server_name else client.server_names
    loaded: list[FrameworkTool] = []
    for name in names:
        handle = client.handle(name)
        if not handle.supports_tools:
            continue
        adapter = MCPToolAdapter(
            handle.session,
            server_name=name,
            prefix=name if prefix_with_server else None,
            separator=separator,
            timeout=timeout,
            retries=retries,
        )
        loaded.extend(adapter.wrap(tool) for tool in await client.list_tools(name))
    return loaded
