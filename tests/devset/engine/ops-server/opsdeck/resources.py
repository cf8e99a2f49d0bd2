"""Read-only views of the cluster, exposed as MCP resources."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.resources import FileResource, TextResource
from mcp.types import Completion, CompletionArgument, CompletionContext, PromptReference, ResourceTemplateReference
from pydantic import AnyUrl

from opsdeck.inventory import NotFound
from opsdeck.state import AppState

DATA_DIR = Path(__file__).resolve().parent / "data"
DEPLOYMENT_TEMPLATE = "ops://deployments/{namespace}/{name}"
PIPELINE_LOG_TEMPLATE = "ops://pipelines/{run_id}/log"


def register_resources(mcp: FastMCP[AppState]) -> None:
    def current_state() -> AppState:
        return mcp.get_context().request_context.lifespan_context

    @mcp.resource("ops://cluster/summary", name="cluster-summary", title="Cluster summary", mime_type="application/json")
    def cluster_summary() -> dict[str, Any]:
        """Counts, namespaces and crash-looping pods."""
        return current_state().inventory.summary()

    @mcp.resource("ops://alerts/active", name="active-alerts", mime_type="text/plain")
    def active_alerts() -> str:
        """One line per alert that is firing and not silenced."""
        alerts = current_state().inventory.active_alerts()
        return "\n".join(f"{a.alert_id} {a.severity} {a.service}: {a.summary}" for a in alerts) or "all clear"

    @mcp.resource(DEPLOYMENT_TEMPLATE, name="deployment-manifest", mime_type="application/json")
    def deployment_manifest(namespace: str, name: str) -> str:
        """The deployment as the Kubernetes API would return it."""
        try:
            dep = current_state().inventory.deployment(namespace, name)
        except NotFound as exc:
            raise ValueError(str(exc)) from exc
        return json.dumps(dep.to_k8s(), indent=2)

    @mcp.resource(PIPELINE_LOG_TEMPLATE, name="pipeline-log", mime_type="text/plain")
    async def pipeline_log(run_id: str, ctx: Context) -> str:
        """Rendered stage log of a CI run."""
        state: AppState = ctx.request_context.lifespan_context
        run = state.inventory.pipelines.get(run_id)
        if run is None:
            raise ValueError(f"unknown pipeline run {run_id}")
        await ctx.debug(f"rendering log for {run_id}", logger_name="opsdeck.ci")
        lines = [f"== {run.repo}@{run.branch} ({run.run_id}) =="]
        lines += [f"[{stage.status:>7}] {stage.name} ({stage.seconds:.1f}s)" for stage in run.stages]
        return "\n".join(lines)

    mcp.add_resource(
        FileResource(
            uri=AnyUrl("ops://runbooks/oncall"),
            path=DATA_DIR / "oncall.md",
            name="oncall-runbook",
            title="On-call runbook",
            mime_type="text/markdown",
        )
    )
    mcp.add_resource(
        FileResource(
            uri=AnyUrl("ops://runbooks/topology.svg"),
            path=DATA_DIR / "topology.svg",
            name="topology",
            mime_type="image/svg+xml",
            is_binary=True,
        )
    )
    mcp.add_resource(
        TextResource(
            uri=AnyUrl("ops://deck/about"),
            name="about",
            text="opsdeck: cluster, CI and alerting views for the on-call assistant.",
            mime_type="text/plain",
        )
    )

    @mcp.completion()
    async def complete_arguments(
        ref: PromptReference | ResourceTemplateReference,
        argument: CompletionArgument,
        context: CompletionContext | None,
    ) -> Completion | None:
        state = current_state()
        inventory = state.inventory
        if isinstance(ref, ResourceTemplateReference) and ref.uri == DEPLOYMENT_TEMPLATE:
            if argument.name == "namespace":
                options = inventory.namespaces()
            elif argument.name == "name":
                namespace = (context.arguments or {}).get("namespace") if context else None
                options = sorted(n for ns, n in inventory.deployments if namespace in (None, ns))
            else:
                return None
        elif isinstance(ref, ResourceTemplateReference) and ref.uri == PIPELINE_LOG_TEMPLATE:
            options = sorted(inventory.pipelines)
        elif isinstance(ref, PromptReference) and argument.name == "service":
            options = sorted({name for _, name in inventory.deployments})
        else:
            return None
        matches = [value for value in options if value.startswith(argument.value)]
        return Completion(values=matches[:10], total=len(matches), hasMore=len(matches) > 10)
