"""Turn IssueDesk entities into MCP content blocks."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import AnyUrl

from mcp.types import (
    CallToolResult,
    Content,
    EmbeddedResource,
    ResourceLink,
    TextContent,
    TextResourceContents,
)

from issuedesk.api import ApiError
from issuedesk.models import Comment, Issue, Project

URI_SCHEME = "issuedesk"

STATUS_LABELS: dict[str, str] = {
    "backlog": "Backlog",
    "todo": "To do",
    "in_progress": "In progress",
    "in_review": "In review",
    "done": "Done",
    "cancelled": "Cancelled",
}


def issue_uri(key: str) -> AnyUrl:
    return AnyUrl(f"{URI_SCHEME}://issues/{key}")


def project_uri(key: str) -> AnyUrl:
    return AnyUrl(f"{URI_SCHEME}://projects/{key}")


def parse_issuedesk_uri(uri: AnyUrl) -> tuple[str, str]:
    """Split ``issuedesk://issues/ENG-1`` into ``("issues", "ENG-1")``."""
    if uri.scheme != URI_SCHEME:
        raise ValueError(f"not an IssueDesk URI: {uri}")
    kind = uri.host or ""
    path = (uri.path or "").strip("/")
    if not kind or not path:
        raise ValueError(f"incomplete IssueDesk URI: {uri}")
    return kind, path


def text(value: str) -> TextContent:
    return TextContent(type="text", text=value)


def issue_markdown(issue: Issue, comments: Sequence[Comment] = ()) -> str:
    lines = [
        f"# {issue.key}: {issue.title}",
        "",
        f"- Status: {STATUS_LABELS.get(issue.status, issue.status)}",
        f"- Priority: {issue.priority}",
        f"- Assignee: {issue.assignee_id or 'unassigned'}",
    ]
    if issue.labels:
        lines.append(f"- Labels: {', '.join(sorted(issue.labels))}")
    lines.append(f"- Updated: {issue.updated_at:%Y-%m-%d %H:%M}")
    if issue.description:
        lines += ["", issue.description.strip()]
    if comments:
        lines += ["", "## Comments"]
        for comment in comments:
            lines.append(f"- **{comment.author_id}** ({comment.created_at:%Y-%m-%d}): {comment.body}")
    return "\n".join(lines)


def project_markdown(project: Project, open_issues: Iterable[Issue] = ()) -> str:
    lines = [f"# {project.name} ({project.key})"]
    if project.description:
        lines += ["", project.description]
    issues = list(open_issues)
    if issues:
        lines += ["", f"## Open issues ({len(issues)})"]
        lines += [f"- {i.key} [{i.priority}] {i.title}" for i in issues]
    return "\n".join(lines)


def issue_link(issue: Issue) -> ResourceLink:
    return ResourceLink(
        type="resource_link",
        name=issue.key,
        title=issue.title,
        uri=issue_uri(issue.key),
        mimeType="application/json",
        description=f"{issue.key} in project {issue.project_key}",
    )


def embedded_issue(issue: Issue) -> EmbeddedResource:
    return EmbeddedResource(
        type="resource",
        resource=TextResourceContents(
            uri=issue_uri(issue.key),
            mimeType="application/json",
            text=json.dumps(issue.to_wire(), indent=2),
        ),
    )


def issue_blocks(issue: Issue, *, link: bool = True) -> list[Content]:
    blocks: list[Content] = [text(issue_markdown(issue))]
    if link:
        blocks.append(issue_link(issue))
    return blocks


def error_result(message: str, **details: Any) -> CallToolResult:
    """A tool result the model sees as a failure it can react to."""
    body = message
    if details:
        body += "\n" + json.dumps(details, sort_keys=True, default=str)
    return CallToolResult(content=[text(body)], isError=True)


def api_error_result(exc: ApiError) -> CallToolResult:
    details: dict[str, Any] = {"status": exc.status, "code": exc.code}
    if exc.request_id:
        details["requestId"] = exc.request_id
    return error_result(exc.for_model(), **details)
