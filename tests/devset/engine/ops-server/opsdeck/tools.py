"""Tools exposed to the on-call assistant."""

from __future__ import annotations

import asyncio

from mcp.server.elicitation import AcceptedElicitation, CancelledElicitation, DeclinedElicitation
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.exceptions import ToolError
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError
from mcp.shared.progress import ProgressContext
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS
from mcp.types import (
    INVALID_PARAMS,
    INVALID_REQUEST,
    CallToolResult,
    ErrorData,
    Icon,
    TextContent,
    ToolAnnotations,
)
from pydantic import AnyUrl

from opsdeck.inventory import Deployment, NotFound
from opsdeck.models import (
    DeckInfo,
    DeploymentStatus,
    PipelineSummary,
    PodPage,
    PodSummary,
    RestartConfirmation,
    RolloutResult,
    StageResult,
)
from opsdeck.state import AppState

DeckContext = Context[ServerSession, AppState]

READ_ONLY = ToolAnnotations(readOnlyHint=True, openWorldHint=False)
DISRUPTIVE = ToolAnnotations(readOnlyHint=False, destructiveHint=True, idempotentHint=False, openWorldHint=False)
K8S_ICON = Icon(src="https://opsdeck.internal/static/k8s.png", mimeType="image/png", sizes=["32x32"])
CI_ICON = Icon(src="https://opsdeck.internal/static/ci.png", mimeType="image/png", sizes=["32x32"])


def deployment_uri(namespace: str, name: str) -> AnyUrl:
    return AnyUrl(f"ops://deployments/{namespace}/{name}")


def _status(dep: Deployment) -> DeploymentStatus:
    return DeploymentStatus(
        namespace=dep.namespace,
        name=dep.name,
        image=dep.image,
        replicas=dep.replicas,
        ready_replicas=dep.ready_replicas,
        healthy=dep.ready_replicas >= dep.replicas,
        resource_uri=str(deployment_uri(dep.namespace, dep.name)),
    )


def _lookup(state: AppState, namespace: str, name: str) -> Deployment:
    try:
        return state.inventory.deployment(namespace, name)
    except NotFound as exc:
        raise McpError(
            ErrorData(code=INVALID_PARAMS, message=str(exc), data={"namespace": namespace, "name": name})
        ) from exc


def register_tools(mcp: FastMCP[AppState]) -> None:
    @mcp.tool(title="List pods", annotations=READ_ONLY, icons=[K8S_ICON])
    async def list_pods(namespace: str, ctx: DeckContext, cursor: str | None = None) -> PodPage:
        """List the pods of a namespace, one page at a time."""
        state = ctx.request_context.lifespan_context
        try:
            page = state.inventory.page_pods(namespace, cursor, state.settings.page_size)
        except ValueError as exc:
            raise McpError(ErrorData(code=INVALID_PARAMS, message=str(exc))) from exc
        await ctx.debug(f"listed {len(page['items'])} pods in {namespace}", logger_name="opsdeck.pods")
        return PodPage(
            namespace=namespace,
            pods=[PodSummary(**{k: item[k] for k in ("name", "phase", "restarts", "node")}) for item in page["items"]],
            next_cursor=page["nextCursor"],
        )

    @mcp.tool(title="Deployment status", annotations=READ_ONLY, icons=[K8S_ICON])
    async def get_deployment(namespace: str, name: str, ctx: DeckContext) -> DeploymentStatus:
        """Replica counts and health of a single deployment."""
        state = ctx.request_context.lifespan_context
        try:
            dep = state.inventory.deployment(namespace, name)
        except NotFound as exc:
            raise ToolError(str(exc)) from exc
        return _status(dep)

    @mcp.tool(
        title="Scale deployment",
        annotations=ToolAnnotations(destructiveHint=True, idempotentHint=True, openWorldHint=False),
        icons=[K8S_ICON],
    )
    async def scale_deployment(namespace: str, name: str, replicas: int, ctx: DeckContext) -> DeploymentStatus:
        """Change the replica count. Scaling to zero asks the operator first."""
        state = ctx.request_context.lifespan_context
        limit = state.settings.max_replicas
        if not 0 <= replicas <= limit:
            raise McpError(ErrorData(code=INVALID_PARAMS, message=f"replicas must be between 0 and {limit}"))
        dep = _lookup(state, namespace, name)
        if replicas == 0:
            answer = await ctx.session.elicit_form(
                message=f"Scale {namespace}/{name} to zero? All traffic to it will fail.",
                requestedSchema={
                    "type": "object",
                    "properties": {"acknowledge": {"type": "boolean", "description": "I understand"}},
                    "required": ["acknowledge"],
                },
                related_request_id=ctx.request_id,
            )
            if answer.action != "accept" or not (answer.content or {}).get("acknowledge"):
                raise McpError(ErrorData(code=INVALID_REQUEST, message="scale to zero was not acknowledged"))
        before = dep.replicas
        state.inventory.scale(namespace, name, replicas)
        state.record(ctx.client_id, "scale", f"{namespace}/{name}", f"{before}->{replicas}")
        await ctx.log(
            level="warning" if replicas < before else "info",
            message=f"{namespace}/{name} scaled from {before} to {replicas}",
            logger_name="opsdeck.scale",
        )
        await ctx.session.send_resource_updated(deployment_uri(namespace, name))
        return _status(dep)

    @mcp.tool(title="Rollout restart", annotations=DISRUPTIVE, icons=[K8S_ICON])
    async def rollout_restart(namespace: str, name: str, ctx: DeckContext) -> RolloutResult:
        """Restart every pod of a deployment after the operator confirms."""
        state = ctx.request_context.lifespan_context
        _lookup(state, namespace, name)
        pods = state.inventory.pods_for(namespace, name).root
        answer = await ctx.elicit(
            message=f"Restart all {len(pods)} pods of {namespace}/{name}?",
            schema=RestartConfirmation,
        )
        if isinstance(answer, CancelledElicitation):
            return RolloutResult(deployment=name, status="cancelled")
        if isinstance(answer, DeclinedElicitation):
            return RolloutResult(deployment=name, status="declined")
        assert isinstance(answer, AcceptedElicitation)
        form = answer.data
        if not form.confirm:
            return RolloutResult(deployment=name, status="declined", reason=form.reason or None)

        restarted: list[str] = []
        for index, pod in enumerate(pods, start=1):
            state.inventory.restart_pod(pod)
            restarted.append(pod.name)
            await ctx.report_progress(index, len(pods), message=f"restarted {pod.name}")
        await ctx.info(f"{namespace}/{name}: {len(restarted)} pods restarted", logger_name="opsdeck.rollout")
        await ctx.session.send_log_message(
            level="notice",
            data={"event": "rollout_restart", "deployment": f"{namespace}/{name}", "pods": restarted, "reason": form.reason},
            logger="opsdeck.audit",
            related_request_id=ctx.request_id,
        )
        state.record(ctx.client_id, "rollout_restart", f"{namespace}/{name}", form.reason)
        await state.notifier.announce(f"rollout restart of {namespace}/{name}", reason=form.reason, pods=len(restarted))
        await ctx.session.send_resource_updated(deployment_uri(namespace, name))
        return RolloutResult(deployment=name, status="restarted", restarted_pods=restarted, reason=form.reason or None)

    @mcp.tool(title="Tail pod logs", annotations=READ_ONLY)
    async def tail_logs(pod: str, ctx: DeckContext, lines: int = 20) -> CallToolResult:
        """Last lines of a pod's log."""
        state = ctx.request_context.lifespan_context
        try:
            found = state.inventory.pod(pod)
        except NotFound:
            known = ", ".join(p.name for p in state.inventory.pods[:5])
            return CallToolResult(
                content=[TextContent(type="text", text=f"no pod named {pod!r}; try one of: {known}")],
                isError=True,
            )
        tail = found.log[-lines:] if lines > 0 else []
        return CallToolResult(
            content=[TextContent(type="text", text="\n".join(tail) or "(log is empty)")],
            structuredContent={"pod": found.name, "phase": found.phase, "lines": tail},
            _meta={"opsdeck/node": found.node},
        )

    @mcp.tool(title="Pipeline status", annotations=READ_ONLY, icons=[CI_ICON])
    async def pipeline_status(run_id: str, ctx: DeckContext) -> PipelineSummary:
        """Stage-by-stage status of a CI run."""
        state = ctx.request_context.lifespan_context
        run = state.inventory.pipelines.get(run_id)
        if run is None:
            raise ToolError(f"unknown pipeline run {run_id}")
        return PipelineSummary(
            run_id=run.run_id,
            repo=run.repo,
            branch=run.branch,
            status=run.status,
            stages=[StageResult(name=s.name, status=s.status, seconds=s.seconds) for s in run.stages],
        )

    @mcp.tool(title="Re-run pipeline", icons=[CI_ICON])
    async def rerun_pipeline(run_id: str, ctx: DeckContext) -> PipelineSummary:
        """Re-run the failed and pending stages of a CI run."""
        state = ctx.request_context.lifespan_context
        run = state.inventory.pipelines.get(run_id)
        if run is None:
            raise ToolError(f"unknown pipeline run {run_id}")
        todo = [stage for stage in run.stages if stage.status != "passed"]
        meta = ctx.request_context.meta
        if meta is not None and meta.progressToken is not None:
            tracker = ProgressContext(ctx.session, meta.progressToken, total=len(todo))
            for stage in todo:
                stage.status = "passed"
                stage.seconds = round(stage.seconds * 0.9 + 12.0, 1)
                await tracker.progress(1, message=f"{stage.name} passed")
        else:
            for stage in todo:
                stage.status = "passed"
        state.record(ctx.client_id, "rerun_pipeline", run_id, ",".join(s.name for s in todo))
        return await pipeline_status(run_id, ctx)

    @mcp.tool(title="Silence alert")
    async def silence_alert(alert_id: str, ctx: DeckContext, minutes: int = 30) -> str:
        """Silence an alert for a number of minutes."""
        state = ctx.request_context.lifespan_context
        try:
            alert = state.inventory.silence(alert_id, minutes)
        except NotFound as exc:
            raise ToolError(str(exc)) from exc
        state.record(ctx.client_id, "silence", alert_id, f"{minutes}m")
        await ctx.warning(f"{alert_id} ({alert.service}) silenced for {minutes}m", logger_name="opsdeck.alerts")
        alerts_uri = AnyUrl("ops://alerts/active")
        if str(alerts_uri) in state.subscriptions:
            await ctx.session.send_resource_updated(alerts_uri)
        await ctx.session.send_resource_list_changed()
        return f"{alert_id} silenced until {alert.silenced_until:%H:%M} UTC"

    @mcp.tool(title="About this deck", annotations=READ_ONLY)
    def deck_info() -> DeckInfo:
        """Identify the server, its transport settings and the caller."""
        ctx = mcp.get_context()
        state = ctx.request_context.lifespan_context
        settings = ctx.fastmcp.settings
        loop = asyncio.get_running_loop()
        return DeckInfo(
            server=ctx.fastmcp.name,
            cluster=state.inventory.cluster,
            transport=state.settings.transport,
            stateless_http=settings.stateless_http,
            json_response=settings.json_response,
            streamable_http_path=settings.streamable_http_path,
            protocol_versions=list(SUPPORTED_PROTOCOL_VERSIONS),
            request_id=ctx.request_id,
            client_id=ctx.client_id,
            log_level=state.log_level,
            uptime_seconds=round(max(0.0, loop.time() - state.started), 3),
        )
