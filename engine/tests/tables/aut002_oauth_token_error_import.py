"""AUT002: Unchanged auth surfaces

Rule: engine/mcp_migrate/rules/aut002_oauth_token_error_import.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        "-from mcp.client.auth.extensions.client_credentials import OAuthTokenError\n"
        "+from mcp.client.auth import OAuthTokenError\n",
        findings=["AUT002:1 safe"],
    ),
    case(
        "-from mcp.client.auth.extensions.client_credentials import ClientCredentialsOAuthProvider, OAuthTokenError\n"
        "+from mcp.client.auth.extensions.client_credentials import ClientCredentialsOAuthProvider\n"
        "+from mcp.client.auth import OAuthTokenError\n"
        " \n"
        " try:\n"
        "     pass\n"
        " except OAuthTokenError:\n"
        "     pass\n",
        findings=["AUT002:1 safe"],
    ),
    case(
        " def f():\n"
        "     from mcp.client.auth.extensions.client_credentials import (\n"
        "-        OAuthTokenError as TokErr,\n"
        "         PrivateKeyJWTOAuthProvider,\n"
        "     )\n"
        "+    from mcp.client.auth import OAuthTokenError as TokErr\n"
        "     return TokErr\n",
        findings=["AUT002:3 safe"],
    ),
    case(
        " import mcp.client.auth.extensions.client_credentials as cc\n"
        "+# mcp-migrate: AUT002 import `OAuthTokenError` from `mcp.client.auth`; `mcp.client.auth.extensions.client_credentials` no longer re-exports it https://py.sdk.modelcontextprotocol.io/v2/migration/#unchanged-auth-surfaces\n"
        " err = cc.OAuthTokenError\n",
        findings=["AUT002:2 manual"],
    ),
]

NOOP = [
    "from mcp.client.auth import OAuthTokenError\n",
    "from mcp.client.auth.extensions.client_credentials import ClientCredentialsOAuthProvider\n",
    "from other.client_credentials import OAuthTokenError\n",
]
