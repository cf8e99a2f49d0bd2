"""Import this module to get a fully registered desk server."""

from __future__ import annotations

from intakedesk import resources, tools  # noqa: F401  (registers handlers on mcp)
from intakedesk.app import SETTINGS, mcp

__all__ = ["SETTINGS", "banner", "mcp"]


def banner() -> str:
    s = mcp.settings
    where = "stdio" if SETTINGS.transport == "stdio" else f"{s.host}:{s.port}"
    return f"{mcp.name} ({SETTINGS.clinic_name}) on {where}, log level {s.log_level}"
