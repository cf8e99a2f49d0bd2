"""The agent loop: model proposes tool calls, MCP servers execute them, repeat."""

from __future__ import annotations

import argparse
import base64
import json
import logging
import sys
from dataclasses import dataclass
from datetime import timedelta

import anyio
import mcp.types as types
from mcp.client.session import ClientSession
from mcp.shared.exceptions import McpError
from pydantic import AnyUrl

from agentloop.connect import CatalogWatcher, ServerSpec, open_session
from agentloop.executor import ToolExecutor, describe_for_model
from agentloop.llm import ChatMessage, ChatModel, FakeLLM, ToolCall
from agentloop.schemas import llm_tool_name, render_block, tool_to_llm_spec
from agentloop.transcript import Transcript

log = logging.getLogger("agentloop")


@dataclass
class AgentResult:
    answer: str
    transcript: Transcript
    turns: int


class Agent:
    def __init__(
        self,
        session: ClientSession,
        model: ChatModel,
        *,
        watcher: CatalogWatcher | None = None,
        timeout: timedelta = timedelta(seconds=30),
        max_turns: int = 6,
        tool_prefix: str | None = None,
    ) -> None:
        self.session = session
        self.model = model
        self.watcher = watcher
        self.max_turns = max_turns
        self.tool_prefix = tool_prefix
        self.executor = ToolExecutor(session, timeout=timeout)
        self.transcript = Transcript()
        self.context: list[ChatMessage] = []
        self.tools: list[types.Tool] = []
        self._by_llm_name: dict[str, str] = {}
        self.resource_errors: dict[str, int] = {}

    async def load_tools(self) -> list[types.Tool]:
        tools: list[types.Tool] = []
        cursor: types.Cursor | None = None
        while True:
            page = await self.session.list_tools(cursor=cursor)
            tools.extend(page.tools)
            cursor = page.nextCursor
            if not cursor:
                break
        self.tools = tools
        self._by_llm_name = {llm_tool_name(t, self.tool_prefix): t.name for t in tools}
        self.executor.register(tools)
        if self.watcher is not None:
            self.watcher.tools_stale = False
        return tools

    def tool_specs(self) -> list[dict[str, object]]:
        return [tool_to_llm_spec(t, self.tool_prefix) for t in self.tools]

    async def use_prompt(self, name: str, arguments: dict[str, str] | None = None) -> list[ChatMessage]:
        """Render a server prompt and prepend it to the conversation context."""
        result = await self.session.get_prompt(name, arguments)
        self.transcript.prompt = result
        rendered: list[ChatMessage] = []
        if result.description:
            rendered.append(ChatMessage("system", result.description))
        for message in result.messages:
            rendered.append(ChatMessage(message.role, render_block(message.content)))
        self.context.extend(rendered)
        return rendered

    async def attach_resource(self, uri: str) -> str | None:
        try:
            result = await self.session.read_resource(AnyUrl(uri))
        except McpError as exc:
            log.warning("could not read %s: %s", uri, exc.error.message)
            self.resource_errors[uri] = exc.error.code
            self.context.append(ChatMessage("system", f"Resource {uri} is unavailable: {exc.error.message}"))
            return None
        self.transcript.resources.append(result)
        parts: list[str] = []
        for contents in result.contents:
            if isinstance(contents, types.TextResourceContents):
                parts.append(contents.text)
                continue
            raw = base64.b64decode(contents.blob)
            mime = contents.mimeType or "application/octet-stream"
            if mime.startswith("text/") or mime.endswith("json"):
                parts.append(raw.decode("utf-8"))
            else:
                parts.append(f"[{mime}, {len(raw)} bytes, {contents.uri.host}{contents.uri.path or ''}]")
        text = "\n".join(parts)
        self.context.append(ChatMessage("user", f"Attached {uri}:\n{text}"))
        return text

    async def run(self, user_message: str) -> AgentResult:
        if not self.tools or (self.watcher is not None and self.watcher.tools_stale):
            await self.load_tools()
        messages = [*self.context, ChatMessage("user", user_message)]
        for turn in range(1, self.max_turns + 1):
            reply = await self.model.complete(messages, tools=self.tool_specs())
            if not reply.tool_calls:
                self.transcript.answer = reply.text
                return AgentResult(reply.text, self.transcript, turn)
            messages.append(ChatMessage("assistant", reply.text, tool_calls=reply.tool_calls))
            for call in reply.tool_calls:
                target = ToolCall(self._by_llm_name.get(call.name, call.name), call.arguments, id=call.id)
                exchange = await self.executor.execute(target)
                self.transcript.exchanges.append(exchange)
                messages.append(ChatMessage("tool", describe_for_model(exchange), tool_call_id=call.id))
            if self.watcher is not None and self.watcher.tools_stale:
                await self.load_tools()
        self.transcript.answer = "(stopped: turn limit reached)"
        return AgentResult(self.transcript.answer, self.transcript, self.max_turns)


async def _print_tool_specs(spec: ServerSpec) -> None:
    async with open_session(spec) as (session, init):
        agent = Agent(session, FakeLLM([], name="none"))
        await agent.load_tools()
        print(json.dumps({"server": init.serverInfo.name, "tools": agent.tool_specs()}, indent=2))


def cli(argv: list[str] | None = None) -> int:
    """``agentloop (--url URL | --sse URL | -- COMMAND ...)``: print the LLM tool specs of a server."""
    parser = argparse.ArgumentParser(prog="agentloop")
    parser.add_argument("--url")
    parser.add_argument("--sse")
    parser.add_argument("--token")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    ns = parser.parse_args(argv)
    if ns.url and ns.url.startswith(("ws://", "wss://")):
        spec = ServerSpec("cli", "ws", url=ns.url)
    elif ns.url:
        spec = ServerSpec("cli", "http", url=ns.url, token=ns.token)
    elif ns.sse:
        spec = ServerSpec("cli", "sse", url=ns.sse, token=ns.token)
    elif ns.command:
        command = [c for c in ns.command if c != "--"]
        spec = ServerSpec("cli", "stdio", command=command[0], args=command[1:])
    else:
        parser.print_usage(sys.stderr)
        return 2
    anyio.run(_print_tool_specs, spec)
    return 0
