"""Resources and resource templates for projects and issues."""

from __future__ import annotations

import json

from pydantic import AnyUrl

from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.exceptions import ResourceError
from mcp.server.fastmcp.resources import TextResource

from issuedesk.api import ApiError
from issuedesk.rendering import STATUS_LABELS, issue_markdown, project_markdown
from issuedesk.state import AppContext

WORKFLOW_GUIDE = """\
# IssueDesk workflow

Issues move through these statuses:

{statuses}

Only `done` and `cancelled` are terminal. Re-opening an issue moves it back to `todo`.
"""


def _state(ctx: Context) -> AppContext:
    return ctx.request_context.lifespan_context


def register_resources(mcp: FastMCP[AppContext]) -> None:
    mcp.add_resource(
        TextResource(
            uri=AnyUrl("issuedesk://guide/workflow"),
            name="workflow-guide",
            title="Workflow guide",
            description="The statuses an issue can be in and what they mean",
            mime_type="text/markdown",
            text=WORKFLOW_GUIDE.format(
                statuses="\n".join(f"- `{key}`: {label}" for key, label in STATUS_LABELS.items())
            ),
        )
    )

    @mcp.resource(
        "issuedesk://projects",
        name="projects",
        title="All projects",
        description="Every active project in the workspace",
        mime_type="application/json",
    )
    async def list_projects() -> str:
        ctx = mcp.get_context()
        api = ctx.request_context.lifespan_context.api
        try:
            projects = await api.list_projects()
        except ApiError as exc:
            raise ResourceError(exc.for_model()) from exc
        return json.dumps(
            [project.model_dump(mode="json", by_alias=True) for project in projects],
            indent=2,
        )

    @mcp.resource(
        "issuedesk://projects/{key}",
        name="project",
        title="Project overview",
        description="A project with its open issues, as Markdown",
        mime_type="text/markdown",
    )
    async def project_overview(key: str, ctx: Context) -> str:
        api = _state(ctx).api
        try:
            project = await api.get_project(key.upper())
            page = await api.search_issues(project=project.key, limit=50)
        except ApiError as exc:
            raise ResourceError(exc.for_model()) from exc
        await ctx.debug(f"rendering project {project.key}")
        return project_markdown(project, (issue for issue in page.items if issue.is_open))

    @mcp.resource(
        "issuedesk://issues/{issue_key}",
        name="issue",
        title="Issue record",
        description="The raw JSON record of one issue",
        mime_type="application/json",
    )
    async def issue_record(issue_key: str, ctx: Context) -> str:
        try:
            issue = await _state(ctx).api.get_issue(issue_key.upper())
        except ApiError as exc:
            raise ResourceError(exc.for_model()) from exc
        return json.dumps(issue.to_wire(), indent=2)

    @mcp.resource(
        "issuedesk://issues/{issue_key}/thread",
        name="issue-thread",
        title="Issue with comments",
        mime_type="text/markdown",
    )
    async def issue_thread(issue_key: str, ctx: Context) -> str:
        api = _state(ctx).api
        try:
            issue = await api.get_issue(issue_key.upper())
            comments = await api.list_comments(issue.key)
        except ApiError as exc:
            raise ResourceError(exc.for_model()) from exc
        return issue_markdown(issue, comments)

    @mcp.resource("issuedesk://me", name="me", title="Current user", mime_type="application/json")
    async def current_user() -> dict[str, object]:
        api = mcp.get_context().request_context.lifespan_context.api
        user = await api.whoami()
        return {"id": user.id, "name": user.name, "email": user.email, "isAdmin": user.is_admin}
