"""Tool handlers."""

from __future__ import annotations

from typing import Literal

from mcp.server.elicitation import AcceptedElicitation
from mcp.server.fastmcp import Context
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError
from mcp.types import INVALID_PARAMS, ErrorData, SamplingMessage, TextContent
from pydantic import BaseModel, Field

from issuedesk import config
from issuedesk.server import AppState, mcp

IssueCtx = Context[ServerSession, AppState]


class IssueOut(BaseModel):
    id: str
    project: str
    title: str
    state: str
    priority: str
    labels: list[str]


class SearchResult(BaseModel):
    issues: list[IssueOut]
    total: int
    next_cursor: str | None = Field(default=None, description="Pass back to fetch the next page")


class PriorityChoice(BaseModel):
    priority: str = Field(description="One of: low, normal, high, urgent")
    notify_team: bool = Field(default=False, description="E-mail the project team")


class ConfirmClose(BaseModel):
    confirm: bool = Field(description="Really close this issue?")
    reason: str = Field(default="fixed", description="fixed, duplicate or wontfix")


def _state(ctx: IssueCtx) -> AppState:
    return ctx.request_context.lifespan_context


def _check_project(state: AppState, project: str) -> None:
    if project not in state.store.projects():
        raise McpError(ErrorData(code=INVALID_PARAMS, message=f"Unknown project '{project}'"))


@mcp.tool(title="Search issues")
async def search_issues(
    ctx: IssueCtx,
    query: str = "",
    project: str | None = None,
    state: Literal["open", "closed"] | None = None,
    cursor: str | None = None,
) -> SearchResult:
    """Full-text search over issue titles and bodies."""
    app = _state(ctx)
    if project:
        _check_project(app, project)
    page = app.store.search(query, project=project, state=state, cursor=cursor, page_size=config.PAGE_SIZE)
    await ctx.info(f"search '{query}' matched {page.totalCount} issues")
    return SearchResult(
        issues=[IssueOut(**i.to_dict()) for i in page.items],
        total=page.totalCount,
        next_cursor=page.nextCursor,
    )


@mcp.tool()
async def create_issue(title: str, body: str, ctx: IssueCtx, project: str | None = None) -> IssueOut:
    """Open a new issue. The user is asked for a priority."""
    app = _state(ctx)
    answer = await ctx.elicit(message=f"Choose a priority for '{title}'", schema=PriorityChoice)
    priority = "normal"
    if isinstance(answer, AcceptedElicitation):
        priority = answer.data.priority
        if answer.data.notify_team:
            await ctx.log(level="info", message=f"notifying team via {app.store.relay.host}:{app.store.relay.port}")
    issue = app.store.create(project or app.default_project, title, body, priority=priority)
    return IssueOut(**issue.to_dict())


@mcp.tool()
async def close_issue(issue_id: str, ctx: IssueCtx) -> str:
    """Close an issue after confirming with the user."""
    issue = _state(ctx).store.get(issue_id)
    result = await ctx.elicit(f"Close {issue_id}: {issue.title}?", ConfirmClose)
    if result.action == "accept" and result.data.confirm:
        issue.state = "closed"
        issue.labels.append(f"resolution:{result.data.reason}")
        return f"{issue_id} closed ({result.data.reason})"
    if result.action == "decline":
        return f"{issue_id} left open (declined)"
    return f"{issue_id} left open (cancelled)"


@mcp.tool()
async def bulk_relabel(issue_ids: list[str], label: str, ctx: IssueCtx) -> dict[str, int]:
    """Add a label to many issues, reporting progress."""
    store = _state(ctx).store
    changed = 0
    for n, issue_id in enumerate(issue_ids, start=1):
        issue = store.get(issue_id)
        if label not in issue.labels:
            issue.labels.append(label)
            changed += 1
        await ctx.report_progress(n, len(issue_ids), message=f"relabelled {issue_id}")
    await ctx.debug(f"bulk_relabel touched {changed} issues")
    return {"changed": changed, "requested": len(issue_ids)}


@mcp.tool()
async def summarize_issue(issue_id: str, ctx: IssueCtx) -> str:
    """Ask the client's LLM for a one-paragraph summary of an issue."""
    issue = _state(ctx).store.get(issue_id)
    result = await ctx.session.create_message(
        messages=[
            SamplingMessage(
                role="user",
                content=TextContent(type="text", text=f"Summarize this bug report:\n{issue.title}\n\n{issue.body}"),
            )
        ],
        max_tokens=200,
        system_prompt="You are a terse triage assistant.",
    )
    if isinstance(result.content, TextContent):
        return f"[{result.model}] {result.content.text}"
    return "(no text summary returned)"


@mcp.tool()
async def triage_report(ctx: IssueCtx, project: str = "CORE") -> dict[str, int]:
    """Count open issues per priority for a project."""
    app = _state(ctx)
    _check_project(app, project)
    counts: dict[str, int] = {}
    for issue in app.store.search(project=project, state="open", page_size=1000).items:
        counts[issue.priority] = counts.get(issue.priority, 0) + 1
    await ctx.warning(f"{counts.get('urgent', 0)} urgent issues in {project}")
    return counts


@mcp.tool()
def whoami() -> str:
    """Report which client is calling (from request metadata)."""
    ctx = mcp.get_context()
    return ctx.client_id or "anonymous"


class Estimate(BaseModel):
    points: int
    confidence: Literal["low", "medium", "high"]


@mcp.tool()
def estimate_effort(title: str, labels: list[str] | None = None) -> Estimate:
    """Rough story-point estimate from title length and labels (no I/O)."""
    labels = labels or []
    points = 1 + len(title.split()) // 3
    if "bug" in labels:
        points += 1
    if "perf" in labels or "feature" in labels:
        points += 3
    confidence: Literal["low", "medium", "high"] = "high" if points <= 2 else "medium" if points <= 5 else "low"
    return Estimate(points=points, confidence=confidence)
