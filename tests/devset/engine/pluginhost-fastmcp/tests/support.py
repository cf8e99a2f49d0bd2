"""Shared helpers for the test modules."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, Literal

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

import mcp.types as types  # noqa: E402
from mcp import ClientSession  # noqa: E402
from mcp.server.fastmcp import FastMCP  # noqa: E402
from mcp.shared.context import RequestContext  # noqa: E402
from mcp.shared.memory import create_connected_server_and_client_session  # noqa: E402

from pluginhost.app import HostState, reset_app  # noqa: E402
from pluginhost.config import HostConfig, PluginList  # noqa: E402
from pluginhost.events import EventLog  # noqa: E402


def fresh_app(plugins: str = "notes,files,assistant,ops", **overrides: Any) -> FastMCP[HostState]:
    config = HostConfig(plugins=PluginList.parse(plugins), data_dir=tempfile.mkdtemp(prefix="ph-test-"), **overrides)
    return reset_app(config)


@asynccontextmanager
async def connect(app: FastMCP[Any], events: EventLog | None = None, **callbacks: Any) -> AsyncIterator[ClientSession]:
    events = events or EventLog()
    async with create_connected_server_and_client_session(
        app._mcp_server,
        logging_callback=events.on_log,
        message_handler=events.handle,
        **callbacks,
    ) as session:
        yield session


def text_of(result: types.CallToolResult) -> str:
    return "".join(block.text for block in result.content if isinstance(block, types.TextContent))


def structured(result: types.CallToolResult) -> dict[str, Any]:
    assert not result.isError, text_of(result)
    payload = result.structuredContent
    assert payload is not None
    return payload


def json_contents(result: types.ReadResourceResult) -> Any:
    first = result.contents[0]
    assert isinstance(first, types.TextResourceContents), first
    assert first.mimeType == "application/json"
    return json.loads(first.text)


class ScriptedModel:
    """A sampling callback that answers with canned text and records what it was asked."""

    def __init__(self, reply: str, stop_reason: str = "endTurn") -> None:
        self.reply = reply
        self.stop_reason = stop_reason
        self.seen: list[types.CreateMessageRequestParams] = []

    async def __call__(
        self, context: RequestContext[ClientSession, Any], params: types.CreateMessageRequestParams
    ) -> types.CreateMessageResult:
        self.seen.append(params)
        return types.CreateMessageResult(
            role="assistant",
            content=types.TextContent(type="text", text=self.reply),
            model="scripted-1",
            stopReason=self.stop_reason,
        )


class ScriptedUser:
    """An elicitation callback that always gives the same answer."""

    def __init__(self, action: Literal["accept", "decline", "cancel"], content: dict[str, Any] | None = None) -> None:
        self.action: Literal["accept", "decline", "cancel"] = action
        self.content = content
        self.seen: list[types.ElicitRequestParams] = []

    async def __call__(
        self, context: RequestContext[ClientSession, Any], params: types.ElicitRequestParams
    ) -> types.ElicitResult | types.ErrorData:
        self.seen.append(params)
        return types.ElicitResult(action=self.action, content=self.content)

    @property
    def last_schema(self) -> dict[str, Any]:
        params = self.seen[-1]
        assert isinstance(params, types.ElicitRequestFormParams)
        return params.requestedSchema
