from __future__ import annotations

import tempfile
from pathlib import Path

from mcp.server.auth.middleware.auth_context import auth_context_var
from mcp.server.auth.middleware.bearer_auth import AuthenticatedUser
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.types import TextContent
from pydantic import AnyUrl

from gatekeeper import vault as vault_mod
from gatekeeper.tokens import StaticTokenVerifier
from gatekeeper.vault import TOKENS, publish_keyring, vault


async def _login(token: str) -> None:
    access = await StaticTokenVerifier(TOKENS).verify_token(token)
    assert access is not None
    auth_context_var.set(AuthenticatedUser(access))


async def test_token_verifier_rejects_unknown_and_expired() -> None:
    verifier = StaticTokenVerifier(TOKENS)
    assert await verifier.verify_token("nope") is None
    assert await verifier.verify_token("tok-expired") is None
    admin = await verifier.verify_token("tok-admin")
    assert admin is not None and admin.client_id == "ops-console"
    assert "vault:write" in admin.scopes


async def test_reader_can_read_and_is_audited() -> None:
    await _login("tok-reader")
    before = len(vault_mod.AUDIT)
    async with create_connected_server_and_client_session(vault._mcp_server) as session:
        result = await session.call_tool("read_secret", {"name": "api-key"})
        assert not result.isError
        block = result.content[0]
        assert isinstance(block, TextContent) and block.text == "sk-live-123"
        missing = await session.call_tool("read_secret", {"name": "ssh-key"})
        assert missing.isError
    assert len(vault_mod.AUDIT) == before + 1
    assert vault_mod.AUDIT[-1].startswith("ci-runner read api-key")


async def test_reader_cannot_rotate() -> None:
    await _login("tok-reader")
    async with create_connected_server_and_client_session(vault._mcp_server) as session:
        result = await session.call_tool("rotate_secret", {"name": "db-password"})
        assert result.isError
        block = result.content[0]
        assert isinstance(block, TextContent) and "missing scope vault:write" in block.text


async def test_admin_rotation_reports_cumulative_progress() -> None:
    await _login("tok-admin")
    seen: list[float] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        seen.append(progress)

    async with create_connected_server_and_client_session(vault._mcp_server) as session:
        result = await session.call_tool("rotate_secret", {"name": "db-password"}, progress_callback=on_progress)
        assert not result.isError
        await session.set_logging_level("error")
    assert seen == [1.0, 2.0, 3.0]
    assert vault_mod.SECRETS["db-password"] != "hunter2"
    assert vault_mod.LOG_LEVEL["current"] == "error"


async def test_internals_prompt_resources_and_tool_manager() -> None:
    count = await vault._tool_manager.call_tool("audit_count", {})
    assert count == len(vault_mod.AUDIT)
    prompt = vault._prompt_manager.get_prompt("access_review")
    assert prompt is not None and prompt.title == "Access review"
    messages = await prompt.render({"team": "payments"})
    assert "team payments in the last 30 days" in str(messages[0].content)
    policy = list(await vault.read_resource(AnyUrl("vault://policy")))
    assert policy[0].content == "secrets rotate every 90 days"
    with tempfile.TemporaryDirectory() as tmp:
        keyring = Path(tmp) / "keyring.bin"
        keyring.write_bytes(b"\x00\x01secret")
        resource = publish_keyring(keyring)
        assert resource.is_binary
        assert await resource.read() == b"\x00\x01secret"
    ctx = vault.get_context()
    try:
        _ = ctx.request_context
    except ValueError:
        pass
    else:
        raise AssertionError("no request should be active")
    assert vault.settings.port == 9443 and vault.settings.stateless_http
