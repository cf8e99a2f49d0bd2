"""Resources: workflow definitions, run documents, run logs and artifacts."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable

import anyio
import mcp.types as types
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError
from pydantic import AnyUrl

from orchestra.app import current, emit_log, server, state

logger = logging.getLogger(__name__)

# uri -> sessions that asked for resources/updated notifications
SUBSCRIPTIONS: dict[str, set[ServerSession]] = {}


def run_uri(run_id: str, suffix: str = "") -> str:
    return f"orchestra://runs/{run_id}{suffix}"


def _not_found(uri: AnyUrl) -> McpError:
    error = types.ErrorData(code=types.INVALID_PARAMS, message=f"no such resource: {uri}", data={"uri": str(uri)})
    return McpError(error)


async def notify_run_changed(run_id: str) -> None:
    uri = run_uri(run_id)
    for session in list(SUBSCRIPTIONS.get(uri, ())):
        try:
            await session.send_resource_updated(AnyUrl(uri))
        except (anyio.ClosedResourceError, anyio.BrokenResourceError):
            logger.info("dropping closed subscriber for %s", uri)
            SUBSCRIPTIONS[uri].discard(session)
    await current().session.send_resource_list_changed()


@server.list_resources()
async def handle_list_resources() -> list[types.Resource]:
    engine = state().engine
    resources = [
        types.Resource(
            uri=AnyUrl(f"orchestra://workflows/{w.name}"),
            name=w.name,
            title=w.description,
            mimeType="application/json",
        )
        for w in engine.workflows.values()
    ]
    resources += [
        types.Resource(uri=AnyUrl(run_uri(r.id)), name=r.id, mimeType="application/json") for r in engine.history()
    ]
    return resources


@server.list_resource_templates()
async def handle_list_templates() -> list[types.ResourceTemplate]:
    return [
        types.ResourceTemplate(uriTemplate="orchestra://runs/{run_id}", name="run", mimeType="application/json"),
        types.ResourceTemplate(uriTemplate="orchestra://runs/{run_id}/log", name="run-log", mimeType="text/plain"),
        types.ResourceTemplate(
            uriTemplate="orchestra://runs/{run_id}/artifact", name="run-artifact", mimeType="application/octet-stream"
        ),
    ]


@server.read_resource()
async def handle_read_resource(uri: AnyUrl) -> Iterable[ReadResourceContents]:
    if uri.scheme != "orchestra":
        raise _not_found(uri)
    engine = state().engine
    parts = (uri.path or "").strip("/").split("/")
    if uri.host == "workflows" and parts[0] in engine.workflows:
        spec = engine.workflows[parts[0]]
        body = {
            "name": spec.name,
            "description": spec.description,
            "steps": [{"name": s.name, "action": s.action, "retries": s.retries} for s in spec.steps],
        }
        return [ReadResourceContents(content=json.dumps(body), mime_type="application/json")]
    if uri.host == "runs" and parts[0] in engine.runs:
        run = engine.runs[parts[0]]
        await emit_log("debug", f"read {uri}")
        if len(parts) == 1:
            return [ReadResourceContents(content=json.dumps(run.to_dict()), mime_type="application/json")]
        if parts[1] == "log":
            return [ReadResourceContents(content="\n".join(run.log), mime_type="text/plain")]
        if parts[1] == "artifact":
            return [ReadResourceContents(content=run.artifact(), mime_type="application/octet-stream")]
    raise _not_found(uri)


@server.subscribe_resource()
async def handle_subscribe(uri: AnyUrl) -> None:
    SUBSCRIPTIONS.setdefault(str(uri), set()).add(current().session)


@server.unsubscribe_resource()
async def handle_unsubscribe(uri: AnyUrl) -> None:
    SUBSCRIPTIONS.get(str(uri), set()).discard(current().session)
