"""Async client for the IssueDesk REST API."""

from __future__ import annotations

import logging
from typing import Any

import httpx
from pydantic import ValidationError

from issuedesk import __version__
from issuedesk.models import (
    Comment,
    ErrorEnvelope,
    Issue,
    IssueList,
    IssuePage,
    NewIssue,
    Project,
    ProjectPage,
    User,
)

logger = logging.getLogger(__name__)

# httpx logs every request at INFO, which floods stdio clients' log panes.
logging.getLogger("httpx").setLevel(logging.WARNING)
logging.getLogger("httpcore").setLevel(logging.WARNING)


class ApiError(Exception):
    """An IssueDesk API call failed."""

    def __init__(self, status: int, code: str, message: str, request_id: str | None = None) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.request_id = request_id

    @property
    def retryable(self) -> bool:
        return self.status in (0, 429, 502, 503, 504)

    @property
    def not_found(self) -> bool:
        return self.status == 404

    def for_model(self) -> str:
        """Explain the failure in a way an LLM can act upon."""
        if self.status == 401:
            return "IssueDesk rejected the API token. Ask the user to check ISSUEDESK_API_TOKEN."
        if self.status == 403:
            return f"The API token is not allowed to do this: {self.message}"
        if self.not_found:
            return f"Not found: {self.message}"
        if self.status == 422:
            return f"IssueDesk refused the input: {self.message}"
        if self.retryable:
            return f"IssueDesk is temporarily unavailable ({self.status}). Try again shortly."
        return f"IssueDesk API error {self.status} ({self.code}): {self.message}"


class IssueDeskAPI:
    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float = 15.0,
        workspace: str = "default",
    ) -> None:
        headers = {
            "Accept": "application/json",
            "User-Agent": f"issuedesk-mcp/{__version__}",
            "X-IssueDesk-Workspace": workspace,
        }
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self._client = httpx.AsyncClient(
            base_url=f"{base_url.rstrip('/')}/v1",
            headers=headers,
            timeout=httpx.Timeout(timeout, connect=5.0),
            transport=transport,
            follow_redirects=True,
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    async def __aenter__(self) -> IssueDeskAPI:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def _request(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            response = await self._client.request(method, path, **kwargs)
            response.raise_for_status()
        except httpx.HTTPStatusError as exc:
            raise self._error_from_response(exc.response) from exc
        except httpx.TimeoutException as exc:
            raise ApiError(0, "timeout", f"{method} {path} timed out") from exc
        except httpx.TransportError as exc:
            raise ApiError(0, "network", f"could not reach IssueDesk: {exc}") from exc
        if response.status_code == 204 or not response.content:
            return None
        return response.json()

    @staticmethod
    def _error_from_response(response: httpx.Response) -> ApiError:
        request_id = response.headers.get("x-request-id")
        try:
            envelope = ErrorEnvelope.model_validate(response.json())
        except (ValueError, ValidationError):
            return ApiError(response.status_code, "http_error", response.reason_phrase, request_id)
        return ApiError(response.status_code, envelope.error.code, envelope.error.message, envelope.requestId or request_id)

    async def whoami(self) -> User:
        return User.model_validate(await self._request("GET", "/me"))

    async def list_projects(self, *, include_archived: bool = False) -> list[Project]:
        projects: list[Project] = []
        cursor: str | None = None
        while True:
            params: dict[str, Any] = {"archived": str(include_archived).lower()}
            if cursor:
                params["cursor"] = cursor
            page = ProjectPage.model_validate(await self._request("GET", "/projects", params=params))
            projects.extend(page.items)
            if page.nextCursor is None:
                return projects
            cursor = page.nextCursor

    async def get_project(self, key: str) -> Project:
        return Project.model_validate(await self._request("GET", f"/projects/{key}"))

    async def search_issues(
        self,
        query: str = "",
        *,
        project: str | None = None,
        status: str | None = None,
        assignee: str | None = None,
        cursor: str | None = None,
        limit: int = 25,
    ) -> IssuePage:
        params: dict[str, Any] = {"limit": limit}
        if query:
            params["q"] = query
        if project:
            params["project"] = project
        if status:
            params["status"] = status
        if assignee:
            params["assignee"] = assignee
        if cursor:
            params["cursor"] = cursor
        return IssuePage.model_validate(await self._request("GET", "/issues", params=params))

    async def export_project(self, project: str) -> IssueList:
        return IssueList.model_validate(await self._request("GET", f"/projects/{project}/export"))

    async def get_issue(self, key: str) -> Issue:
        return Issue.model_validate(await self._request("GET", f"/issues/{key}"))

    async def create_issue(self, new_issue: NewIssue) -> Issue:
        body = new_issue.model_dump(by_alias=True, exclude_none=True)
        return Issue.model_validate(await self._request("POST", "/issues", json=body))

    async def transition_issue(self, key: str, status: str, *, comment: str | None = None) -> Issue:
        body: dict[str, Any] = {"status": status}
        if comment:
            body["comment"] = comment
        return Issue.model_validate(await self._request("POST", f"/issues/{key}/transitions", json=body))

    async def list_comments(self, key: str) -> list[Comment]:
        data = await self._request("GET", f"/issues/{key}/comments")
        return [Comment.model_validate(item) for item in data["items"]]

    async def add_comment(self, key: str, body: str) -> Comment:
        return Comment.model_validate(await self._request("POST", f"/issues/{key}/comments", json={"body": body}))
