from __future__ import annotations

import os
import sys

import httpx

sys.path.insert(0, os.path.dirname(__file__))

from fake_api import FakeIssueDesk
from issuedesk.api import ApiError, IssueDeskAPI
from issuedesk.models import ErrorEnvelope, IssueList, IssuePage, LabelSet, NewIssue
from issuedesk.rendering import api_error_result, issue_uri, parse_issuedesk_uri


def _api(fake: FakeIssueDesk, token: str = "test-token-123") -> IssueDeskAPI:
    return IssueDeskAPI("https://fake.issuedesk.test/", token, transport=fake.transport(), workspace="acme")


async def test_pagination_and_export_models() -> None:
    fake = FakeIssueDesk(page_size=3)
    async with _api(fake) as api:
        first = await api.search_issues(project="ENG", limit=10)
        assert isinstance(first, IssuePage)
        assert first.has_more and first.nextCursor == "3" and first.totalCount == 6
        rest = await api.search_issues(project="ENG", cursor=first.nextCursor, limit=10)
        assert rest.nextCursor is None
        assert [i.key for i in first.items + rest.items] == [f"ENG-{n}" for n in range(1, 7)]

        projects = await api.list_projects()
        assert [p.key for p in projects] == ["ENG", "OPS"]
        everything = await api.list_projects(include_archived=True)
        assert [p.key for p in everything] == ["ENG", "OPS", "OLD"]

        exported = await api.export_project("OPS")
        assert isinstance(exported, IssueList)
        assert exported.keys() == ["OPS-1", "OPS-2"]
        assert {status: len(items) for status, items in exported.by_status().items()} == {"todo": 1, "backlog": 1}
        assert exported.root[0].assignee_id == "u-grace"

    paths = [r.url.path for r in fake.requests]
    assert paths[0] == "/v1/issues"
    assert fake.requests[0].url.params["limit"] == "10"
    assert fake.requests[0].headers["user-agent"].startswith("issuedesk-mcp/")


async def test_errors_carry_status_and_advice() -> None:
    fake = FakeIssueDesk()
    fake.fail("GET", "/v1/projects/OPS", 502)
    async with _api(fake, token="wrong") as api:
        try:
            await api.whoami()
        except ApiError as exc:
            assert exc.status == 401 and exc.code == "unauthorized"
            assert "ISSUEDESK_API_TOKEN" in exc.for_model()
        else:
            raise AssertionError("bad token should be rejected")

    async with _api(fake) as api:
        try:
            await api.get_project("OPS")
        except ApiError as exc:
            assert exc.status == 502 and exc.code == "http_error" and exc.retryable
        else:
            raise AssertionError("502 should raise")

        try:
            await api.create_issue(NewIssue(projectKey="NOPE", title="x"))
        except ApiError as exc:
            result = api_error_result(exc)
            assert result.isError is True
            assert result.content[0].type == "text"
        else:
            raise AssertionError("422 should raise")

    def offline(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    async with IssueDeskAPI("https://fake.issuedesk.test", "t", transport=httpx.MockTransport(offline)) as api:
        try:
            await api.get_issue("ENG-1")
        except ApiError as exc:
            assert exc.status == 0 and exc.code == "network" and exc.retryable
        else:
            raise AssertionError("network errors should raise ApiError")


def test_lookalike_models_and_uris() -> None:
    envelope = ErrorEnvelope.model_validate(
        {"isError": True, "error": {"code": "not_found", "message": "gone"}, "requestId": "r-1"}
    )
    assert envelope.isError and envelope.requestId == "r-1"
    assert envelope.model_dump(exclude_none=True) == {
        "isError": True,
        "error": {"code": "not_found", "message": "gone"},
        "requestId": "r-1",
    }
    labels = LabelSet([" Backend", "backend", "", "UI "])
    assert labels.normalized() == ["backend", "ui"]
    assert labels.root[0] == " Backend"

    page = IssuePage.model_validate({"items": [], "nextCursor": None})
    assert page.nextCursor is None and not page.has_more

    uri = issue_uri("ENG-12")
    assert uri.host == "issues"
    assert parse_issuedesk_uri(uri) == ("issues", "ENG-12")
    try:
        parse_issuedesk_uri(issue_uri("ENG-1").__class__("https://issuedesk.io/issues/ENG-1"))
    except ValueError as exc:
        assert "not an IssueDesk URI" in str(exc)
    else:
        raise AssertionError("foreign URIs must be rejected")
