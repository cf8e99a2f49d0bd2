"""Wires upstream fixtures, the hub, and a downstream test client together."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from pydantic import FileUrl

import mcp.types as types
from mcp.client.session import ClientSession
from mcp.shared.context import RequestContext
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.shared.session import RequestResponder

from hubproxy.config import HubConfig
from hubproxy.server import HubServer
from hubproxy.wiretap import WireTap
from tests.upstreams import AlphaFixture, BetaFixture, build_alpha, build_beta

TEST_TOKENS = "tok-reader=dash-bot@acme:hub.read;tok-admin=ops@acme:hub.read hub.call hub.admin"
UPSTREAMS = {
    "mcpServers": {
        "alpha": {"transport": "memory", "readTimeoutSeconds": 0.5},
        "beta": {"transport": "memory", "readTimeoutSeconds": 5},
    }
}


@dataclass
class Rig:
    hub: HubServer
    alpha: AlphaFixture
    beta: BetaFixture
    tap: WireTap


def build_rig() -> Rig:
    alpha, beta, tap = build_alpha(), build_beta(), WireTap()
    config = HubConfig.from_env({"HUB_NAME": "hubproxy-test", "HUB_UPSTREAMS": json.dumps(UPSTREAMS), "HUB_LOG_LEVEL": "warning"})
    hub = HubServer(config, local_servers={"alpha": alpha.server, "beta": beta.server}, tap=tap)
    return Rig(hub=hub, alpha=alpha, beta=beta, tap=tap)


@dataclass
class Downstream:
    """Plays the part of the end-user MCP client (an IDE, a chat app...)."""

    elicit_action: str = "accept"
    sampled: list[types.CreateMessageRequestParams] = field(default_factory=list)
    elicited: list[types.ElicitRequestParams] = field(default_factory=list)
    logs: list[types.LoggingMessageNotificationParams] = field(default_factory=list)
    notifications: list[types.ServerNotificationType] = field(default_factory=list)
    progress: list[tuple[float, float | None, str | None]] = field(default_factory=list)

    async def sampling(
        self, context: RequestContext[ClientSession, Any], params: types.CreateMessageRequestParams
    ) -> types.CreateMessageResult:
        self.sampled.append(params)
        first = params.messages[0].content
        words = first.text.split()[:2] if isinstance(first, types.TextContent) else []
        reply = types.TextContent(type="text", text=f"summary of {' '.join(words)}")
        return types.CreateMessageResult(role="assistant", content=reply, model="fake-llm-1", stopReason="endTurn")

    async def elicitation(
        self, context: RequestContext[ClientSession, Any], params: types.ElicitRequestParams
    ) -> types.ElicitResult:
        self.elicited.append(params)
        if self.elicit_action == "accept":
            return types.ElicitResult(action="accept", content={"attendees": 3, "confirm": True})
        return types.ElicitResult(action="decline")

    async def list_roots(self, context: RequestContext[ClientSession, Any]) -> types.ListRootsResult:
        return types.ListRootsResult(roots=[types.Root(uri=FileUrl("file:///work/project"), name="project")])

    async def logging(self, params: types.LoggingMessageNotificationParams) -> None:
        self.logs.append(params)

    async def on_message(
        self,
        message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception,
    ) -> None:
        if isinstance(message, types.ServerNotification):
            self.notifications.append(message.root)

    async def on_progress(self, progress: float, total: float | None, message: str | None) -> None:
        self.progress.append((progress, total, message))


@asynccontextmanager
async def connect(rig: Rig, downstream: Downstream | None = None) -> AsyncIterator[ClientSession]:
    downstream = downstream or Downstream()
    async with create_connected_server_and_client_session(
        rig.hub._mcp_server,
        read_timeout_seconds=timedelta(seconds=10),
        sampling_callback=downstream.sampling,
        list_roots_callback=downstream.list_roots,
        logging_callback=downstream.logging,
        message_handler=downstream.on_message,
        elicitation_callback=downstream.elicitation,
        client_info=types.Implementation(name="hub-tests", version="1.0"),
    ) as session:
        yield session


def text_of(result: types.CallToolResult) -> str:
    return "\n".join(block.text for block in result.content if isinstance(block, types.TextContent))


def structured(result: types.CallToolResult) -> dict[str, Any]:
    assert not result.isError and result.structuredContent is not None, text_of(result)
    return result.structuredContent
