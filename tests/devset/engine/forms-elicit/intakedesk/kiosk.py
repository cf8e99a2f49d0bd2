"""Client side of the desk: what runs on the touch-screen kiosk.

The kiosk answers the server's questions (elicitation) from whatever is on
screen; in demos and tests that is an `AnswerBook` of scripted answers.
"""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Literal

import httpx
from pydantic import AnyUrl

from mcp import ClientSession, types
from mcp.client.streamable_http import GetSessionIdCallback, streamablehttp_client
from mcp.shared.context import RequestContext
from mcp.shared.exceptions import McpError
from mcp.shared.session import ProgressFnT, RequestResponder
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS

from intakedesk import __version__

log = logging.getLogger("intakedesk.kiosk")
logging.getLogger("httpx").setLevel(logging.WARNING)
logging.getLogger("httpcore").setLevel(logging.WARNING)

FormValue = str | int | float | bool | list[str] | None
Scripted = Mapping[str, FormValue] | Literal["decline", "cancel"]

KIOSK_INFO = types.Implementation(name="intake-kiosk", version=__version__)


class DeskUnavailable(RuntimeError):
    pass


@dataclass
class AnswerBook:
    """Scripted kiosk answers, keyed by the title of the requested schema.

    A list value is consumed one entry per question, so the same form can be
    answered differently the second time it is shown.
    """

    answers: dict[str, Scripted | list[Scripted]] = field(default_factory=dict)
    open_portals: bool = True
    seen: list[tuple[str, str]] = field(default_factory=list)
    portals: list[tuple[str, str]] = field(default_factory=list)

    def _next(self, title: str) -> Scripted | None:
        entry = self.answers.get(title)
        if isinstance(entry, list):
            return entry.pop(0) if entry else None
        return entry

    async def __call__(
        self,
        context: RequestContext[ClientSession, Any],
        params: types.ElicitRequestParams,
    ) -> types.ElicitResult | types.ErrorData:
        if isinstance(params, types.ElicitRequestURLParams):
            self.seen.append(("url", params.message))
            self.portals.append((params.url, params.elicitationId))
            return types.ElicitResult(action="accept" if self.open_portals else "decline")

        schema = params.requestedSchema
        title = str(schema.get("title", ""))
        self.seen.append(("form", params.message))
        scripted = self._next(title)
        if scripted is None:
            return types.ErrorData(code=types.INVALID_REQUEST, message=f"kiosk has no answers for {title!r}")
        if isinstance(scripted, str):
            return types.ElicitResult(action=scripted)
        unknown = set(scripted) - set(schema.get("properties", {}))
        if unknown:
            return types.ErrorData(code=types.INVALID_PARAMS, message=f"unexpected fields {sorted(unknown)}")
        return types.ElicitResult(action="accept", content=dict(scripted))


@dataclass
class Inbox:
    """Everything the server pushed at us that was not a direct answer."""

    logs: list[tuple[str, str | None, Any]] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    completed: list[str] = field(default_factory=list)
    list_changed: int = 0
    progress_tokens: list[str | int] = field(default_factory=list)
    server_requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    async def on_log(self, params: types.LoggingMessageNotificationParams) -> None:
        self.logs.append((params.level, params.logger, params.data))

    async def on_message(
        self,
        message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception,
    ) -> None:
        if isinstance(message, Exception):
            self.errors.append(repr(message))
            return
        if isinstance(message, RequestResponder):
            self.server_requests.append(message.request.root.method)
            return
        match message.root:
            case types.ResourceUpdatedNotification(params=params):
                self.updated.append(str(params.uri))
            case types.ElicitCompleteNotification(params=params):
                self.completed.append(params.elicitationId)
            case types.ResourceListChangedNotification():
                self.list_changed += 1
            case types.ProgressNotification(params=params):
                self.progress_tokens.append(params.progressToken)
            case _:
                pass

    def log_lines(self, logger: str | None = None) -> list[str]:
        return [str(data) for _, name, data in self.logs if logger is None or name == logger]


@dataclass
class ToolOutcome:
    ok: bool
    text: str
    data: dict[str, Any] | None = None


@dataclass
class ResourcePayload:
    uri: AnyUrl
    mime_type: str | None
    text: str | None = None
    blob: bytes | None = None

    @property
    def scheme(self) -> str:
        return self.uri.scheme

    def json(self) -> Any:
        raw = self.text if self.text is not None else (self.blob or b"").decode()
        return json.loads(raw)


class KioskClient:
    def __init__(self, session: ClientSession, book: AnswerBook, inbox: Inbox) -> None:
        self.session = session
        self.book = book
        self.inbox = inbox
        self.server_name: str | None = None
        self.protocol: str | None = None
        self.http_session_id: str | None = None

    async def handshake(self) -> types.InitializeResult:
        init = await self.session.initialize()
        if init.protocolVersion not in SUPPORTED_PROTOCOL_VERSIONS:
            raise DeskUnavailable(f"desk speaks {init.protocolVersion}, kiosk supports {SUPPORTED_PROTOCOL_VERSIONS}")
        self.server_name = init.serverInfo.name
        self.protocol = init.protocolVersion
        return init

    def can_log(self) -> bool:
        caps = self.session.get_server_capabilities()
        return caps is not None and caps.logging is not None

    async def tools(self) -> list[types.Tool]:
        found: list[types.Tool] = []
        cursor: types.Cursor | None = None
        while True:
            page = await self.session.list_tools(cursor=cursor)
            found.extend(page.tools)
            if page.nextCursor is None:
                return found
            cursor = page.nextCursor

    async def tool_index(self) -> dict[str, dict[str, Any]]:
        index: dict[str, dict[str, Any]] = {}
        for tool in await self.tools():
            hints = tool.annotations
            index[tool.name] = {
                "title": tool.title,
                "required": list(tool.inputSchema.get("required", [])),
                "structured": tool.outputSchema is not None,
                "readOnly": bool(hints and hints.readOnlyHint),
            }
        return index

    async def call(
        self,
        name: str,
        arguments: dict[str, Any] | None = None,
        *,
        timeout: timedelta = timedelta(seconds=20),
        on_progress: ProgressFnT | None = None,
        retries: int = 1,
    ) -> ToolOutcome:
        attempt = 0
        while True:
            try:
                result = await self.session.call_tool(
                    name, arguments or {}, read_timeout_seconds=timeout, progress_callback=on_progress
                )
                break
            except McpError as exc:
                if exc.error.code == httpx.codes.REQUEST_TIMEOUT and attempt < retries:
                    attempt += 1
                    log.warning("%s timed out, retry %d", name, attempt)
                    continue
                raise
        text = "\n".join(block.text for block in result.content if isinstance(block, types.TextContent))
        return ToolOutcome(ok=not result.isError, text=text, data=result.structuredContent)

    async def resources(self) -> list[types.Resource]:
        found: list[types.Resource] = []
        cursor: str | None = None
        while True:
            page = await self.session.list_resources(cursor=cursor)
            found.extend(page.resources)
            if not page.nextCursor:
                return found
            cursor = page.nextCursor

    async def templates(self) -> dict[str, str | None]:
        listing = await self.session.list_resource_templates()
        return {tpl.uriTemplate: tpl.mimeType for tpl in listing.resourceTemplates}

    async def read(self, uri: str) -> ResourcePayload:
        result = await self.session.read_resource(AnyUrl(uri))
        for item in result.contents:
            if isinstance(item, types.TextResourceContents):
                return ResourcePayload(uri=item.uri, mime_type=item.mimeType, text=item.text)
            if isinstance(item, types.BlobResourceContents):
                return ResourcePayload(uri=item.uri, mime_type=item.mimeType, blob=base64.b64decode(item.blob))
        raise DeskUnavailable(f"{uri} returned no contents")

    async def watch(self, uri: str) -> None:
        await self.session.subscribe_resource(AnyUrl(uri))

    async def unwatch(self, uri: str) -> None:
        await self.session.unsubscribe_resource(AnyUrl(uri))

    async def suggest(self, template: str, argument: str, prefix: str) -> tuple[list[str], bool]:
        ref = types.ResourceTemplateReference(type="ref/resource", uri=template)
        reply = await self.session.complete(ref, {"name": argument, "value": prefix})
        return reply.completion.values, bool(reply.completion.hasMore)

    async def handover(self, submission_id: str) -> list[str]:
        prompt = await self.session.get_prompt("triage_handover", {"submission_id": submission_id})
        lines: list[str] = []
        for message in prompt.messages:
            if isinstance(message.content, types.TextContent):
                lines.append(f"{message.role}: {message.content.text}")
        return lines

    async def quiet(self, level: types.LoggingLevel = "warning") -> None:
        await self.session.set_logging_level(level)


@asynccontextmanager
async def connect_http(
    url: str,
    book: AnswerBook,
    *,
    token: str | None = None,
    inbox: Inbox | None = None,
) -> AsyncIterator[KioskClient]:
    """Connect a kiosk to a desk running the streamable HTTP transport."""
    headers = {"Authorization": f"Bearer {token}"} if token else None
    inbox = inbox or Inbox()
    async with streamablehttp_client(
        url,
        headers=headers,
        timeout=timedelta(seconds=15),
        sse_read_timeout=timedelta(minutes=10),
    ) as (read_stream, write_stream, get_session_id):
        async with ClientSession(
            read_stream,
            write_stream,
            read_timeout_seconds=timedelta(seconds=60),
            elicitation_callback=book,
            logging_callback=inbox.on_log,
            message_handler=inbox.on_message,
            client_info=KIOSK_INFO,
        ) as session:
            kiosk = KioskClient(session, book, inbox)
            await kiosk.handshake()
            kiosk.http_session_id = _session_id(get_session_id)
            yield kiosk


def _session_id(getter: GetSessionIdCallback) -> str | None:
    try:
        return getter()
    except Exception:  # the transport may not have one yet
        return None


async def probe_health(base_url: str, *, transport: httpx.AsyncBaseTransport | None = None) -> dict[str, Any]:
    """Ask the desk's /healthz before showing the welcome screen."""
    async with httpx.AsyncClient(base_url=base_url, transport=transport, timeout=5.0) as client:
        try:
            response = await client.get("/healthz")
            response.raise_for_status()
        except httpx.ConnectError as exc:
            raise DeskUnavailable(f"desk at {base_url} is not reachable") from exc
        except httpx.HTTPStatusError as exc:
            raise DeskUnavailable(f"desk answered {exc.response.status_code}") from exc
        return response.json()
