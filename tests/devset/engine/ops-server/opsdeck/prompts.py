"""Prompt templates for incident work."""

from __future__ import annotations

import json

from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.prompts import base
from mcp.types import EmbeddedResource, TextResourceContents
from pydantic import AnyUrl

from opsdeck.state import AppState


def register_prompts(mcp: FastMCP[AppState]) -> None:
    @mcp.prompt(title="Incident triage", description="Start a triage conversation for a misbehaving service")
    def incident_triage(service: str, severity: str = "sev2") -> list[base.Message]:
        state = mcp.get_context().request_context.lifespan_context
        inventory = state.inventory
        matches = [dep for (_, name), dep in inventory.deployments.items() if name == service]
        messages: list[base.Message] = [
            base.UserMessage(
                f"You are the incident commander for a {severity} affecting {service} on {inventory.cluster}. "
                "Work from evidence: pod phases, restarts and recent rollouts."
            )
        ]
        for dep in matches:
            manifest = TextResourceContents(
                uri=AnyUrl(f"ops://deployments/{dep.namespace}/{dep.name}"),
                mimeType="application/json",
                text=json.dumps(dep.to_k8s()),
            )
            messages.append(base.UserMessage(EmbeddedResource(type="resource", resource=manifest)))
        if not matches:
            messages.append(base.UserMessage(f"No deployment called {service} exists; ask which service is meant."))
        messages.append(base.AssistantMessage("I'll start with pod health for the affected deployment."))
        return messages

    @mcp.prompt(name="postmortem", title="Postmortem draft")
    async def postmortem(incident: str, ctx: Context) -> list[base.Message]:
        state: AppState = ctx.request_context.lifespan_context
        timeline = [f"- {entry.at:%H:%M} {entry.actor} {entry.action} {entry.target}" for entry in state.audit]
        return [
            base.UserMessage(
                f"Draft a blameless postmortem for {incident}. Timeline of operator actions:\n"
                + ("\n".join(timeline) or "- (no actions recorded)")
            ),
            base.AssistantMessage("Sections: summary, impact, timeline, root cause, action items."),
        ]

    @mcp.prompt(title="Deploy checklist")
    def deploy_checklist(service: str) -> str:
        return (
            f"Before deploying {service}: confirm the pipeline is green, the previous image tag is noted "
            "for rollback, and nobody else is mid-rollout in the same namespace."
        )
