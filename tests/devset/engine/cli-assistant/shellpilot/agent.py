"""The tool-calling loop that connects the chat model to the server hub."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

import anyio

import mcp.types as types
from mcp.shared.exceptions import McpError

from .hub import HubError, ServerHub, ToolTimeout
from .llm import ChatMessage, RuleBasedModel, ToolCall
from .render import RenderedResult, render_result, snapshot, tool_to_function_spec

logger = logging.getLogger(__name__)

SYSTEM_PROMPT = "You are shellpilot, a terminal assistant. Use tools when they help."


@dataclass
class ToolRun:
    call: ToolCall
    result: types.CallToolResult
    rendered: RenderedResult
    attempts: int = 1
    progress: list[tuple[float, float | None, str | None]] = field(default_factory=list)

    def record(self) -> dict[str, Any]:
        return {"tool": self.call.name, "arguments": self.call.arguments, "result": snapshot(self.result)}


@dataclass
class AgentTurn:
    prompt: str
    answer: str
    runs: list[ToolRun]
    messages: list[ChatMessage]

    @property
    def failed_tools(self) -> list[str]:
        return [run.call.name for run in self.runs if run.result.isError]


def error_result(message: str) -> types.CallToolResult:
    return types.CallToolResult(content=[types.TextContent(type="text", text=message)], isError=True)


class Agent:
    def __init__(
        self,
        hub: ServerHub,
        model: RuleBasedModel | None = None,
        *,
        max_turns: int = 6,
        tool_timeout: float | None = None,
        retries: int = 1,
        backoff: float = 0.05,
    ) -> None:
        self.hub = hub
        self.model = model or RuleBasedModel()
        self.max_turns = max_turns
        self.tool_timeout = tool_timeout
        self.retries = retries
        self.backoff = backoff

    def function_specs(self) -> list[dict[str, Any]]:
        return [tool_to_function_spec(tool, name) for name, tool in self.hub.all_tools().items()]

    async def ask(self, prompt: str) -> AgentTurn:
        messages = [ChatMessage(role="system", content=SYSTEM_PROMPT), ChatMessage(role="user", content=prompt)]
        runs: list[ToolRun] = []
        for _ in range(self.max_turns):
            await self.hub.refresh_stale()
            reply = self.model.complete(messages, self.function_specs())
            if reply.stop_reason != "toolUse":
                messages.append(ChatMessage(role="assistant", content=reply.text))
                return AgentTurn(prompt, reply.text, runs, messages)
            messages.append(ChatMessage(role="assistant", content=reply.text, tool_calls=reply.tool_calls))
            for call in reply.tool_calls:
                run = await self.run_tool(call)
                runs.append(run)
                messages.append(
                    ChatMessage(
                        role="tool",
                        content=run.rendered.text,
                        tool_call_id=call.id,
                        is_error=run.rendered.is_error,
                    )
                )
        return AgentTurn(prompt, "(stopped: too many tool rounds)", runs, messages)

    async def run_tool(self, call: ToolCall) -> ToolRun:
        updates: list[tuple[float, float | None, str | None]] = []

        async def on_progress(progress: float, total: float | None, message: str | None) -> None:
            updates.append((progress, total, message))

        attempts = 0
        while True:
            attempts += 1
            try:
                result = await self.hub.call_tool(
                    call.name, call.arguments, timeout=self.tool_timeout, progress=on_progress
                )
            except ToolTimeout as exc:
                if attempts <= self.retries:
                    logger.warning("%s; retrying (%d/%d)", exc, attempts, self.retries)
                    await anyio.sleep(self.backoff * attempts)
                    continue
                result = error_result(str(exc))
            except McpError as exc:
                result = self._explain(call, exc)
            except HubError as exc:
                result = error_result(str(exc))
            break

        return ToolRun(call, result, render_result(result), attempts=attempts, progress=updates)

    @staticmethod
    def _explain(call: ToolCall, exc: McpError) -> types.CallToolResult:
        code = exc.error.code
        if code == types.METHOD_NOT_FOUND:
            return error_result(f"no such tool: {call.name}")
        if code == types.INVALID_PARAMS:
            return error_result(f"bad arguments for {call.name}: {exc.error.message}")
        if code == types.CONNECTION_CLOSED:
            return error_result(f"server for {call.name} went away")
        return error_result(f"{call.name} failed ({code}): {exc.error.message}")
