"""MCPToolkit: connect to several MCP servers and expose their tools as ToolSpecs."""

from __future__ import annotations

import logging
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Literal

from mcp import ClientSession, McpError, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamablehttp_client
from mcp.types import INVALID_PARAMS, Prompt, Tool

from . import convert
from .specs import ChatTurn, PromptTemplateSpec, ToolOutput, ToolSpec

log = logging.getLogger(__name__)


@dataclass
class ServerConfig:
    name: str
    transport: Literal["stdio", "http"] = "stdio"
    command: str | None = None
    args: list[str] = field(default_factory=list)
    env: dict[str, str] | None = None
    url: str | None = None
    headers: dict[str, str] | None = None
    prefix_tools: bool = True
    timeout_s: float = 30.0


class MCPToolkit:
    def __init__(self, servers: list[ServerConfig], *, read_only: bool = False) -> None:
        self._configs = {s.name: s for s in servers}
        self._sessions: dict[str, ClientSession] = {}
        self._stack = AsyncExitStack()
        self._read_only = read_only
        self.tools: list[ToolSpec] = []
        self.prompts: list[PromptTemplateSpec] = []

    async def __aenter__(self) -> MCPToolkit:
        for cfg in self._configs.values():
            self._sessions[cfg.name] = await self._open(cfg)
        await self.refresh()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._stack.aclose()
        self._sessions.clear()

    async def _open(self, cfg: ServerConfig) -> ClientSession:
        timeout = timedelta(seconds=cfg.timeout_s)
        if cfg.transport == "stdio":
            if not cfg.command:
                raise ValueError(f"{cfg.name}: stdio transport needs a command")
            params = StdioServerParameters(command=cfg.command, args=cfg.args, env=cfg.env)
            read, write = await self._stack.enter_async_context(stdio_client(params))
        else:
            if not cfg.url:
                raise ValueError(f"{cfg.name}: http transport needs a url")
            read, write, _ = await self._stack.enter_async_context(
                streamablehttp_client(cfg.url, headers=cfg.headers, timeout=cfg.timeout_s)
            )
        session = await self._stack.enter_async_context(ClientSession(read, write, read_timeout_seconds=timeout))
        init = await session.initialize()
        log.info("connected to %s (%s %s)", cfg.name, init.serverInfo.name, init.protocolVersion)
        return session

    async def _all_tools(self, session: ClientSession) -> list[Tool]:
        tools: list[Tool] = []
        cursor: str | None = None
        while True:
            page = await session.list_tools(cursor=cursor)
            tools.extend(page.tools)
            cursor = page.nextCursor
            if not cursor:
                return tools

    async def _all_prompts(self, session: ClientSession) -> list[Prompt]:
        caps = session.get_server_capabilities()
        if caps is None or caps.prompts is None:
            return []
        return (await session.list_prompts()).prompts

    async def refresh(self) -> None:
        self.tools.clear()
        self.prompts.clear()
        for name, session in self._sessions.items():
            cfg = self._configs[name]
            for tool in await self._all_tools(session):
                spec = self._tool_spec(cfg, session, tool)
                if self._read_only and not spec.read_only:
                    continue
                self.tools.append(spec)
            for prompt in await self._all_prompts(session):
                self.prompts.append(self._prompt_spec(cfg, session, prompt))

    def _tool_spec(self, cfg: ServerConfig, session: ClientSession, tool: Tool) -> ToolSpec:
        public = f"{cfg.name}__{tool.name}" if cfg.prefix_tools else tool.name
        timeout = timedelta(seconds=cfg.timeout_s)

        async def run(**kwargs: Any) -> ToolOutput:
            try:
                result = await session.call_tool(tool.name, kwargs, read_timeout_seconds=timeout)
            except McpError as exc:
                if exc.error.code == INVALID_PARAMS:
                    return ToolOutput(text=f"bad arguments: {exc.error.message}", failed=True)
                if exc.error.code == 408:
                    return ToolOutput(text=f"{tool.name} timed out after {cfg.timeout_s}s", failed=True)
                raise
            return convert.tool_output(result)

        tags = {cfg.name}
        if tool.annotations is not None and tool.annotations.openWorldHint:
            tags.add("network")
        return ToolSpec(
            name=public,
            description=tool.description or "",
            args=convert.args_from_tool(tool),
            read_only=convert.is_read_only(tool),
            display_name=convert.display_name(tool),
            output_fields=convert.output_fields(tool),
            return_direct=bool(tool.outputSchema),
            server=cfg.name,
            coroutine=run,
            tags=tags,
        )

    def _prompt_spec(self, cfg: ServerConfig, session: ClientSession, prompt: Prompt) -> PromptTemplateSpec:
        names, required = convert.prompt_variables(prompt)

        async def render(values: dict[str, str]) -> list[ChatTurn]:
            result = await session.get_prompt(prompt.name, arguments=values)
            return convert.turns_from_prompt(result)

        return PromptTemplateSpec(
            name=prompt.name,
            description=prompt.title or prompt.description or "",
            input_variables=names,
            required_variables=required,
            server=cfg.name,
            render=render,
        )

    def get_tool(self, name: str) -> ToolSpec:
        for spec in self.tools:
            if spec.name == name:
                return spec
        raise KeyError(name)

    def describe(self) -> str:
        lines = []
        for spec in self.tools:
            flag = " (read-only)" if spec.read_only else ""
            lines.append(f"- {spec.signature()}{flag}: {spec.description}")
        return "\n".join(lines)
