"""AUT003: OAuth metadata URLs no longer gain a trailing slash

Rule: engine/mcp_migrate/rules/aut003_metadata_url_trailing_slash.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.shared.auth import OAuthMetadata\n"
        " \n"
        " def test_metadata(body):\n"
        "     metadata = OAuthMetadata.model_validate_json(body)\n"
        "+    # mcp-migrate: AUT003 v2 keeps a path-less metadata URL parsed from a string as-is (`https://as.example.com`, no trailing slash): compare against the value without the slash https://py.sdk.modelcontextprotocol.io/v2/migration/#oauth-metadata-urls-no-longer-gain-a-trailing-slash\n"
        "     assert str(metadata.issuer) == 'https://auth.example.com/'\n",
        findings=["AUT003:5 manual"],
    ),
    case(
        " from mcp.server.auth.settings import AuthSettings\n"
        " \n"
        " settings = AuthSettings(issuer_url='https://auth.example.com', resource_server_url=RS)\n"
        "+# mcp-migrate: AUT003 this relies on the trailing slash v1 added to a path-less URL; v2 keeps `https://as.example.com` as-is: join with `/` explicitly (or use `urljoin`) https://py.sdk.modelcontextprotocol.io/v2/migration/#oauth-metadata-urls-no-longer-gain-a-trailing-slash\n"
        " token_url = f'{settings.issuer_url}token'\n"
        "+# mcp-migrate: AUT003 v2 keeps a path-less metadata URL parsed from a string as-is (`https://as.example.com`, no trailing slash): compare against the value without the slash https://py.sdk.modelcontextprotocol.io/v2/migration/#oauth-metadata-urls-no-longer-gain-a-trailing-slash\n"
        " assert response.json()['issuer'] != 'https://auth.example.com/'\n",
        findings=["AUT003:4 manual", "AUT003:5 manual"],
    ),
    case(
        " from mcp.shared.auth import OAuthClientMetadata\n"
        " \n"
        "+# mcp-migrate: AUT003 v2 sends this path-less redirect URI without the trailing slash v1 added: if a client registered with v1 is persisted in `TokenStorage`, re-register it so the stored URI matches https://py.sdk.modelcontextprotocol.io/v2/migration/#oauth-metadata-urls-no-longer-gain-a-trailing-slash\n"
        " client_metadata = OAuthClientMetadata(\n"
        "     client_name='cli',\n"
        "     redirect_uris=['http://localhost:8080'],\n"
        " )\n",
        findings=["AUT003:3 manual"],
    ),
]

NOOP = [
    "assert str(metadata.issuer) == 'https://auth.example.com/'\n",
    "from mcp.shared.auth import OAuthMetadata\nassert str(m.issuer) == 'https://auth.example.com'\n",
    "from mcp.shared.auth import OAuthMetadata\nassert str(m.issuer) == 'https://auth.example.com/tenant/'\n",
    "from mcp.shared.auth import OAuthClientMetadata\n"
    "m = OAuthClientMetadata(redirect_uris=['http://localhost:3000/callback'])\n",
    "from mcp.shared.auth import OAuthMetadata\nurl = f'{m.issuer}/token'\n",
]
