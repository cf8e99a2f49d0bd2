"""LOW014: Lowlevel `Server`: a `get_capabilities()` override takes `extensions` and `protocol_version`

Rule: engine/mcp_migrate/rules/low014_get_capabilities_override.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    # a signature written one parameter per line keeps that style
    case(
        " from typing import Any\n"
        " from mcp.server.lowlevel import NotificationOptions, Server\n"
        " \n"
        " class WidgetServer(Server):\n"
        "     def get_capabilities(\n"
        "         self,\n"
        "         notification_options: NotificationOptions,\n"
        "         experimental_capabilities: dict[str, dict[str, Any]],\n"
        "+        extensions: dict[str, dict[str, Any]] | None = None,\n"
        "+        *,\n"
        "+        protocol_version: str | None = None,\n"
        "     ):\n"
        "-        return super().get_capabilities(notification_options, experimental_capabilities)\n"
        "+        return super().get_capabilities(notification_options, experimental_capabilities, extensions=extensions, protocol_version=protocol_version)\n",
        findings=["LOW014:5 safe"],
    ),
    # unannotated: the new parameters are too; an override that builds the capabilities itself
    case(
        " from mcp.server import Server\n"
        " from mcp import types\n"
        " \n"
        " class Fixed(Server):\n"
        "-    def get_capabilities(self, notification_options, experimental_capabilities):\n"
        "+    def get_capabilities(self, notification_options, experimental_capabilities, extensions=None, *, protocol_version=None):\n"
        "         return types.ServerCapabilities()\n",
        findings=["LOW014:5 safe"],
    ),
    # a signature other than v1's: marked
    case(
        " from mcp.server import Server\n"
        " \n"
        " class Odd(Server):\n"
        "+    # mcp-migrate: LOW014 v2's `Server` calls `get_capabilities()` with `extensions` (and `protocol_version=`): take `extensions=None, *, protocol_version=None` and pass them to `super()` https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-what-did-not-change\n"
        "     def get_capabilities(self, notification_options):\n"
        "         return super().get_capabilities(notification_options, {})\n",
        findings=["LOW014:4 manual"],
    ),
]

NOOP = [
    # already v2's signature, or taking anything
    "from mcp.server import Server\n"
    "\n"
    "class Done(Server):\n"
    "    def get_capabilities(self, notification_options=None, experimental_capabilities=None, extensions=None, *, protocol_version=None):\n"
    "        return super().get_capabilities(notification_options, experimental_capabilities, extensions, protocol_version=protocol_version)\n",
    "from mcp.server import Server\n"
    "\n"
    "class Any_(Server):\n"
    "    def get_capabilities(self, *args, **kwargs):\n"
    "        return super().get_capabilities(*args, **kwargs)\n",
    # not a subclass of the SDK's Server
    "class Server:\n"
    "    def get_capabilities(self, notification_options, experimental_capabilities):\n"
    "        return {}\n",
]
