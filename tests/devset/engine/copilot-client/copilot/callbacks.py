"""Everything a connected server can ask of the IDE: sampling, elicitation,
roots, plus the notifications it pushes."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any, Protocol

import mcp.types as types
from mcp.client.session import ClientSession
from mcp.client.session_group import ClientSessionParameters
from mcp.shared.context import RequestContext
from mcp.shared.session import RequestResponder
from pydantic import FileUrl

from copilot import CLIENT_INFO

logger = logging.getLogger("copilot.servers")

_PY_LEVELS = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "notice": logging.INFO,
    "warning": logging.WARNING,
    "error": logging.ERROR,
    "critical": logging.CRITICAL,
    "alert": logging.CRITICAL,
    "emergency": logging.CRITICAL,
}


class ModelBackend(Protocol):
    async def complete(self, system: str | None, turns: list[tuple[str, str]], max_tokens: int) -> tuple[str, str]:
        """Return (text, model name)."""
        ...


class UserPrompter(Protocol):
    async def ask_form(self, server: str, message: str, schema: dict[str, Any]) -> dict[str, Any] | None:
        """Show a form; None when the user declines."""
        ...

    async def open_url(self, server: str, message: str, url: str) -> bool: ...


@dataclass(frozen=True)
class ServerEvent:
    server: str
    kind: str
    detail: str = ""


@dataclass
class WorkspaceCallbacks:
    workspace: Path
    backend: ModelBackend
    prompter: UserPrompter
    extra_roots: list[Path] = field(default_factory=lambda: [])
    allow_sampling: bool = True
    events: list[ServerEvent] = field(default_factory=lambda: [])
    stale_tool_lists: set[str] = field(default_factory=lambda: set())

    # -- server -> client requests ------------------------------------------------

    async def sampling(
        self, context: RequestContext[ClientSession, Any], params: types.CreateMessageRequestParams
    ) -> types.CreateMessageResult | types.ErrorData:
        if not self.allow_sampling:
            return types.ErrorData(code=types.INVALID_REQUEST, message="Sampling is disabled in this workspace")
        turns: list[tuple[str, str]] = []
        for message in params.messages:
            content = message.content
            if isinstance(content, types.TextContent):
                turns.append((message.role, content.text))
            else:
                turns.append((message.role, f"[{getattr(content, 'type', 'content')} omitted]"))
        text, model = await self.backend.complete(params.systemPrompt, turns, params.maxTokens)
        stop = "maxTokens" if len(text.split()) >= params.maxTokens else "endTurn"
        return types.CreateMessageResult(
            role="assistant",
            content=types.TextContent(type="text", text=text),
            model=model,
            stopReason=stop,
        )

    async def elicitation(
        self, context: RequestContext[ClientSession, Any], params: types.ElicitRequestParams
    ) -> types.ElicitResult | types.ErrorData:
        server = self._server_of(context)
        if isinstance(params, types.ElicitRequestURLParams):
            opened = await self.prompter.open_url(server, params.message, params.url)
            self.events.append(ServerEvent(server, "url-elicitation", params.elicitationId))
            return types.ElicitResult(action="accept" if opened else "decline")
        answer = await self.prompter.ask_form(server, params.message, params.requestedSchema)
        if answer is None:
            return types.ElicitResult(action="decline")
        return types.ElicitResult(action="accept", content=answer)

    async def list_roots(self, context: RequestContext[ClientSession, Any]) -> types.ListRootsResult:
        roots = [types.Root(uri=FileUrl(self.workspace.as_uri()), name=self.workspace.name)]
        roots += [types.Root(uri=FileUrl(p.as_uri()), name=p.name) for p in self.extra_roots]
        return types.ListRootsResult(roots=roots)

    # -- notifications --------------------------------------------------------------

    async def _log(self, server: str, params: types.LoggingMessageNotificationParams) -> None:
        logging.getLogger(f"copilot.servers.{server}").log(_PY_LEVELS[params.level], "%s", params.data)
        self.events.append(ServerEvent(server, f"log:{params.level}", str(params.data)))

    async def _message(
        self,
        server: str,
        message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception,
    ) -> None:
        if isinstance(message, Exception):
            self.events.append(ServerEvent(server, "transport-error", repr(message)))
            return
        if not isinstance(message, types.ServerNotification):
            return
        match message.root:
            case types.ToolListChangedNotification():
                self.stale_tool_lists.add(server)
                self.events.append(ServerEvent(server, "tools-changed"))
            case types.ResourceUpdatedNotification(params=params):
                uri = params.uri
                detail = (uri.path or "") if uri.scheme == "file" else str(uri)
                self.events.append(ServerEvent(server, "resource-updated", detail))
            case types.ResourceListChangedNotification():
                self.events.append(ServerEvent(server, "resources-changed"))
            case _:
                pass

    def _server_of(self, context: RequestContext[ClientSession, Any]) -> str:
        return getattr(context.session, "copilot_server_name", "unknown")

    def bind(self, server: str, read_timeout: timedelta | None = None) -> ClientSessionParameters:
        """Session parameters whose notifications are tagged with ``server``."""

        async def logging_callback(params: types.LoggingMessageNotificationParams) -> None:
            await self._log(server, params)

        async def message_handler(
            message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception,
        ) -> None:
            await self._message(server, message)

        return ClientSessionParameters(
            read_timeout_seconds=read_timeout,
            sampling_callback=self.sampling,
            elicitation_callback=self.elicitation,
            list_roots_callback=self.list_roots,
            logging_callback=logging_callback,
            message_handler=message_handler,
            client_info=CLIENT_INFO,
        )

    def session_kwargs(self, server: str) -> dict[str, Any]:
        """Same callbacks as keyword arguments for a hand-built ClientSession."""
        params = self.bind(server)
        return {
            "sampling_callback": params.sampling_callback,
            "elicitation_callback": params.elicitation_callback,
            "list_roots_callback": params.list_roots_callback,
            "logging_callback": params.logging_callback,
            "message_handler": params.message_handler,
            "client_info": params.client_info,
        }
