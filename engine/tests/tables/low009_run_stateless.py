"""LOW009: `Server.run()` no longer takes a `stateless` flag

Rule: engine/mcp_migrate/rules/low009_run_stateless.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.server import Server\n"
        " s = Server('x')\n"
        "-await s.run(r, w, opts, stateless=False)\n"
        "+await s.run(r, w, opts)\n",
        findings=["LOW009:3 safe"],
    ),
    case(
        " from mcp.server import Server\n"
        " s = Server('x')\n"
        "+# mcp-migrate: LOW009 remove `stateless=` from `run()`: stateless serving is set on the transport (`StreamableHTTPSessionManager(app, stateless=True)`), not the loop https://py.sdk.modelcontextprotocol.io/v2/migration/#serverrun-no-longer-takes-a-stateless-flag\n"
        " await s.run(r, w, opts, stateless=True)\n",
        findings=["LOW009:3 manual"],
    ),
    # bound with functools.partial for a task group to start
    case(
        " import functools\n"
        " from mcp.server import Server\n"
        " s = Server('x')\n"
        "-tg.start_soon(functools.partial(s.run, r, w, opts, stateless=False))\n"
        "+tg.start_soon(functools.partial(s.run, r, w, opts))\n"
        "+# mcp-migrate: LOW009 remove `stateless=` from `run()`: stateless serving is set on the transport (`StreamableHTTPSessionManager(app, stateless=True)`), not the loop https://py.sdk.modelcontextprotocol.io/v2/migration/#serverrun-no-longer-takes-a-stateless-flag\n"
        " tg.start_soon(functools.partial(s.run, r, w, opts, raise_exceptions=True, stateless=flag))\n",
        findings=["LOW009:4 safe", "LOW009:5 manual"],
    ),
]

NOOP = [
    "from mcp.server import Server\ns = Server('x')\nawait s.run(r, w, opts)\n",
    "from other import Server\ns = Server('x')\nawait s.run(r, w, opts, stateless=False)\n",
    "import functools\nfrom mcp.server import Server\ns = Server('x')\ntg.start_soon(functools.partial(s.stop, stateless=True))\n",
]
