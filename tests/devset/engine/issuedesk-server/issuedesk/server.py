"""FastMCP application object. Feature modules import ``mcp`` from here."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from mcp.server.fastmcp import FastMCP
from mcp.server.transport_security import TransportSecuritySettings

from issuedesk import config
from issuedesk.store import IssueStore


@dataclass
class AppState:
    store: IssueStore
    default_project: str


@asynccontextmanager
async def app_lifespan(server: FastMCP[AppState]) -> AsyncIterator[AppState]:
    store = IssueStore.seeded()
    try:
        yield AppState(store=store, default_project=config.DEFAULT_PROJECT)
    finally:
        store.close()


_security = (
    TransportSecuritySettings(enable_dns_rebinding_protection=True, allowed_hosts=config.ALLOWED_HOSTS)
    if config.ALLOWED_HOSTS
    else None
)

mcp: FastMCP[AppState] = FastMCP(
    "issuedesk",
    "Triage and manage issues in the IssueDesk tracker. Search before creating to avoid duplicates.",
    lifespan=app_lifespan,
    host=config.HOST,
    port=config.PORT,
    json_response=config.JSON_RESPONSE,
    stateless_http=config.STATELESS,
    streamable_http_path="/mcp",
    transport_security=_security,
)

# Register feature modules (they import ``mcp`` from this module).
from issuedesk import prompts, resources, tools  # noqa: E402,F401
