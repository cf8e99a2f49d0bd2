import unittest

from mcp.server.auth.provider import AuthorizationParams, TokenError
from pydantic import AnyUrl

from authed_server import InMemoryOAuthProvider, StaticTokenVerifier, VaultConfig, build_resource_server
from starlette.testclient import TestClient

from .helpers import MCP_HEADERS


class ProviderTests(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        self.provider = InMemoryOAuthProvider(VaultConfig(token_ttl=60))
        client = await self.provider.get_client("vault-cli")
        assert client is not None
        self.client = client

    async def _token(self):
        redirect = self.client.redirect_uris[0] if self.client.redirect_uris else AnyUrl("http://localhost/cb")
        url = await self.provider.authorize(
            self.client,
            AuthorizationParams(
                state=None,
                scopes=["notes:read"],
                code_challenge="abc",
                redirect_uri=redirect,
                redirect_uri_provided_explicitly=True,
            ),
        )
        code = url.split("code=")[1]
        loaded = await self.provider.load_authorization_code(self.client, code)
        assert loaded is not None
        return await self.provider.exchange_authorization_code(self.client, loaded)

    async def test_code_is_single_use(self):
        token = await self._token()
        self.assertEqual(token.scope, "notes:read")
        self.assertEqual(token.expires_in, 60)
        self.assertEqual(self.provider.codes, {})

    async def test_refresh_rotates_and_cannot_widen(self):
        token = await self._token()
        assert token.refresh_token is not None
        refresh = await self.provider.load_refresh_token(self.client, token.refresh_token)
        assert refresh is not None
        with self.assertRaises(TokenError):
            await self.provider.exchange_refresh_token(self.client, refresh, ["notes:write"])
        rotated = await self.provider.exchange_refresh_token(self.client, refresh, [])
        self.assertIsNone(await self.provider.load_access_token(token.access_token))
        self.assertIsNotNone(await self.provider.load_access_token(rotated.access_token))


class ResourceServerTests(unittest.TestCase):
    def test_static_verifier_gates_requests(self):
        server = build_resource_server(VaultConfig(), StaticTokenVerifier({"good": ["notes:read"], "weak": []}))
        self.assertTrue(server.settings.stateless_http)
        app = server.streamable_http_app()
        with TestClient(app) as client:
            body = {"jsonrpc": "2.0", "id": 1, "method": "ping"}
            self.assertEqual(client.post("/mcp", json=body, headers=dict(MCP_HEADERS, Authorization="Bearer nope")).status_code, 401)
            self.assertEqual(client.post("/mcp", json=body, headers=dict(MCP_HEADERS, Authorization="Bearer weak")).status_code, 403)
            meta = client.get("/.well-known/oauth-protected-resource/mcp")
            self.assertEqual(meta.status_code, 200, meta.text)


if __name__ == "__main__":
    unittest.main()
