"""Task operators that call MCP servers."""

from __future__ import annotations

from typing import Any, ClassVar

import anyio

from mcp.types import CallToolResult, GetPromptResult

from flowhooks_mcp.base import BaseOperator, TaskContext, TaskFailed
from flowhooks_mcp.content import prompt_to_messages, result_to_xcom
from flowhooks_mcp.hooks import McpHook, McpHookError, McpHookTimeout


class McpToolOperator(BaseOperator):
    """Call one tool and push its result to XCom under ``return_value``.

    ``fail_on_tool_error`` turns an ``isError`` result into a failed task; otherwise the
    error text is pushed and the task succeeds (useful for "best effort" steps).
    """

    template_fields: ClassVar[tuple[str, ...]] = ("tool_name", "arguments")

    def __init__(
        self,
        *,
        mcp_conn_id: str,
        tool_name: str,
        arguments: dict[str, Any] | None = None,
        timeout_seconds: float | None = None,
        fail_on_tool_error: bool = True,
        hook: McpHook | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.mcp_conn_id = mcp_conn_id
        self.tool_name = tool_name
        self.arguments = arguments or {}
        self.timeout_seconds = timeout_seconds
        self.fail_on_tool_error = fail_on_tool_error
        self._hook = hook

    @property
    def hook(self) -> McpHook:
        if self._hook is None:
            self._hook = McpHook(self.mcp_conn_id)
        return self._hook

    async def _call(self) -> CallToolResult:
        return await self.hook.run_tool(self.tool_name, self.arguments, timeout_seconds=self.timeout_seconds)

    def execute(self, context: TaskContext) -> dict[str, Any]:
        self.render_template_fields(context)
        attempts = self.retries + 1
        last: McpHookError | None = None
        for attempt in range(1, attempts + 1):
            try:
                result = anyio.run(self._call)
                break
            except McpHookTimeout as exc:
                self.log.warning("attempt %d/%d timed out: %s", attempt, attempts, exc)
                last = exc
            except McpHookError as exc:
                raise TaskFailed(str(exc)) from exc
        else:
            raise TaskFailed(f"{self.tool_name}: gave up after {attempts} attempts") from last

        payload = result_to_xcom(result)
        if result.isError and self.fail_on_tool_error:
            raise TaskFailed(f"tool {self.tool_name!r} reported an error: {payload['text']}")
        context.xcom_push("return_value", payload)
        if result.structuredContent:
            for key, value in result.structuredContent.items():
                context.xcom_push(f"{self.tool_name}.{key}", value)
        return payload


class McpPromptOperator(BaseOperator):
    """Render a server prompt into chat messages (pushed as a list of role/content dicts)."""

    template_fields: ClassVar[tuple[str, ...]] = ("prompt_name", "prompt_arguments")

    def __init__(
        self,
        *,
        mcp_conn_id: str,
        prompt_name: str,
        prompt_arguments: dict[str, str] | None = None,
        hook: McpHook | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.mcp_conn_id = mcp_conn_id
        self.prompt_name = prompt_name
        self.prompt_arguments = prompt_arguments or {}
        self.hook = hook or McpHook(mcp_conn_id)

    def execute(self, context: TaskContext) -> list[dict[str, str]]:
        self.render_template_fields(context)

        async def render() -> GetPromptResult:
            return await self.hook.render_prompt(self.prompt_name, self.prompt_arguments)

        try:
            result = anyio.run(render)
        except McpHookError as exc:
            raise TaskFailed(str(exc)) from exc
        messages = prompt_to_messages(result.messages)
        if result.description:
            context.xcom_push("prompt_description", result.description)
        context.xcom_push("return_value", messages)
        return messages
