"""AUT008: Stricter client authentication at `/token` and `/revoke`

Rule: engine/mcp_migrate/rules/aut008_token_client_auth.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.shared.auth import OAuthClientInformationFull\n"
        " \n"
        '+# mcp-migrate: AUT008 v2\'s `/token` and `/revoke` reject a `client_secret_post` client with no stored secret (401 `invalid_client`): set `token_endpoint_auth_method="none"` for a public client, or store a `client_secret` https://py.sdk.modelcontextprotocol.io/v2/migration/#stricter-client-authentication-at-token-and-revoke\n'
        " LEGACY_CLIENT = OAuthClientInformationFull(\n"
        "     client_id='legacy-client',\n"
        "     client_secret=None,  # no secret stored\n"
        "     token_endpoint_auth_method='client_secret_post',\n"
        "     redirect_uris=['http://localhost:1234/cb'],\n"
        " )\n",
        findings=["AUT008:3 manual"],
    ),
    case(
        " from mcp.server.auth.routes import create_auth_routes\n"
        " \n"
        " async def test_bad_secret(client):\n"
        "     response = await client.post('/token', data=FORM)\n"
        "     assert response.status_code == 401\n"
        "+    # mcp-migrate: AUT008 v2's `/token` answers failed client authentication with `invalid_client`, not `unauthorized_client` (now only for a permitted-grant failure): match the new code or accept both https://py.sdk.modelcontextprotocol.io/v2/migration/#stricter-client-authentication-at-token-and-revoke\n"
        "     assert response.json()['error'] == 'unauthorized_client'\n",
        findings=["AUT008:6 manual"],
    ),
]

NOOP = [
    "from mcp.shared.auth import OAuthClientInformationFull\n"
    "c = OAuthClientInformationFull(client_id='a', client_secret='s', token_endpoint_auth_method='client_secret_post')\n",
    "from mcp.shared.auth import OAuthClientInformationFull\n"
    "c = OAuthClientInformationFull(client_id='a', token_endpoint_auth_method='none')\n",
    "assert body['error'] == 'unauthorized_client'\n",
    "from other import OAuthClientInformationFull\n"
    "c = OAuthClientInformationFull(client_id='a', token_endpoint_auth_method='client_secret_post')\n",
]
