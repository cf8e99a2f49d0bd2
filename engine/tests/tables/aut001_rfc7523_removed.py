"""AUT001: `RFC7523OAuthClientProvider` and `JWTParameters` removed

Rule: engine/mcp_migrate/rules/aut001_rfc7523_removed.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        "+# mcp-migrate: AUT001 `RFC7523OAuthClientProvider` was removed: use `ClientCredentialsOAuthProvider` (client secret), `PrivateKeyJWTOAuthProvider` (JWT client auth on `client_credentials`) or `IdentityAssertionOAuthProvider` (ID-JAG `jwt-bearer`), whichever flow you run https://py.sdk.modelcontextprotocol.io/v2/migration/#rfc7523oauthclientprovider-and-jwtparameters-removed\n"
        " from mcp.client.auth.extensions.client_credentials import RFC7523OAuthClientProvider\n",
        findings=["AUT001:1 manual"],
    ),
    case(
        "+# mcp-migrate: AUT001 `JWTParameters` was removed: build the assertion with `SignedJWTParameters(issuer=..., subject=..., signing_key=...).create_assertion_provider()` or wrap a prebuilt JWT with `static_assertion_provider(token)`; `RFC7523OAuthClientProvider` was removed: use `ClientCredentialsOAuthProvider` (client secret), `PrivateKeyJWTOAuthProvider` (JWT client auth on `client_credentials`) or `IdentityAssertionOAuthProvider` (ID-JAG `jwt-bearer`), whichever flow you run https://py.sdk.modelcontextprotocol.io/v2/migration/#rfc7523oauthclientprovider-and-jwtparameters-removed\n"
        " from mcp.client.auth.extensions.client_credentials import (\n"
        "     JWTParameters,\n"
        "     RFC7523OAuthClientProvider,\n"
        " )\n"
        " \n"
        " def make(storage, metadata):\n"
        "+    # mcp-migrate: AUT001 `JWTParameters` was removed: build the assertion with `SignedJWTParameters(issuer=..., subject=..., signing_key=...).create_assertion_provider()` or wrap a prebuilt JWT with `static_assertion_provider(token)` https://py.sdk.modelcontextprotocol.io/v2/migration/#rfc7523oauthclientprovider-and-jwtparameters-removed\n"
        "     params = JWTParameters(issuer='me', subject='me', jwt_signing_key=KEY)\n"
        "+    # mcp-migrate: AUT001 `RFC7523OAuthClientProvider` was removed: use `ClientCredentialsOAuthProvider` (client secret), `PrivateKeyJWTOAuthProvider` (JWT client auth on `client_credentials`) or `IdentityAssertionOAuthProvider` (ID-JAG `jwt-bearer`), whichever flow you run https://py.sdk.modelcontextprotocol.io/v2/migration/#rfc7523oauthclientprovider-and-jwtparameters-removed\n"
        "     return RFC7523OAuthClientProvider(\n"
        "         'https://api.example.com', metadata, storage, jwt_parameters=params\n"
        "     )\n",
        findings=["AUT001:2 manual", "AUT001:3 manual", "AUT001:7 manual", "AUT001:8 manual"],
    ),
    case(
        " import mcp.client.auth.extensions.client_credentials as cc\n"
        "+# mcp-migrate: AUT001 `RFC7523OAuthClientProvider` was removed: use `ClientCredentialsOAuthProvider` (client secret), `PrivateKeyJWTOAuthProvider` (JWT client auth on `client_credentials`) or `IdentityAssertionOAuthProvider` (ID-JAG `jwt-bearer`), whichever flow you run https://py.sdk.modelcontextprotocol.io/v2/migration/#rfc7523oauthclientprovider-and-jwtparameters-removed\n"
        " provider = cc.RFC7523OAuthClientProvider(url, metadata, storage)\n",
        findings=["AUT001:2 manual"],
    ),
    # a fragment without its import line
    case(
        "+# mcp-migrate: AUT001 `RFC7523OAuthClientProvider` was removed: use `ClientCredentialsOAuthProvider` (client secret), `PrivateKeyJWTOAuthProvider` (JWT client auth on `client_credentials`) or `IdentityAssertionOAuthProvider` (ID-JAG `jwt-bearer`), whichever flow you run https://py.sdk.modelcontextprotocol.io/v2/migration/#rfc7523oauthclientprovider-and-jwtparameters-removed\n"
        " provider = RFC7523OAuthClientProvider(url, metadata, storage)\n",
        findings=["AUT001:1 manual"],
    ),
]

NOOP = [
    "from myauth import RFC7523OAuthClientProvider\nprovider = RFC7523OAuthClientProvider(url)\n",
    "class JWTParameters:\n    pass\n\np = JWTParameters()\n",
    "from mcp.client.auth.extensions.client_credentials import PrivateKeyJWTOAuthProvider\n",
    "s = 'RFC7523OAuthClientProvider'  # RFC7523OAuthClientProvider\n",
]
