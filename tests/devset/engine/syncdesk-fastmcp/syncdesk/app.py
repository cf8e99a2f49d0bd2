"""The syncdesk server object, its lifespan state and the core tools.

Feature modules import ``mcp`` from here and register their own tools,
resources and prompts; ``syncdesk.server`` imports all of them.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import httpx
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.session import ServerSession
from mcp.server.transport_security import TransportSecuritySettings
from mcp.types import ToolAnnotations
from starlette.requests import Request

from .outbound import StatusProbe
from .settings import DeskSettings, load_settings
from .store import TicketStore

logger = logging.getLogger("syncdesk")

SETTINGS = load_settings()

INSTRUCTIONS = """\
You are connected to the syncdesk helpdesk. Tickets live in queues
(support, billing, infra). Use `list_tickets` to browse, `open_ticket` to file
new work and read `tickets://{queue}/{ticket_id}` for the full record.
Knowledge-base articles are under `kb://{section}/{slug}`.
"""


@dataclass
class DeskState:
    settings: DeskSettings
    store: TicketStore
    probe: StatusProbe
    started_at: float
    audit: list[str] = field(default_factory=list)

    def record(self, line: str) -> None:
        self.audit.append(f"{time.strftime('%H:%M:%S')} {line}")


DeskContext = Context[ServerSession, DeskState, Request]

_active: DeskSettings = SETTINGS
_probe_transport: httpx.BaseTransport | None = None


def use_settings(settings: DeskSettings) -> None:
    """Swap the settings picked up by the next session (used by tests and the CLI)."""
    global _active
    _active = settings


def use_probe_transport(transport: httpx.BaseTransport | None) -> None:
    global _probe_transport
    _probe_transport = transport


def active_settings() -> DeskSettings:
    return _active


@asynccontextmanager
async def desk_lifespan(server: FastMCP[DeskState]) -> AsyncIterator[DeskState]:
    settings = active_settings()
    settings.paths.ensure()
    store = TicketStore.open(
        settings.paths.database,
        retries=settings.db_retries,
        retry_delay=settings.db_retry_delay,
    )
    seeded = store.seed_demo() if settings.seed_demo else 0
    probe = StatusProbe(settings.status_url, transport=_probe_transport)
    logger.info("%s session starting (db=%s, seeded=%d)", server.name, settings.paths.database, seeded)
    try:
        yield DeskState(settings=settings, store=store, probe=probe, started_at=time.time())
    finally:
        probe.close()
        store.close()


mcp: FastMCP[DeskState] = FastMCP(
    "syncdesk",
    INSTRUCTIONS,
    dependencies=["httpx", "starlette"],
    debug=True,
    log_level="DEBUG",
    warn_on_duplicate_tools=False,
    lifespan=desk_lifespan,
    host=SETTINGS.host,
    port=SETTINGS.port,
    mount_path=SETTINGS.mount_path,
    sse_path=SETTINGS.sse_path,
    message_path=SETTINGS.message_path,
    streamable_http_path=SETTINGS.streamable_http_path,
    json_response=SETTINGS.json_response,
    stateless_http=SETTINGS.stateless_http,
    transport_security=TransportSecuritySettings(
        enable_dns_rebinding_protection=SETTINGS.strict_hosts,
        allowed_hosts=list(SETTINGS.allowed_hosts),
        allowed_origins=[f"http://{h}" for h in SETTINGS.allowed_hosts],
    ),
)


def desk_state(ctx: DeskContext) -> DeskState:
    return ctx.request_context.lifespan_context


def current_state() -> DeskState:
    """State for code paths that are not handed a Context (completions, plain tools)."""
    return mcp.get_context().request_context.lifespan_context


def caller_agent(ctx: DeskContext) -> str:
    """Agent name from the HTTP ``X-Desk-Agent`` header, or the client's declared name."""
    request = ctx.request_context.request
    if request is not None:
        agent = request.headers.get("x-desk-agent")
        if agent:
            return agent
    params = ctx.session.client_params
    if params is not None:
        return params.clientInfo.name
    return "unknown"


@mcp.tool(
    title="Desk information",
    annotations=ToolAnnotations(readOnlyHint=True, idempotentHint=True, openWorldHint=False),
)
def desk_info(ctx: DeskContext) -> dict[str, object]:
    """Describe this helpdesk: name, queues, uptime and transport endpoints."""
    state = desk_state(ctx)
    return {
        "name": ctx.fastmcp.name,
        "instructions": ctx.fastmcp.instructions,
        "queues": list(state.settings.queues),
        "uptimeSeconds": round(time.time() - state.started_at, 3),
        "tickets": state.store.count(),
        "endpoints": {
            "sse": mcp.settings.sse_path,
            "messages": mcp.settings.message_path,
            "streamableHttp": mcp.settings.streamable_http_path,
            "mountPath": mcp.settings.mount_path,
        },
    }


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True))
def whoami(ctx: DeskContext) -> dict[str, str | None]:
    """Report who the desk thinks is calling (HTTP header or client info)."""
    request = ctx.request_context.request
    return {
        "agent": caller_agent(ctx),
        "requestId": ctx.request_id,
        "clientId": ctx.client_id,
        "transport": "http" if request is not None else "stream",
        "userAgent": request.headers.get("user-agent") if request is not None else None,
    }


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True, openWorldHint=True))
def check_status(ctx: DeskContext) -> str:
    """Fetch the upstream status page (blocking, retried) and summarise it."""
    state = desk_state(ctx)
    try:
        report = state.probe.fetch()
    except httpx.HTTPError as exc:
        state.record(f"status probe failed: {exc}")
        return f"status unavailable: {exc}"
    state.record(f"status probe: {report.indicator}")
    return report.summary()
