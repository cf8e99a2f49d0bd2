"""Resources: pipeline catalogue, build logs, build summaries and artifacts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mcp.server.fastmcp import Context
from mcp.server.fastmcp.exceptions import ResourceError
from mcp.server.fastmcp.resources import FileResource, TextResource
from mcp.types import (
    Annotations,
    Completion,
    CompletionArgument,
    CompletionContext,
    PromptReference,
    ResourceTemplateReference,
)
from pydantic import AnyUrl

from buildops.pipeline import UnknownBuild
from buildops.server import BUILD_QUEUE, mcp
from buildops.subscriptions import announce_new_artifacts

RUNBOOK = """\
# CI on-call runbook

1. Check `list_builds state=failed`, then read the build log resource.
2. Flaky infrastructure step? `retry_step`. Real failure? Page the owning team.
"""

ARTIFACT_MIME_TYPES = {".whl": "application/zip", ".json": "application/json", ".txt": "text/plain"}

mcp.add_resource(
    TextResource(
        uri=AnyUrl("buildops://docs/runbook"),
        name="runbook",
        title="CI on-call runbook",
        text=RUNBOOK,
        mime_type="text/markdown",
        annotations=Annotations(audience=["assistant"], priority=0.9),
    )
)


@mcp.resource("buildops://pipelines", title="Pipelines", mime_type="application/json")
def pipelines_catalogue() -> str:
    """All pipelines known to the controller, with their step list and job matrix."""
    return json.dumps(
        [
            {
                "name": p.name,
                "defaultBranch": p.default_branch,
                "steps": list(p.steps),
                "matrix": p.matrix.model_dump(),
            }
            for p in BUILD_QUEUE.pipelines.values()
        ],
        indent=2,
    )


@mcp.resource("buildops://builds/{build_id}/log", title="Build log", mime_type="text/plain")
async def build_log(build_id: str, ctx: Context) -> str:
    """Full log of a build."""
    try:
        build = BUILD_QUEUE.get(build_id)
    except UnknownBuild as exc:
        raise ResourceError(str(exc)) from exc
    await ctx.debug(f"serving log of {build_id}")
    return "\n".join(build.log_lines())


@mcp.resource("buildops://builds/{build_id}/summary", title="Build summary", mime_type="application/json")
def build_summary(build_id: str) -> dict[str, Any]:
    """Machine-readable summary of a build."""
    return BUILD_QUEUE.get(build_id).to_json()


def register_artifacts(build_id: str, directory: Path) -> list[str]:
    """Expose every file of a build's artifact directory as a resource."""
    registered: list[str] = []
    for path in sorted(p for p in directory.rglob("*") if p.is_file()):
        mime = ARTIFACT_MIME_TYPES.get(path.suffix, "application/octet-stream")
        resource = FileResource(
            uri=AnyUrl(path.resolve().as_uri()),
            path=path.resolve(),
            name=f"{build_id}/{path.relative_to(directory).as_posix()}",
            mime_type=mime,
            is_binary=not mime.startswith("text/"),
        )
        mcp.add_resource(resource)
        registered.append(str(resource.uri))
    return registered


async def publish_artifacts(build_id: str, directory: Path) -> list[str]:
    uris = register_artifacts(build_id, directory)
    if uris:
        await announce_new_artifacts()
    return uris


def describe_uri(uri: AnyUrl) -> dict[str, Any]:
    """Split a buildops URI into scheme, kind (the host part) and path segments."""
    parts = [p for p in (uri.path or "").split("/") if p]
    return {"scheme": uri.scheme, "kind": uri.host, "parts": parts}


@mcp.completion()
async def complete_arguments(
    ref: PromptReference | ResourceTemplateReference,
    argument: CompletionArgument,
    context: CompletionContext | None,
) -> Completion | None:
    prefix = argument.value or ""
    if argument.name == "build_id":
        pipeline = None
        if context is not None and context.arguments:
            pipeline = context.arguments.get("pipeline")
        ids = sorted(
            b.build_id
            for b in BUILD_QUEUE.builds.values()
            if b.build_id.startswith(prefix) and (pipeline is None or b.pipeline == pipeline)
        )
        return Completion(values=ids[:20], total=len(ids), hasMore=len(ids) > 20)
    if argument.name == "pipeline":
        names = sorted(n for n in BUILD_QUEUE.pipelines if n.startswith(prefix))
        return Completion(values=names, total=len(names), hasMore=False)
    if isinstance(ref, PromptReference) and argument.name == "audience":
        return Completion(values=[v for v in ("engineers", "release-managers", "customers") if v.startswith(prefix)])
    return None
