"""In-memory issue store.

This module is deliberately free of any MCP imports: it models the tracker's own
REST API, whose JSON happens to use camelCase keys such as ``nextCursor`` and
``isError``. None of these names belong to the MCP SDK.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Issue:
    id: str
    project: str
    title: str
    body: str = ""
    state: str = "open"
    priority: str = "normal"
    labels: list[str] = field(default_factory=list)
    assignee: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "project": self.project,
            "title": self.title,
            "body": self.body,
            "state": self.state,
            "priority": self.priority,
            "labels": list(self.labels),
            "assignee": self.assignee,
        }


@dataclass
class Page:
    """One page of the tracker's list API (mirrors the upstream JSON shape)."""

    items: list[Issue]
    nextCursor: str | None = None
    totalCount: int = 0

    def as_json(self) -> dict[str, Any]:
        return {
            "items": [i.to_dict() for i in self.items],
            "nextCursor": self.nextCursor,
            "totalCount": self.totalCount,
        }


@dataclass
class MailRelay:
    """SMTP relay used for notification e-mails."""

    host: str = "localhost"
    port: int = 25
    use_tls: bool = False


@dataclass
class ImportReport:
    imported: int = 0
    skipped: int = 0
    isError: bool = False
    errorText: str | None = None


class IssueStore:
    def __init__(self) -> None:
        self._issues: dict[str, Issue] = {}
        self._seq = itertools.count(1)
        self.relay = MailRelay()
        self.closed = False

    @classmethod
    def seeded(cls) -> IssueStore:
        store = cls()
        store.create("CORE", "Login page times out", "Users report 504 on /login", priority="high", labels=["bug"])
        store.create("CORE", "Add dark mode", "Requested by several customers", labels=["feature"])
        store.create("CORE", "Crash when exporting CSV", "Stack trace attached", priority="urgent", labels=["bug"])
        store.create("WEB", "Broken link in footer", labels=["bug", "good-first-issue"])
        store.create("CORE", "Upgrade TLS library", labels=["chore"])
        store.create("CORE", "Slow search on large projects", priority="high", labels=["perf"])
        store.create("CORE", "Typo in settings page", labels=["bug"])
        return store

    def create(
        self,
        project: str,
        title: str,
        body: str = "",
        *,
        priority: str = "normal",
        labels: list[str] | None = None,
    ) -> Issue:
        issue_id = f"ISS-{next(self._seq)}"
        issue = Issue(issue_id, project, title, body, priority=priority, labels=list(labels or []))
        self._issues[issue_id] = issue
        return issue

    def get(self, issue_id: str) -> Issue:
        try:
            return self._issues[issue_id]
        except KeyError:
            raise KeyError(f"no such issue: {issue_id}") from None

    def projects(self) -> set[str]:
        return {i.project for i in self._issues.values()}

    def search(
        self,
        query: str = "",
        *,
        project: str | None = None,
        state: str | None = None,
        cursor: str | None = None,
        page_size: int = 5,
    ) -> Page:
        matches = [
            i
            for i in self._issues.values()
            if (not project or i.project == project)
            and (not state or i.state == state)
            and (query.lower() in i.title.lower() or query.lower() in i.body.lower())
        ]
        start = int(cursor) if cursor else 0
        chunk = matches[start : start + page_size]
        nxt = str(start + page_size) if start + page_size < len(matches) else None
        return Page(items=chunk, nextCursor=nxt, totalCount=len(matches))

    def import_rows(self, rows: list[dict[str, Any]]) -> ImportReport:
        report = ImportReport()
        for row in rows:
            if not row.get("title"):
                report.skipped += 1
                continue
            self.create(row.get("project", "CORE"), row["title"], row.get("body", ""))
            report.imported += 1
        if report.skipped and not report.imported:
            report.isError = True
            report.errorText = "no rows imported"
        return report

    def close(self) -> None:
        self.closed = True
