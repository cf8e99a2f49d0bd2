"""Resources, resource templates, completions and prompts."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.prompts.base import AssistantMessage, Message, UserMessage
from mcp.server.fastmcp.resources import FileResource
from mcp.types import (
    Completion,
    CompletionArgument,
    CompletionContext,
    PromptReference,
    ResourceTemplateReference,
)
from pydantic import AnyUrl

from tenantd.server import AppState
from tenantd.tenants import PLANS, UnknownTenant

ASSETS = Path(__file__).resolve().parent / "assets"
TONES = ["friendly", "formal", "brief"]
SEVERITIES = ["minor", "major", "critical"]


def register_content(mcp: FastMCP[AppState]) -> None:
    mcp.add_resource(
        FileResource(
            uri=AnyUrl("tenantd://legal/terms.json"),
            name="terms",
            title="Terms of service (machine readable)",
            path=ASSETS / "terms.json",
            mime_type="application/json",
        )
    )
    mcp.add_resource(
        FileResource(
            uri=AnyUrl("tenantd://brand/logo.png"),
            name="logo",
            path=ASSETS / "logo.png",
            mime_type="image/png",
            is_binary=True,
        )
    )

    @mcp.resource("tenantd://plans", name="plans", title="Plan catalog", mime_type="application/json")
    def plan_catalog() -> str:
        return json.dumps({name: asdict(plan) for name, plan in PLANS.items()}, sort_keys=True)

    @mcp.resource("tenantd://tenants/{tenant_id}/profile", mime_type="application/json")
    async def tenant_profile(tenant_id: str, ctx: Context) -> str:
        state: AppState = ctx.request_context.lifespan_context
        try:
            tenant = state.registry.get(tenant_id)
        except UnknownTenant:
            raise ValueError(f"no tenant {tenant_id}") from None
        return json.dumps(
            {"id": tenant.id, "name": tenant.name, "plan": tenant.plan, "seats": tenant.seats, "members": tenant.members}
        )

    @mcp.resource("tenantd://tenants/{tenant_id}/audit/{day}", mime_type="text/csv")
    async def tenant_audit(tenant_id: str, day: str, ctx: Context) -> str:
        state: AppState = ctx.request_context.lifespan_context
        rows = ["day,action,actor"] + [f"{e.day},{e.action},{e.actor}" for e in state.registry.audit_for(tenant_id, day)]
        return "\n".join(rows) + "\n"

    @mcp.completion()
    async def complete(
        ref: PromptReference | ResourceTemplateReference,
        argument: CompletionArgument,
        context: CompletionContext | None,
    ) -> Completion | None:
        state = mcp.get_context().request_context.lifespan_context
        known = context.arguments if context and context.arguments else {}
        if argument.name == "tenant_id":
            matches = state.registry.ids(argument.value)
        elif isinstance(ref, ResourceTemplateReference) and argument.name == "day":
            tenant_id = known.get("tenant_id")
            days = state.registry.audit_days(tenant_id) if tenant_id else []
            matches = [d for d in days if d.startswith(argument.value)]
        elif isinstance(ref, PromptReference) and argument.name == "tone":
            matches = [t for t in TONES if t.startswith(argument.value)]
        elif isinstance(ref, PromptReference) and argument.name == "severity":
            matches = [s for s in SEVERITIES if s.startswith(argument.value)]
        else:
            return None
        return Completion(values=matches[:100], total=len(matches), hasMore=len(matches) > 100)

    @mcp.prompt(title="Onboarding email")
    def onboarding_email(tenant_id: str, ctx: Context, tone: str = "friendly") -> list[Message]:
        """Draft the welcome email for a new tenant."""
        state: AppState = ctx.request_context.lifespan_context
        tenant = state.registry.get(tenant_id)
        return [
            UserMessage(
                f"Write a {tone} onboarding email for {tenant.name} on the {tenant.plan} plan "
                f"({tenant.seats} seats). Mention the admin console and how to invite teammates."
            ),
            AssistantMessage(f"Subject: Welcome to tenantd, {tenant.name}!"),
        ]

    @mcp.prompt()
    def incident_brief(summary: str, severity: str = "minor") -> str:
        """Turn raw incident notes into an internal brief."""
        return f"Severity: {severity}\nWrite a short internal incident brief from these notes:\n{summary}"
