"""MCP tools exposed by the IssueDesk server."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

from mcp.server.elicitation import AcceptedElicitation, CancelledElicitation, DeclinedElicitation
from mcp.server.fastmcp import FastMCP
from mcp.server.fastmcp.exceptions import ToolError
from mcp.shared.exceptions import McpError
from mcp.shared.progress import ProgressContext
from mcp.types import (
    INVALID_PARAMS,
    CallToolResult,
    ClientCapabilities,
    ErrorData,
    SamplingCapability,
    SamplingMessage,
    TextContent,
    ToolAnnotations,
)

from issuedesk.api import ApiError
from issuedesk.models import Issue, IssueStatus, NewIssue, Priority
from issuedesk.rendering import api_error_result, error_result, issue_blocks, issue_markdown
from issuedesk.state import AppContext, AppCtx, app_state

PROJECT_KEY_RE = re.compile(r"^[A-Z][A-Z0-9]{1,9}$")
ISSUE_KEY_RE = re.compile(r"^[A-Z][A-Z0-9]{1,9}-\d+$")

IssueKey = Annotated[str, Field(description="Issue key, for example ENG-42")]
ProjectKey = Annotated[str, Field(description="Project key, for example ENG")]

BULK_CONFIRM_THRESHOLD = 3


class IssueSummary(BaseModel):
    key: str
    title: str
    status: str
    priority: str
    assignee: str | None = None


class SearchResult(BaseModel):
    issues: list[IssueSummary]
    total: int = Field(description="Total number of matching issues")
    cursor: str | None = Field(default=None, description="Pass back to fetch the next page")


class CreatedIssue(BaseModel):
    key: str
    url: str
    status: str


class BulkCloseConfirmation(BaseModel):
    confirm: bool = Field(description="Close all listed issues?")
    comment: str = Field(default="", description="Optional comment added to every closed issue")


class BulkCloseReport(BaseModel):
    closed: list[str]
    failed: dict[str, str]
    skipped: bool = False


def _summary(issue: Issue) -> IssueSummary:
    return IssueSummary(
        key=issue.key,
        title=issue.title,
        status=issue.status,
        priority=issue.priority,
        assignee=issue.assignee_id,
    )


def _require_issue_key(key: str) -> str:
    key = key.strip().upper()
    if not ISSUE_KEY_RE.match(key):
        raise McpError(ErrorData(code=INVALID_PARAMS, message=f"'{key}' is not a valid issue key (expected e.g. ENG-42)"))
    return key


def register_tools(mcp: FastMCP[AppContext]) -> None:
    @mcp.tool(
        title="Search issues",
        annotations=ToolAnnotations(readOnlyHint=True, openWorldHint=True),
    )
    async def search_issues(
        ctx: AppCtx,
        query: Annotated[str, Field(description="Free-text query matched against title and description")] = "",
        project: Annotated[str | None, Field(description="Restrict to one project key")] = None,
        status: Annotated[IssueStatus | None, Field(description="Restrict to one workflow status")] = None,
        limit: Annotated[int, Field(ge=1, le=100, description="Page size")] = 20,
        cursor: Annotated[str | None, Field(description="Cursor returned by a previous call")] = None,
    ) -> SearchResult:
        """Search issues in the IssueDesk workspace."""
        state = app_state(ctx)
        await ctx.debug(f"search_issues query={query!r} project={project} status={status}")
        try:
            page = await state.api.search_issues(
                query, project=project, status=status, cursor=cursor, limit=min(limit, state.settings.page_size)
            )
        except ApiError as exc:
            raise ToolError(exc.for_model()) from exc
        await ctx.info(f"found {page.totalCount} issues")
        return SearchResult(
            issues=[_summary(issue) for issue in page.items],
            total=page.totalCount,
            cursor=page.nextCursor,
        )

    @mcp.tool(title="Get issue", annotations=ToolAnnotations(readOnlyHint=True))
    async def get_issue(issue_key: IssueKey, ctx: AppCtx) -> CallToolResult:
        """Fetch one issue with its description and a link to the full JSON record."""
        key = _require_issue_key(issue_key)
        state = app_state(ctx)
        try:
            issue = await state.api.get_issue(key)
        except ApiError as exc:
            await ctx.warning(f"get_issue {key} failed: {exc}")
            return api_error_result(exc)
        return CallToolResult(content=issue_blocks(issue), structuredContent=issue.to_wire())

    @mcp.tool(
        title="Create issue",
        annotations=ToolAnnotations(readOnlyHint=False, destructiveHint=False, idempotentHint=False),
    )
    async def create_issue(
        project: ProjectKey,
        title: Annotated[str, Field(min_length=3, max_length=200, description="One-line summary")],
        ctx: AppCtx,
        description: Annotated[str, Field(description="Markdown body")] = "",
        priority: Annotated[Priority, Field(description="Issue priority")] = "none",
        labels: Annotated[list[str] | None, Field(description="Labels to attach")] = None,
    ) -> CreatedIssue:
        """Create a new issue in a project."""
        project = project.strip().upper()
        if not PROJECT_KEY_RE.match(project):
            raise McpError(ErrorData(code=INVALID_PARAMS, message=f"'{project}' is not a valid project key"))
        state = app_state(ctx)
        payload = NewIssue(projectKey=project, title=title.strip(), description=description, priority=priority)
        if labels:
            payload.labels = sorted({label.strip().lower() for label in labels if label.strip()})
        try:
            issue = await state.api.create_issue(payload)
        except ApiError as exc:
            raise ToolError(exc.for_model()) from exc
        await ctx.log(level="info", message=f"created {issue.key}", logger_name="issuedesk.tools")
        return CreatedIssue(key=issue.key, url=f"{state.settings.api_url}/browse/{issue.key}", status=issue.status)

    @mcp.tool(
        title="Change issue status",
        annotations=ToolAnnotations(destructiveHint=False, idempotentHint=True),
    )
    async def transition_issue(
        issue_key: IssueKey,
        status: Annotated[IssueStatus, Field(description="Target workflow status")],
        ctx: AppCtx,
        comment: Annotated[str | None, Field(description="Optional comment explaining the change")] = None,
    ) -> CallToolResult:
        """Move an issue to another workflow status."""
        key = _require_issue_key(issue_key)
        api = app_state(ctx).api
        try:
            issue = await api.transition_issue(key, status, comment=comment)
        except ApiError as exc:
            return api_error_result(exc)
        return CallToolResult(
            content=[TextContent(type="text", text=f"{issue.key} is now {issue.status}")],
            structuredContent={"key": issue.key, "status": issue.status},
        )

    @mcp.tool(title="Comment on issue")
    async def add_comment(
        issue_key: IssueKey,
        body: Annotated[str, Field(min_length=1, description="Markdown comment body")],
        ctx: AppCtx,
    ) -> str:
        """Add a comment to an issue."""
        key = _require_issue_key(issue_key)
        try:
            comment = await app_state(ctx).api.add_comment(key, body)
        except ApiError as exc:
            raise ToolError(exc.for_model()) from exc
        return f"Comment {comment.id} added to {key}"

    @mcp.tool(
        title="Close several issues",
        annotations=ToolAnnotations(destructiveHint=True, idempotentHint=True),
    )
    async def bulk_close(
        issue_keys: Annotated[list[str], Field(min_length=1, max_length=50, description="Issue keys to close")],
        ctx: AppCtx,
        resolution: Literal["done", "cancelled"] = "done",
    ) -> BulkCloseReport:
        """Close a batch of issues, asking the user first when the batch is large."""
        keys = [_require_issue_key(key) for key in issue_keys]
        comment = ""
        if len(keys) > BULK_CONFIRM_THRESHOLD:
            answer = await ctx.elicit(
                message=f"Close {len(keys)} issues as {resolution}? ({', '.join(keys)})",
                schema=BulkCloseConfirmation,
            )
            match answer:
                case AcceptedElicitation(data=data) if data.confirm:
                    comment = data.comment
                case AcceptedElicitation() | DeclinedElicitation() | CancelledElicitation():
                    await ctx.info("bulk close aborted by user")
                    return BulkCloseReport(closed=[], failed={}, skipped=True)

        api = app_state(ctx).api
        closed: list[str] = []
        failed: dict[str, str] = {}
        for index, key in enumerate(keys, start=1):
            try:
                await api.transition_issue(key, resolution, comment=comment or None)
            except ApiError as exc:
                failed[key] = exc.for_model()
                await ctx.warning(f"could not close {key}: {exc.message}")
            else:
                closed.append(key)
            await ctx.report_progress(index, len(keys), message=f"{key} processed")
        return BulkCloseReport(closed=closed, failed=failed)

    @mcp.tool(title="Export project", annotations=ToolAnnotations(readOnlyHint=True))
    async def export_project(project: ProjectKey, ctx: AppCtx) -> str:
        """Export every issue of a project as a Markdown digest grouped by status."""
        api = app_state(ctx).api
        try:
            exported = await api.export_project(project.upper())
        except ApiError as exc:
            raise ToolError(exc.for_model()) from exc
        groups = exported.by_status()
        sections: list[str] = [f"# Export of {project.upper()} ({len(exported.root)} issues)"]
        meta = ctx.request_context.meta
        if meta is not None and meta.progressToken is not None:
            tracker = ProgressContext(ctx.session, meta.progressToken, total=float(len(groups)))
            for status, issues in sorted(groups.items()):
                sections.append(_section(status, issues))
                await tracker.progress(1, message=f"rendered {status}")
        else:
            sections.extend(_section(status, issues) for status, issues in sorted(groups.items()))
        return "\n\n".join(sections)

    @mcp.tool(title="Summarize issue")
    async def summarize_issue(issue_key: IssueKey, ctx: AppCtx) -> str:
        """Ask the client's model for a three-sentence summary of an issue."""
        key = _require_issue_key(issue_key)
        state = app_state(ctx)
        try:
            issue = await state.api.get_issue(key)
            comments = await state.api.list_comments(key)
        except ApiError as exc:
            raise ToolError(exc.for_model()) from exc
        if not ctx.session.check_client_capability(ClientCapabilities(sampling=SamplingCapability())):
            return issue_markdown(issue, comments)
        result = await ctx.session.create_message(
            messages=[
                SamplingMessage(
                    role="user",
                    content=TextContent(type="text", text=issue_markdown(issue, comments)),
                )
            ],
            max_tokens=300,
            system_prompt="Summarize the issue in at most three sentences for a busy engineering manager.",
            related_request_id=ctx.request_id,
        )
        if result.stopReason == "maxTokens":
            await ctx.warning("summary was truncated")
        if isinstance(result.content, TextContent):
            return result.content.text
        return issue_markdown(issue, comments)

    @mcp.tool(title="Who am I", annotations=ToolAnnotations(readOnlyHint=True))
    def workspace_info() -> dict[str, Any]:
        """Describe the workspace and connection this server is using."""
        ctx = mcp.get_context()
        state: AppContext = ctx.request_context.lifespan_context
        return {
            "server": ctx.fastmcp.name,
            "workspace": state.settings.workspace,
            "apiUrl": state.settings.api_url,
            "clientId": ctx.client_id,
            "requestId": ctx.request_id,
            "toolCalls": state.calls,
        }


def _section(status: str, issues: list[Issue]) -> str:
    lines = [f"## {status} ({len(issues)})"]
    lines += [f"- {issue.key}: {issue.title}" for issue in sorted(issues, key=lambda i: i.key)]
    return "\n".join(lines)


__all__ = ["register_tools", "SearchResult", "BulkCloseReport", "error_result"]
