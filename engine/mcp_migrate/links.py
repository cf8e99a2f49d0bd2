"""Stable links written into marker comments and rule docs."""

SITE_URL = "https://mcp-migrate.dev"


def guide_url(anchor: str) -> str:
    # /guide/#<anchor> is the stable redirect; page paths may move between areas.
    return SITE_URL + "/guide/#" + anchor
