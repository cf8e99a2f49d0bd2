"""User confirmation flows for security-sensitive actions."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field

from mcp.server.elicitation import AcceptedElicitation, CancelledElicitation, DeclinedElicitation
from mcp.server.fastmcp import Context
from mcp.types import ElicitRequestedSchema

from .devices import Device

audit_log = logging.getLogger("hearth.audit")


class UnlockConfirmation(BaseModel):
    confirm: bool = Field(description="Unlock the door now?")
    reason: str = Field(default="", description="Optional note for the audit log")


SCENE_SCHEMA: ElicitRequestedSchema = {
    "type": "object",
    "properties": {
        "brightness": {"type": "integer", "minimum": 0, "maximum": 100, "description": "Brightness for all lights"},
        "target_c": {"type": "number", "minimum": 5, "maximum": 28, "description": "Thermostat target"},
        "lock_doors": {"type": "boolean", "description": "Lock all doors when the scene runs"},
    },
    "required": ["brightness"],
}


@dataclass
class AuditEntry:
    action: str
    device_id: str
    allowed: bool
    client: str
    note: str
    at: float


AUDIT_TRAIL: list[AuditEntry] = []


def record(ctx: Context, action: str, device_id: str, allowed: bool, note: str = "") -> AuditEntry:
    entry = AuditEntry(action, device_id, allowed, ctx.client_id or "anonymous", note, time.time())
    AUDIT_TRAIL.append(entry)
    audit_log.info("%s %s allowed=%s by=%s %s", action, device_id, allowed, entry.client, note)
    return entry


async def confirm_unlock(ctx: Context, device: Device) -> tuple[bool, str]:
    """Ask the human to confirm; returns (allowed, note)."""
    result = await ctx.elicit(
        message=f"An assistant wants to unlock '{device.name}' ({device.room}). Allow?",
        schema=UnlockConfirmation,
    )
    match result:
        case AcceptedElicitation(data=answer):
            return answer.confirm, answer.reason or ("confirmed" if answer.confirm else "rejected in form")
        case DeclinedElicitation():
            return False, "declined"
        case CancelledElicitation():
            return False, "cancelled"
    return False, "unknown"


async def ask_scene_settings(ctx: Context, name: str) -> dict[str, Any] | None:
    """Collect the scene parameters with a raw form-mode elicitation."""
    result = await ctx.session.elicit_form(
        message=f"Configure scene '{name}'",
        requestedSchema=SCENE_SCHEMA,
        related_request_id=ctx.request_id,
    )
    if result.action != "accept" or not result.content:
        return None
    return dict(result.content)
