"""Tenant-scoped tools."""

from __future__ import annotations

import asyncio
import uuid
from typing import Literal

from mcp.server.elicitation import AcceptedElicitation, DeclinedElicitation
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.exceptions import ToolError
from mcp.server.session import ServerSession
from mcp.types import Icon, LoggingLevel, SamplingMessage, TextContent, ToolAnnotations
from pydantic import BaseModel, Field

from tenantd.auth import current_tenant_id, require_scope
from tenantd.server import AppState
from tenantd.tenants import QuotaExceeded, Tenant, UnknownTenant

TenantCtx = Context[ServerSession, AppState]

USAGE_ICON = Icon(src="https://tenantd.example.com/static/usage.svg", mimeType="image/svg+xml", sizes=["any"])
SEATS_ICON = Icon(src="https://tenantd.example.com/static/seats.svg", mimeType="image/svg+xml", sizes=["any"])


class UsageReport(BaseModel):
    tenant_id: str
    plan: str
    seats: int
    members: int
    requests: int
    remaining: int
    over_quota: bool


class InviteSummary(BaseModel):
    invited: list[str]
    already_members: list[str]
    seats_left: int


class SeatChangeConfirmation(BaseModel):
    confirm: bool = Field(description="Apply the seat change now?")
    reason: str = Field(default="", description="Optional note for the audit log")


LEVELS: list[LoggingLevel] = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"]


async def _log(
    ctx: TenantCtx,
    level: Literal["debug", "info", "warning", "error"],
    message: str,
    logger_name: str | None = None,
) -> None:
    """Send a log message unless the client asked for a higher minimum level."""
    if LEVELS.index(level) >= LEVELS.index(ctx.request_context.lifespan_context.client_log_level):
        await ctx.log(level=level, message=message, logger_name=logger_name)


def _enter(ctx: TenantCtx, tool: str) -> tuple[AppState, Tenant]:
    state = ctx.request_context.lifespan_context
    state.calls[tool] += 1
    tenant_id = current_tenant_id(ctx, state.settings.default_tenant)
    try:
        tenant = state.registry.record_request(tenant_id)
    except UnknownTenant:
        raise ToolError(f"unknown tenant {tenant_id!r}") from None
    except QuotaExceeded as exc:
        raise ToolError(str(exc)) from exc
    return state, tenant


def register_tools(mcp: FastMCP[AppState]) -> None:
    @mcp.tool(title="Who am I", annotations=ToolAnnotations(readOnlyHint=True, openWorldHint=False))
    async def whoami(ctx: TenantCtx) -> dict[str, str]:
        """Show the tenant and plan this session acts for."""
        _, tenant = _enter(ctx, "whoami")
        return {
            "tenant_id": tenant.id,
            "name": tenant.name,
            "plan": tenant.plan,
            "server": ctx.fastmcp.name,
            "request_id": ctx.request_id,
        }

    @mcp.tool(annotations=ToolAnnotations(readOnlyHint=True, openWorldHint=False), icons=[USAGE_ICON])
    async def usage_report(ctx: TenantCtx) -> UsageReport:
        """Seat and request usage for the current billing month."""
        _, tenant = _enter(ctx, "usage_report")
        return UsageReport(
            tenant_id=tenant.id,
            plan=tenant.plan,
            seats=tenant.seats,
            members=len(tenant.members),
            requests=tenant.requests_this_month,
            remaining=tenant.remaining_requests,
            over_quota=tenant.remaining_requests == 0,
        )

    @mcp.tool(annotations=ToolAnnotations(destructiveHint=False, idempotentHint=True), icons=[SEATS_ICON])
    async def change_seats(seats: int, ctx: TenantCtx) -> str:
        """Change the number of paid seats after confirming with the user."""
        state, tenant = _enter(ctx, "change_seats")
        answer = await ctx.elicit(
            message=f"Change {tenant.name} from {tenant.seats} to {seats} seats?",
            schema=SeatChangeConfirmation,
        )
        if isinstance(answer, AcceptedElicitation) and answer.data.confirm:
            try:
                state.registry.set_seats(tenant.id, seats)
            except QuotaExceeded as exc:
                await ctx.warning(f"seat change rejected: {exc}")
                raise ToolError(str(exc)) from exc
            state.registry.audit(tenant.id, f"seats:{seats}", actor=tenant.id)
            await _log(ctx, "info", f"{tenant.id} now has {seats} seats", logger_name="tenantd.seats")
            return f"{tenant.name} now has {seats} seats"
        if isinstance(answer, DeclinedElicitation):
            await _log(ctx, "info", "seat change declined", logger_name="tenantd.seats")
            return "Seat change declined; nothing was changed."
        return "Seat change cancelled."

    @mcp.tool(annotations=ToolAnnotations(idempotentHint=True))
    async def bulk_invite(emails: list[str], ctx: TenantCtx) -> InviteSummary:
        """Invite several people; stops at the seat limit."""
        state, tenant = _enter(ctx, "bulk_invite")
        invited: list[str] = []
        existing: list[str] = []
        for done, email in enumerate(emails, start=1):
            if email in tenant.members:
                existing.append(email)
            else:
                try:
                    state.registry.invite(tenant.id, email)
                except QuotaExceeded as exc:
                    await ctx.error(f"stopped after {len(invited)} invites: {exc}")
                    raise ToolError(str(exc)) from exc
                invited.append(email)
                await ctx.debug(f"invited {email}")
            await ctx.report_progress(done, len(emails), message=email)
        return InviteSummary(invited=invited, already_members=existing, seats_left=tenant.seats - len(tenant.members))

    @mcp.tool(annotations=ToolAnnotations(destructiveHint=True, idempotentHint=False))
    async def rotate_api_key(ctx: TenantCtx) -> str:
        """Rotate the tenant API key. Requires the admin scope."""
        state, tenant = _enter(ctx, "rotate_api_key")
        require_scope("admin")
        version, secret = state.registry.rotate_key(tenant.id)
        state.registry.audit(tenant.id, f"key-rotated:v{version}", actor=tenant.id)
        return f"key v{version}: {secret[:12]}..."

    @mcp.tool(annotations=ToolAnnotations(readOnlyHint=True, openWorldHint=True))
    async def draft_status_update(
        incident: str, ctx: TenantCtx, audience: Literal["customers", "internal"] = "customers"
    ) -> str:
        """Ask the client's model to draft a status-page update for an incident."""
        _, tenant = _enter(ctx, "draft_status_update")
        result = await ctx.session.create_message(
            messages=[
                SamplingMessage(
                    role="user",
                    content=TextContent(type="text", text=f"Incident affecting {tenant.name}: {incident}"),
                )
            ],
            max_tokens=400,
            system_prompt=f"You write calm, factual status updates for {audience}.",
            temperature=0.2,
            related_request_id=ctx.request_id,
        )
        if not isinstance(result.content, TextContent):
            raise ToolError(f"model {result.model} returned {result.content.type} content")
        suffix = "" if result.stopReason in (None, "endTurn") else f" [{result.stopReason}]"
        return result.content.text.strip() + suffix

    @mcp.tool()
    def schedule_export(fmt: Literal["csv", "json"] = "csv") -> str:
        """Queue an audit export; returns the job id immediately."""
        ctx = mcp.get_context()
        state = ctx.request_context.lifespan_context
        state.calls["schedule_export"] += 1
        tenant_id = current_tenant_id(ctx, state.settings.default_tenant)
        job_id = f"{tenant_id}-{fmt}-{uuid.uuid4().hex[:8]}"
        # Enqueue once the current request has been answered.
        asyncio.get_running_loop().call_soon(state.export_queue.append, job_id)
        return job_id

    @mcp.tool(annotations=ToolAnnotations(readOnlyHint=True))
    async def list_exports(ctx: TenantCtx) -> list[str]:
        """Export jobs queued for this tenant."""
        state, tenant = _enter(ctx, "list_exports")
        return [job for job in state.export_queue if job.startswith(f"{tenant.id}-")]
