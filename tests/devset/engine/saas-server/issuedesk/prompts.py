"""Prompts for triage and reporting, plus argument completion."""

from __future__ import annotations

from pydantic import Field

from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.prompts.base import AssistantMessage, Message, UserMessage
from mcp.types import (
    Completion,
    CompletionArgument,
    CompletionContext,
    PromptReference,
    ResourceTemplateReference,
)

from issuedesk.api import ApiError
from issuedesk.models import IssueStatus
from issuedesk.rendering import embedded_issue, issue_markdown
from issuedesk.state import AppContext

TRIAGE_RUBRIC = """\
Decide for this issue:
1. priority (urgent / high / medium / low),
2. whether it is a duplicate of something you have already seen,
3. which team should own it,
4. a one-line next step.
Answer as a short bulleted list."""

STATUS_VALUES: list[IssueStatus] = ["backlog", "todo", "in_progress", "in_review", "done", "cancelled"]
MAX_COMPLETIONS = 20


def register_prompts(mcp: FastMCP[AppContext]) -> None:
    @mcp.prompt(name="triage_issue", title="Triage an issue")
    async def triage_issue(
        issue_key: str = Field(description="Key of the issue to triage"),
        ctx: Context | None = None,
    ) -> list[Message]:
        """Walk the model through triaging a single issue."""
        assert ctx is not None
        api = ctx.request_context.lifespan_context.api
        try:
            issue = await api.get_issue(issue_key.upper())
        except ApiError as exc:
            return [UserMessage(f"I wanted to triage {issue_key} but IssueDesk said: {exc.for_model()}")]
        return [
            UserMessage("You are helping triage the IssueDesk backlog."),
            UserMessage(embedded_issue(issue)),
            AssistantMessage(f"I have read {issue.key}. Current status: {issue.status}, priority: {issue.priority}."),
            UserMessage(TRIAGE_RUBRIC),
        ]

    @mcp.prompt(name="standup_digest", title="Stand-up digest")
    async def standup_digest(
        project_key: str = Field(description="Project to report on"),
        assignee: str | None = Field(default=None, description="Only include this assignee's issues"),
        ctx: Context | None = None,
    ) -> str:
        """Prepare a stand-up digest of in-flight work for a project."""
        assert ctx is not None
        api = ctx.request_context.lifespan_context.api
        page = await api.search_issues(project=project_key.upper(), status="in_progress", assignee=assignee, limit=50)
        if not page.items:
            return f"There is no work in progress in {project_key.upper()}. Suggest what to pick up next from the backlog."
        bodies = "\n\n---\n\n".join(issue_markdown(issue) for issue in page.items)
        return (
            f"Write a stand-up digest for project {project_key.upper()}. "
            f"For each issue give one line of status and flag anything blocked.\n\n{bodies}"
        )

    @mcp.completion()
    async def complete_arguments(
        ref: PromptReference | ResourceTemplateReference,
        argument: CompletionArgument,
        context: CompletionContext | None,
    ) -> Completion | None:
        api = mcp.get_context().request_context.lifespan_context.api
        prefix = argument.value.upper()
        if argument.name in ("project_key", "key", "project"):
            projects = await api.list_projects()
            values = sorted(p.key for p in projects if p.key.startswith(prefix))
        elif argument.name == "issue_key":
            project = (context.arguments or {}).get("project_key") if context else None
            if project is None and "-" in prefix:
                project = prefix.split("-", 1)[0]
            page = await api.search_issues(project=project, limit=50)
            values = sorted(issue.key for issue in page.items if issue.key.startswith(prefix))
        elif argument.name == "status":
            values = [status for status in STATUS_VALUES if status.startswith(argument.value.lower())]
        else:
            return None
        if isinstance(ref, ResourceTemplateReference) and not ref.uri.startswith("issuedesk://"):
            return None
        return Completion(
            values=values[:MAX_COMPLETIONS],
            total=len(values),
            hasMore=len(values) > MAX_COMPLETIONS,
        )
