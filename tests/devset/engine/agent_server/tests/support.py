from contextlib import asynccontextmanager
from typing import Any

from mcp import ClientSession
from mcp.shared.context import RequestContext
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.types import (
    CreateMessageRequestParams,
    CreateMessageResult,
    ElicitRequestParams,
    ElicitResult,
    LoggingMessageNotificationParams,
    TextContent,
)

from agent_server import mcp


class FakeClient:
    """Client-side callbacks with scripted answers."""

    def __init__(self, elicit_answers: list[ElicitResult] | None = None) -> None:
        self.elicit_answers = list(elicit_answers or [])
        self.sampling_requests: list[CreateMessageRequestParams] = []
        self.elicit_requests: list[ElicitRequestParams] = []
        self.logs: list[LoggingMessageNotificationParams] = []

    async def sample(self, context: RequestContext[ClientSession, Any], params: CreateMessageRequestParams) -> CreateMessageResult:
        self.sampling_requests.append(params)
        return CreateMessageResult(
            role="assistant",
            content=TextContent(type="text", text="  MCP links models to tools.  "),
            model="fake-llm-1",
            stopReason="endTurn",
        )

    async def elicit(self, context: RequestContext[ClientSession, Any], params: ElicitRequestParams) -> ElicitResult:
        self.elicit_requests.append(params)
        return self.elicit_answers.pop(0)

    async def log(self, params: LoggingMessageNotificationParams) -> None:
        self.logs.append(params)


@asynccontextmanager
async def agent_session(fake: FakeClient):
    async with create_connected_server_and_client_session(
        mcp._mcp_server,
        sampling_callback=fake.sample,
        elicitation_callback=fake.elicit,
        logging_callback=fake.log,
    ) as session:
        yield session
