"""TYP011: `SUPPORTED_PROTOCOL_VERSIONS` deprecated; `LATEST_PROTOCOL_VERSION` changed meaning

Rule: engine/mcp_migrate/rules/typ011_protocol_versions.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        "-from mcp.types import LATEST_PROTOCOL_VERSION\n"
        "+from mcp.types.version import LATEST_HANDSHAKE_VERSION\n"
        " \n"
        "-v = LATEST_PROTOCOL_VERSION\n"
        "+v = LATEST_HANDSHAKE_VERSION\n",
        findings=["TYP011:1 review"],
    ),
    case(
        "-from mcp.types import Tool, LATEST_PROTOCOL_VERSION\n"
        "+from mcp.types import Tool\n"
        "+from mcp.types.version import LATEST_HANDSHAKE_VERSION\n"
        " \n"
        "-ok = v == LATEST_PROTOCOL_VERSION\n"
        "+ok = v == LATEST_HANDSHAKE_VERSION\n",
        findings=["TYP011:1 review"],
    ),
    case(
        "-from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS as S\n"
        "+from mcp.shared.version import HANDSHAKE_PROTOCOL_VERSIONS as S\n"
        " \n"
        " ok = v in S\n",
        findings=["TYP011:1 review"],
    ),
    # v1's list is a tuple in v2: where the code concatenates a list or annotates one, it stays a list
    case(
        "-from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS\n"
        "+from mcp.shared.version import HANDSHAKE_PROTOCOL_VERSIONS\n"
        " \n"
        "-BRIDGE: list[str] = SUPPORTED_PROTOCOL_VERSIONS + [\"2024-10-07\"]\n"
        "-ALL: list[str] = SUPPORTED_PROTOCOL_VERSIONS\n"
        "-both = SUPPORTED_PROTOCOL_VERSIONS + (extra or [])\n"
        "-pair = SUPPORTED_PROTOCOL_VERSIONS + (\"x\",)\n"
        "+BRIDGE: list[str] = list(HANDSHAKE_PROTOCOL_VERSIONS) + [\"2024-10-07\"]\n"
        "+ALL: list[str] = list(HANDSHAKE_PROTOCOL_VERSIONS)\n"
        "+both = list(HANDSHAKE_PROTOCOL_VERSIONS) + (extra or [])\n"
        "+pair = HANDSHAKE_PROTOCOL_VERSIONS + (\"x\",)\n",
        findings=["TYP011:1 review"],
    ),
    case(
        "-from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS as S\n"
        "+from mcp.shared.version import HANDSHAKE_PROTOCOL_VERSIONS as S\n"
        " \n"
        "-extended = [\"draft\"] + S\n"
        "+extended = [\"draft\"] + list(S)\n",
        findings=["TYP011:1 review"],
    ),
    # a module attribute becomes v2's name, imported
    case(
        " import mcp.types as types\n"
        "+from mcp.types.version import LATEST_HANDSHAKE_VERSION\n"
        " \n"
        "-v = types.LATEST_PROTOCOL_VERSION\n"
        "+v = LATEST_HANDSHAKE_VERSION\n",
        findings=["TYP011:3 review"],
    ),
    # ... unless the file binds that name to something else: marked
    case(
        " import mcp.types as types\n"
        " \n"
        " LATEST_HANDSHAKE_VERSION = '2024-11-05'\n"
        "+# mcp-migrate: TYP011 v2's `LATEST_PROTOCOL_VERSION` is the 2026-era revision; `LATEST_HANDSHAKE_VERSION` keeps v1's value (`from mcp.types.version import LATEST_HANDSHAKE_VERSION`) https://py.sdk.modelcontextprotocol.io/v2/migration/#supported_protocol_versions-deprecated-latest_protocol_version-changed-meaning\n"
        " v = types.LATEST_PROTOCOL_VERSION\n",
        findings=["TYP011:4 manual"],
    ),
]

NOOP = [
    "from mcp.types.version import LATEST_HANDSHAKE_VERSION, HANDSHAKE_PROTOCOL_VERSIONS\n",
    "LATEST_PROTOCOL_VERSION = '2025-06-18'\nprint(LATEST_PROTOCOL_VERSION)\n",
    "from myproj.version import SUPPORTED_PROTOCOL_VERSIONS\n",
]
