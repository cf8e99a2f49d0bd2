"""Client-side doubles: a mocked ``ClientSession`` and scripted callbacks."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any
from unittest import mock

import anyio
from pydantic import AnyUrl

import mcp.types as types
from mcp import ClientSession
from mcp.shared.context import RequestContext
from mcp.shared.exceptions import McpError
from mcp.shared.session import RequestResponder

IncomingMessage = RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception


def text_result(text: str, *, is_error: bool = False, structured: dict[str, Any] | None = None) -> types.CallToolResult:
    return types.CallToolResult(
        content=[types.TextContent(type="text", text=text)], structuredContent=structured, isError=is_error
    )


def mock_client_session(
    *,
    tools: Sequence[types.Tool] = (),
    tool_results: Mapping[str, types.CallToolResult] | None = None,
    server_name: str = "mock-server",
) -> Any:
    """An autospec'd ``ClientSession`` whose coroutines answer from the given tables."""
    results = dict(tool_results or {})
    session = mock.create_autospec(ClientSession, instance=True)
    session.initialize.return_value = types.InitializeResult.model_validate(
        {
            "protocolVersion": types.LATEST_PROTOCOL_VERSION,
            "capabilities": {"tools": {"listChanged": False}},
            "serverInfo": {"name": server_name, "version": "0.0.0"},
        }
    )
    session.list_tools.return_value = types.ListToolsResult(tools=list(tools), nextCursor=None)

    async def call_tool(name: str, arguments: dict[str, Any] | None = None, *args: Any, **kwargs: Any):
        if name not in results:
            raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"Unknown tool: {name}"))
        return results[name]

    session.call_tool.side_effect = call_tool
    return session


class ScriptedSampler:
    """A sampling callback that answers with canned completions, in order."""

    def __init__(self, *replies: str, model: str = "scripted-model") -> None:
        self._replies = list(replies)
        self.model = model
        self.requests: list[types.CreateMessageRequestParams] = []

    async def __call__(
        self, context: RequestContext[ClientSession, Any], params: types.CreateMessageRequestParams
    ) -> types.CreateMessageResult | types.ErrorData:
        self.requests.append(params)
        if not self._replies:
            return types.ErrorData(code=types.INVALID_REQUEST, message="no scripted reply left")
        text = types.TextContent(type="text", text=self._replies.pop(0))
        return types.CreateMessageResult(role="assistant", content=text, model=self.model, stopReason="endTurn")

    @property
    def last_request(self) -> tuple[str | None, int]:
        return self.requests[-1].systemPrompt, self.requests[-1].maxTokens


class ScriptedElicitor:
    """Answers form elicitations; ``None`` in the script means the user declined."""

    def __init__(self, *answers: dict[str, Any] | None) -> None:
        self._answers = list(answers)
        self.schemas: list[dict[str, Any]] = []

    async def __call__(
        self, context: RequestContext[ClientSession, Any], params: types.ElicitRequestParams
    ) -> types.ElicitResult | types.ErrorData:
        if isinstance(params, types.ElicitRequestURLParams):
            return types.ElicitResult(action="cancel")
        self.schemas.append(params.requestedSchema)
        answer = self._answers.pop(0) if self._answers else None
        return types.ElicitResult(action="accept", content=answer) if answer else types.ElicitResult(action="decline")


class NotificationCollector:
    """A ``message_handler`` that sorts incoming traffic into lists."""

    def __init__(self) -> None:
        self.logs: list[types.LoggingMessageNotificationParams] = []
        self.progress: list[tuple[types.ProgressToken, float, float | None]] = []
        self.updated: list[AnyUrl] = []
        self.list_changed: list[str] = []
        self.requests: list[str] = []
        self._seen = anyio.Event()

    async def __call__(self, message: IncomingMessage) -> None:
        match message:
            case types.ServerNotification(root=types.LoggingMessageNotification(params=params)):
                self.logs.append(params)
            case types.ServerNotification(root=types.ProgressNotification(params=params)):
                self.progress.append((params.progressToken, params.progress, params.total))
            case types.ServerNotification(root=types.ResourceUpdatedNotification(params=params)):
                self.updated.append(params.uri)
            case types.ServerNotification(
                root=types.ToolListChangedNotification() | types.ResourceListChangedNotification() as changed
            ):
                self.list_changed.append(changed.method)
            case RequestResponder():
                self.requests.append(message.request.root.method)
            case _:
                pass
        self._seen.set()
        self._seen = anyio.Event()

    async def wait_until(self, predicate: Callable[[NotificationCollector], bool], timeout: float = 2.0) -> None:
        with anyio.fail_after(timeout):
            while not predicate(self):
                await self._seen.wait()

