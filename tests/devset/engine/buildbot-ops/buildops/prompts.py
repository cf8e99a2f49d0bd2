"""Prompt templates for common CI conversations."""

from __future__ import annotations

from mcp.server.fastmcp.prompts import base
from mcp.server.fastmcp.prompts.base import AssistantMessage, UserMessage
from mcp.types import EmbeddedResource, TextResourceContents
from pydantic import AnyUrl

from buildops.pipeline import UnknownBuild
from buildops.server import BUILD_QUEUE, mcp


@mcp.prompt(title="Triage a failed build")
def triage_build(build_id: str, pipeline: str = "") -> list[base.Message]:
    """Walk through a failed build with the log attached."""
    try:
        build = BUILD_QUEUE.get(build_id)
    except UnknownBuild:
        return [UserMessage(f"Build {build_id} does not exist. Ask me for the right build id.")]
    if pipeline and build.pipeline != pipeline:
        raise ValueError(f"{build_id} belongs to {build.pipeline}, not {pipeline}")

    log = EmbeddedResource(
        type="resource",
        resource=TextResourceContents(
            uri=AnyUrl(f"buildops://builds/{build_id}/log"),
            mimeType="text/plain",
            text="\n".join(build.log_lines()),
        ),
    )
    failed = ", ".join(s.name for s in build.failed_steps) or "none"
    return [
        UserMessage(f"Build {build_id} of {build.pipeline}@{build.ref} is {build.state}. Failed steps: {failed}."),
        UserMessage(log),
        AssistantMessage("I'll read the log, identify the first real error, and say whether it looks flaky."),
    ]


@mcp.prompt(title="Release notes")
def release_notes(pipeline: str, from_ref: str, to_ref: str, audience: str = "engineers") -> str:
    """Draft release notes for the builds of a pipeline between two refs."""
    builds = [b for b in BUILD_QUEUE.builds.values() if b.pipeline == pipeline and b.state == "passed"]
    refs = ", ".join(sorted({b.ref for b in builds})) or "no green builds"
    return (
        f"Write release notes for {pipeline} covering {from_ref}..{to_ref} for {audience}. "
        f"Green builds seen on: {refs}. Group changes by component and flag migrations."
    )
