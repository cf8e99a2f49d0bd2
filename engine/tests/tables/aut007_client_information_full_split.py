"""AUT007: `OAuthClientInformationFull` no longer subclasses `OAuthClientMetadata`, and parses server-substituted metadata

Rule: engine/mcp_migrate/rules/aut007_client_information_full_split.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    # a registered-client record handed to the file's own function typed with the metadata model
    case(
        " from mcp.shared.auth import OAuthClientInformationFull, OAuthClientMetadata\n"
        " \n"
        " def scopes(meta: OAuthClientMetadata) -> list[str]:\n"
        "     return (meta.scope or '').split()\n"
        " \n"
        " def register(client: OAuthClientInformationFull):\n"
        "+    # mcp-migrate: AUT007 pass an `OAuthClientMetadata` here: `OAuthClientInformationFull` no longer subclasses it (or annotate the parameter `OAuthClientMetadataBase`) https://py.sdk.modelcontextprotocol.io/v2/migration/#oauthclientinformationfull-no-longer-subclasses-oauthclientmetadata-and-parses-server-substituted-metadata\n"
        "     return scopes(client)\n",
        findings=["AUT007:7 manual"],
    ),
    case(
        " from mcp.shared.auth import OAuthClientMetadata\n"
        " \n"
        " def check(client, scope):\n"
        "+    # mcp-migrate: AUT007 `OAuthClientInformationFull` is no longer an `OAuthClientMetadata` in v2, so this check is False for registered-client records: check `OAuthClientInformationFull` (or `OAuthClientMetadataBase`) directly https://py.sdk.modelcontextprotocol.io/v2/migration/#oauthclientinformationfull-no-longer-subclasses-oauthclientmetadata-and-parses-server-substituted-metadata\n"
        "     if isinstance(client, OAuthClientMetadata):\n"
        "+        # mcp-migrate: AUT007 `validate_scope()` moved to `OAuthClientInformationFull` and is gone from `OAuthClientMetadata`: call it on the registered-client record https://py.sdk.modelcontextprotocol.io/v2/migration/#oauthclientinformationfull-no-longer-subclasses-oauthclientmetadata-and-parses-server-substituted-metadata\n"
        "         return client.validate_scope(scope)\n",
        findings=["AUT007:4 manual", "AUT007:5 manual"],
    ),
    case(
        " from mcp.shared.auth import OAuthClientMetadata\n"
        " \n"
        " def check(meta: OAuthClientMetadata, uri):\n"
        "+    # mcp-migrate: AUT007 `validate_redirect_uri()` moved to `OAuthClientInformationFull` and is gone from `OAuthClientMetadata`: call it on the registered-client record https://py.sdk.modelcontextprotocol.io/v2/migration/#oauthclientinformationfull-no-longer-subclasses-oauthclientmetadata-and-parses-server-substituted-metadata\n"
        "     return meta.validate_redirect_uri(uri)\n",
        findings=["AUT007:4 manual"],
    ),
    case(
        " from mcp.shared.auth import OAuthClientInformationFull\n"
        " \n"
        "+# mcp-migrate: AUT007 `OAuthClientInformationFull` requires `client_id` in v2 (RFC 7591 §3.2.1): pass one https://py.sdk.modelcontextprotocol.io/v2/migration/#oauthclientinformationfull-no-longer-subclasses-oauthclientmetadata-and-parses-server-substituted-metadata\n"
        " record = OAuthClientInformationFull(\n"
        "     redirect_uris=['http://localhost:1234/cb'],\n"
        "     client_name='x',\n"
        " )\n",
        findings=["AUT007:3 manual"],
    ),
    case(
        " import mcp.shared.auth as a\n"
        " info = a.OAuthClientInformationFull(client_id='c', redirect_uris=[CB])\n"
        "+# mcp-migrate: AUT007 pass an `OAuthClientMetadata` here: `OAuthClientInformationFull` no longer subclasses it https://py.sdk.modelcontextprotocol.io/v2/migration/#oauthclientinformationfull-no-longer-subclasses-oauthclientmetadata-and-parses-server-substituted-metadata\n"
        " provider = make(client_metadata=info)\n",
        findings=["AUT007:3 manual"],
    ),
]

NOOP = [
    "from mcp.shared.auth import OAuthClientInformationFull\n"
    "def f(c):\n"
    "    return isinstance(c, OAuthClientInformationFull)\n",
    "from mcp.shared.auth import OAuthClientInformationFull\n"
    "c = OAuthClientInformationFull(client_id='x', redirect_uris=[CB])\n"
    "c.validate_scope('a')\n",
    "from mcp.shared.auth import OAuthClientInformationFull\nc = OAuthClientInformationFull(**data)\n",
    "from other import OAuthClientMetadata\nisinstance(x, OAuthClientMetadata)\n",
    "from mcp.shared.auth import OAuthClientMetadata\nm = OAuthClientMetadata(redirect_uris=[CB])\n",
]
