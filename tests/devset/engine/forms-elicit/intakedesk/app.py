"""The FastMCP instance every other module registers on."""

from __future__ import annotations

from mcp.server.fastmcp import FastMCP
from mcp.server.transport_security import TransportSecuritySettings
from mcp.types import Icon

from intakedesk.config import DeskSettings
from intakedesk.state import intake_lifespan

__all__ = ["SETTINGS", "mcp"]

SETTINGS = DeskSettings.from_env()

INSTRUCTIONS = (
    "You are the front desk of a family clinic. Use start_intake for new arrivals, "
    "collect_form for any paper form on the catalog, and never guess patient details: "
    "ask for them. Submissions can be read back from intake://submissions/{id}."
)

mcp = FastMCP(
    "clinic-intake",
    INSTRUCTIONS,
    "https://riverside.example/desk",
    [Icon(src="https://riverside.example/static/desk.svg", mimeType="image/svg+xml", sizes=["any"])],
    host=SETTINGS.host,
    port=SETTINGS.port,
    mount_path=SETTINGS.mount_path,
    sse_path=SETTINGS.sse_path,
    streamable_http_path=SETTINGS.streamable_http_path,
    json_response=SETTINGS.json_response,
    stateless_http=SETTINGS.stateless_http,
    log_level=SETTINGS.log_level,
    lifespan=intake_lifespan,
    transport_security=TransportSecuritySettings(
        enable_dns_rebinding_protection=True,
        allowed_hosts=[f"{SETTINGS.host}:*", "localhost:*"],
        allowed_origins=SETTINGS.allowed_origins,
    ),
)
