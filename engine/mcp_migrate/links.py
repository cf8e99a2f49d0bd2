"""Stable links written into marker comments and rule docs."""

# The official migration guide, at the address the SDK's own 2.x error messages use: its anchors
# are this project's section anchors, so a marker leads to the section wherever this site is hosted.
GUIDE_URL = "https://py.sdk.modelcontextprotocol.io/v2/migration/"


def guide_url(anchor: str) -> str:
    return GUIDE_URL + "#" + anchor
