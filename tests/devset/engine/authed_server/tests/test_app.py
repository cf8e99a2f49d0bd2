import unittest

from starlette.testclient import TestClient

from authed_server import InMemoryOAuthProvider, VaultConfig, build_server, create_app, store

from .helpers import obtain_token, open_session, rpc

CLI_REDIRECT = "http://localhost:7777/callback"


class VaultAppTests(unittest.TestCase):
    def setUp(self):
        store.notes.clear()
        self.config = VaultConfig(issuer="http://localhost:8765")
        self.provider = InMemoryOAuthProvider(self.config)
        self.server = build_server(self.config, self.provider)
        self.client = TestClient(create_app(self.server), base_url="http://localhost:8765")
        self.client.__enter__()

    def tearDown(self):
        self.client.__exit__(None, None, None)

    def test_healthz_reports_transport_settings(self):
        body = self.client.get("/healthz").json()
        self.assertEqual(body["streamable_http_path"], "/mcp")
        self.assertEqual(body["sse_path"], "/sse")
        self.assertTrue(body["json_response"])
        self.assertFalse(body["stateless"])
        self.assertEqual(self.server.settings.port, 8765)

    def test_metadata_and_registration(self):
        meta = self.client.get("/.well-known/oauth-authorization-server").json()
        self.assertEqual(meta["issuer"], "http://localhost:8765/")
        self.assertIn("revocation_endpoint", meta)
        registered = self.client.post(
            "/register",
            json={"redirect_uris": ["http://localhost:9999/cb"], "client_name": "ide", "scope": "notes:read"},
        )
        self.assertEqual(registered.status_code, 201, registered.text)
        client_id = registered.json()["client_id"]
        self.assertIn(client_id, self.provider.clients)

    def test_mcp_requires_bearer_token(self):
        response = self.client.post("/mcp", json={"jsonrpc": "2.0", "id": 1, "method": "ping"})
        self.assertEqual(response.status_code, 401)
        self.assertIn("resource_metadata", response.headers["www-authenticate"])

    def test_legacy_cli_client_full_flow(self):
        tokens = obtain_token(self.client, "vault-cli", CLI_REDIRECT, "notes:read notes:write")
        access = tokens["access_token"]
        session_id = open_session(self.client, access)

        saved = rpc(self.client, access, "tools/call", {"name": "add_note", "arguments": {"title": "todo", "body": "milk"}}, session_id, 2)
        self.assertFalse(saved.json()["result"]["isError"])
        who = rpc(self.client, access, "tools/call", {"name": "whoami", "arguments": {}}, session_id, 3).json()
        structured = who["result"]["structuredContent"]
        self.assertEqual(structured["client_id"], "vault-cli")
        self.assertEqual(structured["subject"], "user-of-vault-cli")
        read = rpc(self.client, access, "resources/read", {"uri": "notes://todo"}, session_id, 4).json()
        self.assertEqual(read["result"]["contents"][0]["text"], "milk")

    def test_missing_write_scope_is_reported_as_tool_error(self):
        tokens = obtain_token(self.client, "vault-cli", CLI_REDIRECT, "notes:read")
        session_id = open_session(self.client, tokens["access_token"])
        result = rpc(
            self.client, tokens["access_token"], "tools/call", {"name": "add_note", "arguments": {"title": "x", "body": "y"}}, session_id, 2
        ).json()["result"]
        self.assertTrue(result["isError"])
        self.assertIn("missing scope notes:write", result["content"][0]["text"])

    def test_revocation_invalidates_token(self):
        tokens = obtain_token(self.client, "vault-cli", CLI_REDIRECT, "notes:read")
        revoked = self.client.post("/revoke", data={"token": tokens["access_token"], "client_id": "vault-cli", "client_secret": ""})
        self.assertEqual(revoked.status_code, 200, revoked.text)
        response = rpc(self.client, tokens["access_token"], "ping")
        self.assertEqual(response.status_code, 401)

    def test_legacy_sse_endpoint_is_protected(self):
        response = self.client.get("/legacy/sse")
        self.assertEqual(response.status_code, 401)


if __name__ == "__main__":
    unittest.main()
