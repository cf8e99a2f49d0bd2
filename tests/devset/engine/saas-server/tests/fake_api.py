"""An in-memory IssueDesk backend served through ``httpx.MockTransport``."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

import httpx

BASE = datetime(2025, 3, 3, 9, 0, tzinfo=timezone.utc)
TOKEN = "test-token-123"


def _ts(hours: int) -> str:
    return (BASE + timedelta(hours=hours)).isoformat()


def _issue(key: str, title: str, status: str, priority: str, *, assignee: str | None = None, labels: tuple[str, ...] = (), hours: int = 0) -> dict[str, Any]:
    return {
        "key": key,
        "projectKey": key.split("-")[0],
        "title": title,
        "description": f"Details for {title.lower()}.",
        "status": status,
        "priority": priority,
        "labels": list(labels),
        "assigneeId": assignee,
        "createdAt": _ts(hours),
        "updatedAt": _ts(hours + 1),
    }


@dataclass
class FakeIssueDesk:
    token: str = TOKEN
    page_size: int = 100
    projects: dict[str, dict[str, Any]] = field(default_factory=dict)
    issues: dict[str, dict[str, Any]] = field(default_factory=dict)
    comments: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    failures: dict[tuple[str, str], int] = field(default_factory=dict)
    requests: list[httpx.Request] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.projects:
            self.projects = {
                "ENG": {"key": "ENG", "name": "Engineering", "description": "Product engineering", "leadId": "u-ada", "issueCount": 6},
                "OPS": {"key": "OPS", "name": "Operations", "leadId": "u-grace", "issueCount": 2},
                "OLD": {"key": "OLD", "name": "Legacy", "archived": True},
            }
        if not self.issues:
            rows = [
                _issue("ENG-1", "Login page times out", "in_progress", "high", assignee="u-ada", labels=("auth",), hours=1),
                _issue("ENG-2", "Crash when exporting CSV", "todo", "urgent", labels=("export", "crash"), hours=2),
                _issue("ENG-3", "Dark mode contrast", "backlog", "low", hours=3),
                _issue("ENG-4", "Webhook retries double-post", "in_review", "medium", assignee="u-linus", hours=4),
                _issue("ENG-5", "Upgrade search index", "in_progress", "medium", assignee="u-ada", hours=5),
                _issue("ENG-6", "Remove legacy exporter", "done", "none", hours=6),
                _issue("OPS-1", "Rotate TLS certificates", "todo", "high", assignee="u-grace", hours=7),
                _issue("OPS-2", "Nightly backup alerts", "backlog", "medium", hours=8),
            ]
            self.issues = {row["key"]: row for row in rows}
        if not self.comments:
            self.comments = {
                "ENG-1": [
                    {"id": "c-1", "issueKey": "ENG-1", "authorId": "u-linus", "body": "Reproduced on staging.", "createdAt": _ts(2)},
                ]
            }

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def fail(self, method: str, path: str, status: int) -> None:
        self.failures[(method, path)] = status

    @staticmethod
    def _error(status: int, code: str, message: str) -> httpx.Response:
        body = {"isError": True, "error": {"code": code, "message": message}, "requestId": f"req-{status}"}
        return httpx.Response(status, json=body)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.path
        if request.headers.get("Authorization") != f"Bearer {self.token}":
            return self._error(401, "unauthorized", "invalid API token")
        if (status := self.failures.get((request.method, path))) is not None:
            if status >= 500:
                return httpx.Response(status, text="upstream unavailable")
            return self._error(status, "rejected", f"{request.method} {path} rejected")
        route = (request.method, path)
        if route == ("GET", "/v1/me"):
            return httpx.Response(200, json={"id": "u-ada", "name": "Ada", "email": "ada@example.com", "isAdmin": True})
        if route == ("GET", "/v1/projects"):
            archived = request.url.params.get("archived") == "true"
            items = [p for p in self.projects.values() if archived or not p.get("archived")]
            return self._page(items, request)
        if route == ("GET", "/v1/issues"):
            return self._page(self._search(request.url.params), request)
        if request.method == "POST" and path == "/v1/issues":
            return self._create(json.loads(request.content))
        if m := re.fullmatch(r"/v1/projects/([A-Z0-9]+)(/export)?", path):
            project = self.projects.get(m.group(1))
            if project is None:
                return self._error(404, "not_found", f"project {m.group(1)} does not exist")
            if m.group(2):
                return httpx.Response(200, json=[i for i in self.issues.values() if i["projectKey"] == project["key"]])
            return httpx.Response(200, json=project)
        if m := re.fullmatch(r"/v1/issues/([A-Z0-9]+-\d+)(/transitions|/comments)?", path):
            key, sub = m.group(1), m.group(2)
            issue = self.issues.get(key)
            if issue is None:
                return self._error(404, "not_found", f"issue {key} does not exist")
            if sub is None:
                return httpx.Response(200, json=issue)
            if sub == "/transitions":
                issue["status"] = json.loads(request.content)["status"]
                issue["updatedAt"] = _ts(100)
                return httpx.Response(200, json=issue)
            if request.method == "GET":
                return httpx.Response(200, json={"items": self.comments.get(key, [])})
            return self._comment(key, json.loads(request.content)["body"])
        return self._error(404, "no_route", f"{request.method} {path}")

    def _search(self, params: httpx.QueryParams) -> list[dict[str, Any]]:
        items = sorted(self.issues.values(), key=lambda i: (i["projectKey"], int(i["key"].split("-")[1])))
        if project := params.get("project"):
            items = [i for i in items if i["projectKey"] == project]
        if status := params.get("status"):
            items = [i for i in items if i["status"] == status]
        if assignee := params.get("assignee"):
            items = [i for i in items if i["assigneeId"] == assignee]
        if query := params.get("q", "").lower():
            items = [i for i in items if query in i["title"].lower() or query in i["description"].lower()]
        return items

    def _page(self, items: list[dict[str, Any]], request: httpx.Request) -> httpx.Response:
        offset = int(request.url.params.get("cursor", "0"))
        limit = min(int(request.url.params.get("limit", self.page_size)), self.page_size)
        chunk = items[offset : offset + limit]
        next_offset = offset + limit
        body = {
            "items": chunk,
            "nextCursor": str(next_offset) if next_offset < len(items) else None,
            "totalCount": len(items),
        }
        return httpx.Response(200, json=body)

    def _create(self, body: dict[str, Any]) -> httpx.Response:
        project = body.get("projectKey", "")
        if project not in self.projects:
            return self._error(422, "invalid_project", f"unknown project {project}")
        number = 1 + max((int(k.split("-")[1]) for k in self.issues if k.startswith(project + "-")), default=0)
        issue = _issue(f"{project}-{number}", body["title"], "backlog", body.get("priority", "none"), labels=tuple(body.get("labels", [])), hours=50)
        issue["description"] = body.get("description", "")
        self.issues[issue["key"]] = issue
        return httpx.Response(201, json=issue)

    def _comment(self, key: str, text: str) -> httpx.Response:
        thread = self.comments.setdefault(key, [])
        comment = {"id": f"c-{len(thread) + 100}", "issueKey": key, "authorId": "u-ada", "body": text, "createdAt": _ts(60)}
        thread.append(comment)
        return httpx.Response(201, json=comment)
