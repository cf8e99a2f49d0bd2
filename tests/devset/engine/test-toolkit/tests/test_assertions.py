from __future__ import annotations

from datetime import timedelta

from pydantic import AnyUrl

import mcp.types as types
from mcp.shared.exceptions import McpError, UrlElicitationRequiredError
from mcp.types import INVALID_PARAMS, METHOD_NOT_FOUND, URL_ELICITATION_REQUIRED

from tests.sample_servers import build_catalog, build_notebook
from wiretest import assert_structured, assert_tool_failed, connect, raises_mcp_error, result_text
from wiretest.assertions import (
    ErrorExpectation,
    describe,
    is_timeout,
    make_error,
    raises_timeout,
    required_url_elicitations,
)


async def test_protocol_errors_are_raised_as_mcp_error() -> None:
    async with connect(build_notebook()) as session:
        with raises_mcp_error(METHOD_NOT_FOUND, match="Method not found"):
            ref = types.PromptReference(type="ref/prompt", name="review")
            await session.complete(ref, {"name": "name", "value": "t"})

        with raises_mcp_error(match="Error creating resource from template") as missing:
            await session.read_resource(AnyUrl("notes://missing"))
        assert missing.error is not None and missing.error.code == 0

    async with connect(build_catalog()) as session:
        with raises_mcp_error(INVALID_PARAMS) as expectation:
            await session.read_resource(AnyUrl("catalog://sku-99"))
        assert expectation.data == {"uri": "catalog://sku-99"}


async def test_tool_failures_become_error_results() -> None:
    async with connect(build_catalog()) as session:
        ok = await session.call_tool("lookup", {"sku": "sku-01"})
        assert assert_structured(ok, sku="sku-01", stock=3)["name"] == "Widget 1"

        unknown = await session.call_tool("lookup", {"sku": "sku-42"})
        assert assert_tool_failed(unknown, "unknown sku sku-42")

        boom = await session.call_tool("explode", {})
        assert assert_tool_failed(boom) == "kaboom"

        invalid = await session.call_tool("restock", {"sku": "sku-01", "qty": 0})
        assert "Input validation error" in assert_tool_failed(invalid)

    async with connect(build_notebook()) as session:
        bad_name = await session.call_tool("add_note", {"name": "two words", "body": "x"})
        assert "bad note name" in assert_tool_failed(bad_name)


async def test_read_timeouts_surface_as_mcp_errors() -> None:
    async with connect(build_notebook(latency=1.0), read_timeout=timedelta(seconds=5)) as session:
        with raises_timeout() as expectation:
            await session.call_tool("slow_echo", {"text": "hi"}, read_timeout_seconds=timedelta(milliseconds=50))
        assert expectation.error is not None
        timeout = McpError(expectation.error)
        assert is_timeout(timeout)
        assert describe(timeout).startswith("REQUEST_TIMEOUT: Timed out")

        echoed = await session.call_tool("slow_echo", {"text": "patience"})
        assert result_text(echoed) == "patience"


def test_error_helpers_without_a_server() -> None:
    elicitation = types.ElicitRequestURLParams(
        mode="url", message="Sign in first", url="https://auth.example.test/start", elicitationId="login-1"
    )
    required = UrlElicitationRequiredError([elicitation])
    assert required.error.code == URL_ELICITATION_REQUIRED
    assert required_url_elicitations(required) == ["login-1"]
    assert required_url_elicitations(make_error(INVALID_PARAMS, "nope")) == []

    expectation = ErrorExpectation(code=INVALID_PARAMS, match="^nope$")
    expectation.check(make_error(INVALID_PARAMS, "nope", {"field": "x"}).error)
    assert expectation.data == {"field": "x"}

    try:
        with raises_mcp_error(METHOD_NOT_FOUND):
            raise make_error(INVALID_PARAMS, "wrong code")
    except AssertionError as exc:
        assert "METHOD_NOT_FOUND" in str(exc) and "INVALID_PARAMS" in str(exc)
    else:
        raise AssertionError("code mismatch should fail")
