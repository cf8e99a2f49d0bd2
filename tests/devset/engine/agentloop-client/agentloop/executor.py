"""Execute model tool calls against an MCP session with timeouts, retries and progress."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import httpx
import mcp.types as types
from mcp.client.session import ClientSession
from mcp.shared.exceptions import McpError

from agentloop.llm import ToolCall
from agentloop.transcript import ToolExchange

log = logging.getLogger("agentloop.executor")

ProgressHook = Callable[[ToolCall, float, float | None, str | None], Awaitable[None]]


class AgentAborted(RuntimeError):
    """The connection to the server is gone; the loop cannot continue."""


class ToolExecutor:
    def __init__(
        self,
        session: ClientSession,
        *,
        timeout: timedelta = timedelta(seconds=30),
        retries: int = 1,
        backoff: float = 3.0,
        on_progress: ProgressHook | None = None,
    ) -> None:
        self.session = session
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.on_progress = on_progress
        self.tools: dict[str, types.Tool] = {}
        self.pending_urls: list[str] = []

    def register(self, tools: list[types.Tool]) -> None:
        self.tools = {t.name: t for t in tools}

    async def execute(self, call: ToolCall) -> ToolExchange:
        exchange = ToolExchange(call=call, tool=self.tools.get(call.name), attempts=0)

        async def progress(progress: float, total: float | None, message: str | None) -> None:
            exchange.progress.append((progress, total, message))
            if self.on_progress is not None:
                await self.on_progress(call, progress, total, message)

        timeout = self.timeout
        started = time.monotonic()
        while True:
            exchange.attempts += 1
            try:
                exchange.result = await self.session.call_tool(
                    call.name,
                    call.arguments,
                    read_timeout_seconds=timeout,
                    progress_callback=progress,
                )
            except McpError as exc:
                if exc.error.code == httpx.codes.REQUEST_TIMEOUT and exchange.attempts <= self.retries:
                    log.warning("%s timed out after %s, retrying", call.name, timeout)
                    timeout = timeout * self.backoff
                    continue
                exchange.error = self._classify(call, exc)
            break
        exchange.elapsed = time.monotonic() - started
        return exchange

    def _classify(self, call: ToolCall, exc: McpError) -> types.ErrorData:
        error = exc.error
        if error.code == types.CONNECTION_CLOSED:
            raise AgentAborted(f"server went away while running {call.name}") from exc
        if error.code == types.URL_ELICITATION_REQUIRED:
            data: Any = error.data or {}
            self.pending_urls.extend(e["url"] for e in data.get("elicitations", []))
            message = f"{call.name} needs the user to visit: {', '.join(self.pending_urls)}"
        elif error.code == httpx.codes.REQUEST_TIMEOUT:
            message = f"{call.name} did not answer within {self.timeout.total_seconds():g}s"
        elif error.code == types.METHOD_NOT_FOUND:
            message = "this server does not support tool calls"
        elif error.code == types.INVALID_PARAMS:
            message = f"invalid arguments for {call.name}: {error.message}"
        else:
            message = error.message
        return types.ErrorData(code=error.code, message=message, data=error.data)


def describe_for_model(exchange: ToolExchange) -> str:
    from agentloop.schemas import result_for_llm

    if exchange.error is not None:
        return f"ERROR ({exchange.error.code}): {exchange.error.message}"
    assert exchange.result is not None
    return result_for_llm(exchange.result)
