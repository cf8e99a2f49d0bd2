"""Client-side handlers for requests and notifications coming from a server."""

from __future__ import annotations

import base64
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import AnyUrl

from mcp import types
from mcp.client.session import ClientSession
from mcp.shared.context import RequestContext
from mcp.shared.session import RequestResponder

from deskmate.config import ApprovalSettings
from deskmate.forms import FormModel, FormPresenter, ScriptedPresenter
from deskmate.llm import ChatTurn, StubLLM
from deskmate.panels import ActivityFeed, LogPanel, ProgressBoard
from deskmate.workspaces import WorkspaceManager

log = logging.getLogger(__name__)

IncomingMessage = RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception
STOP_REASONS = {"end_turn": "endTurn", "max_tokens": "maxTokens", "stop_sequence": "stopSequence"}


@dataclass
class PendingUrlElicitation:
    server: str
    url: str
    message: str
    completed: bool = False


@dataclass
class HostServices:
    """Everything the per-server handlers need from the surrounding app."""

    llm: StubLLM
    presenter: FormPresenter
    workspaces: WorkspaceManager
    logs: LogPanel
    progress: ProgressBoard
    feed: ActivityFeed
    approvals: ApprovalSettings = field(default_factory=ApprovalSettings)
    open_url: Callable[[str], Awaitable[bool]] | None = None
    on_resource_updated: Callable[[str, AnyUrl], Awaitable[None]] | None = None
    on_list_changed: Callable[[str, str], Awaitable[None]] | None = None
    url_elicitations: dict[str, PendingUrlElicitation] = field(default_factory=dict)

    @classmethod
    def headless(cls) -> HostServices:
        return cls(StubLLM(), ScriptedPresenter(), WorkspaceManager(), LogPanel(), ProgressBoard(), ActivityFeed())


def _turn_from_sampling(message: types.SamplingMessage) -> ChatTurn:
    texts: list[str] = []
    attachments: list[str] = []
    for block in message.content_as_list:
        if isinstance(block, types.TextContent):
            texts.append(block.text)
        elif isinstance(block, types.ImageContent | types.AudioContent):
            attachments.append(f"{block.mimeType} ({len(base64.b64decode(block.data))} bytes)")
    return ChatTurn(role=message.role, text="\n".join(texts), attachments=attachments)


class ServerCallbacks:
    """The set of callbacks handed to one server's ``ClientSession``."""

    def __init__(self, server: str, services: HostServices) -> None:
        self.server = server
        self.services = services
        self.sampling_requests: list[types.CreateMessageRequestParams] = []
        self.inbound_methods: list[str] = []

    async def sampling(
        self, context: RequestContext[ClientSession, Any], params: types.CreateMessageRequestParams
    ) -> types.CreateMessageResult | types.ErrorData:
        self.sampling_requests.append(params)
        self.services.feed.push(self.server, "sampling", request_id=context.request_id)
        if not self.services.approvals.allow_sampling:
            return types.ErrorData(code=types.INVALID_REQUEST, message="Sampling is disabled in settings")

        prefs = params.modelPreferences or types.ModelPreferences()
        card = self.services.llm.choose_model(
            [hint.name for hint in prefs.hints or [] if hint.name],
            cost=prefs.costPriority,
            speed=prefs.speedPriority,
            smarts=prefs.intelligencePriority,
        )
        turns = [_turn_from_sampling(message) for message in params.messages]
        if params.includeContext not in (None, "none"):
            labels = ", ".join(ws.label for ws in self.services.workspaces.workspaces)
            turns.insert(0, ChatTurn(role="user", text=f"open workspaces: {labels}"))
        completion = self.services.llm.complete(
            turns,
            model=card,
            max_tokens=params.maxTokens,
            system=params.systemPrompt,
            stop_sequences=params.stopSequences,
        )
        return types.CreateMessageResult(
            role="assistant",
            content=types.TextContent(type="text", text=completion.text),
            model=completion.model,
            stopReason=STOP_REASONS[completion.stop_reason],
        )

    async def elicitation(
        self, context: RequestContext[ClientSession, Any], params: types.ElicitRequestParams
    ) -> types.ElicitResult | types.ErrorData:
        self.services.feed.push(self.server, "elicitation", mode=params.mode)
        if isinstance(params, types.ElicitRequestURLParams):
            pending = PendingUrlElicitation(self.server, params.url, params.message)
            self.services.url_elicitations[params.elicitationId] = pending
            if self.services.open_url is None:
                return types.ElicitResult(action="decline")
            opened = await self.services.open_url(params.url)
            return types.ElicitResult(action="accept" if opened else "cancel")

        try:
            form = FormModel.from_schema(params.message, params.requestedSchema, source=self.server)
        except ValueError as exc:
            return types.ErrorData(code=types.INVALID_PARAMS, message=str(exc))
        outcome = await self.services.presenter(form)
        if outcome.action != "accept":
            return types.ElicitResult(action=outcome.action)
        return types.ElicitResult(action="accept", content=dict(outcome.values))

    async def list_roots(self, context: RequestContext[ClientSession, Any]) -> types.ListRootsResult:
        roots = self.services.workspaces.as_roots()
        self.services.feed.push(self.server, "roots", count=len(roots))
        return types.ListRootsResult(roots=roots)

    async def logging(self, params: types.LoggingMessageNotificationParams) -> None:
        self.services.logs.add(self.server, params)

    async def on_message(self, message: IncomingMessage) -> None:
        if isinstance(message, Exception):
            log.warning("transport error from %s: %s", self.server, message)
            self.services.feed.push(self.server, "transport-error", error=repr(message))
        elif isinstance(message, types.ServerNotification):
            await self._on_notification(message.root)
        else:
            self.inbound_methods.append(message.request.root.method)

    async def _on_notification(self, notification: types.ServerNotificationType) -> None:
        self.inbound_methods.append(notification.method)
        match notification:
            case types.ProgressNotification(params=params):
                self.services.progress.update(
                    self.server, params.progressToken, params.progress, params.total, params.message
                )
            case types.ResourceUpdatedNotification(params=params):
                self.services.feed.push(self.server, "resource-updated", uri=str(params.uri))
                if self.services.on_resource_updated is not None:
                    await self.services.on_resource_updated(self.server, params.uri)
            case types.ToolListChangedNotification() | types.ResourceListChangedNotification():
                collection = notification.method.split("/")[1]
                self.services.feed.push(self.server, "list-changed", collection=collection)
                if self.services.on_list_changed is not None:
                    await self.services.on_list_changed(self.server, collection)
            case types.ElicitCompleteNotification(params=params):
                if params.elicitationId in self.services.url_elicitations:
                    self.services.url_elicitations[params.elicitationId].completed = True
            case _:
                pass
