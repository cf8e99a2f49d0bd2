"""In-memory wiring shared by the test modules."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

import anyio

from mcp import ClientSession, types
from mcp.shared.memory import create_client_server_memory_streams, create_connected_server_and_client_session
from mcp.shared.message import SessionMessage

from intakedesk.audit import AuditLog, relay
from intakedesk.kiosk import AnswerBook, Inbox, KioskClient
from intakedesk.server import mcp

CONTACT = {"full_name": "Ada Byrne", "phone": "+44 7700 900123", "email": "ada@example.org", "sms_ok": True}
SYMPTOMS = {"chief_complaint": "sore throat", "severity": 4, "fever": False, "allergies": ["penicillin"]}


@asynccontextmanager
async def desk(answers: AnswerBook | None = None, inbox: Inbox | None = None) -> AsyncIterator[KioskClient]:
    answers = answers or AnswerBook()
    inbox = inbox or Inbox()
    async with create_connected_server_and_client_session(
        mcp._mcp_server,
        read_timeout_seconds=timedelta(seconds=10),
        elicitation_callback=answers,
        logging_callback=inbox.on_log,
        message_handler=inbox.on_message,
        client_info=types.Implementation(name="desk-tests", version="0"),
    ) as session:
        yield KioskClient(session, answers, inbox)


@asynccontextmanager
async def tapped_desk(
    audit: AuditLog, answers: AnswerBook | None = None
) -> AsyncIterator[tuple[KioskClient, types.InitializeResult]]:
    """Like `desk`, but every frame in both directions passes through the audit relay."""
    answers = answers or AnswerBook()
    inbox = Inbox()
    server = mcp._mcp_server
    async with create_client_server_memory_streams() as (client_streams, server_streams):
        client_read, client_write = client_streams
        server_read, server_write = server_streams
        inbound_send, inbound_receive = anyio.create_memory_object_stream[SessionMessage | Exception](16)
        outbound_send, outbound_receive = anyio.create_memory_object_stream[SessionMessage](16)
        async with anyio.create_task_group() as tg:
            tg.start_soon(relay, server_read, inbound_send, audit)
            tg.start_soon(relay, outbound_receive, server_write, audit)
            tg.start_soon(
                lambda: server.run(inbound_receive, outbound_send, server.create_initialization_options())
            )
            async with ClientSession(
                client_read,
                client_write,
                read_timeout_seconds=timedelta(seconds=10),
                elicitation_callback=answers,
                logging_callback=inbox.on_log,
                message_handler=inbox.on_message,
            ) as session:
                kiosk = KioskClient(session, answers, inbox)
                init = await kiosk.handshake()
                yield kiosk, init
            tg.cancel_scope.cancel()


class ProgressLog:
    def __init__(self) -> None:
        self.events: list[tuple[float, float | None, str | None]] = []

    async def __call__(self, progress: float, total: float | None, message: str | None) -> None:
        self.events.append((progress, total, message))

    @property
    def messages(self) -> list[str | None]:
        return [m for _, _, m in self.events]
