"""SRV007: Transport-specific parameters moved from MCPServer constructor to run()/app methods

Rule: engine/mcp_migrate/rules/srv007_transport_kwargs.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        '-mcp = FastMCP("Demo", json_response=True, stateless_http=True)\n'
        '-mcp.run(transport="streamable-http")\n'
        '+mcp = FastMCP("Demo")\n'
        '+mcp.run(transport="streamable-http", json_response=True, stateless_http=True)\n'
        " \n"
        '-mcp = FastMCP("Server", host="0.0.0.0", port=9000, sse_path="/events")\n'
        '-mcp.run(transport="sse")\n'
        '+mcp = FastMCP("Server")\n'
        '+mcp.run(transport="sse", host="0.0.0.0", port=9000, sse_path="/events")\n',
        findings=["SRV007:3 safe", "SRV007:6 safe"],
    ),
    # v1's settings model parsed a port read from the environment; `run()` does not
    case(
        " import os\n"
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        '-mcp = FastMCP("Demo", host=os.getenv("HOST", "0.0.0.0"), port=os.environ["PORT"])\n'
        '-mcp.run(transport="sse")\n'
        '+mcp = FastMCP("Demo")\n'
        '+mcp.run(transport="sse", host=os.getenv("HOST", "0.0.0.0"), port=int(os.environ["PORT"]))\n',
        findings=["SRV007:4 safe"],
    ),
    # an environment read may be written at each destination that takes it
    case(
        " import os\n"
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        '-mcp = FastMCP("Demo", host=os.getenv("HOST", "0.0.0.0"), port=int(os.getenv("PORT", "8000")))\n'
        '+mcp = FastMCP("Demo")\n'
        " \n"
        " def main(transport):\n"
        '     if transport == "sse":\n'
        '-        mcp.run(transport="sse")\n'
        '+        mcp.run(transport="sse", host=os.getenv("HOST", "0.0.0.0"), port=int(os.getenv("PORT", "8000")))\n'
        "     else:\n"
        '-        mcp.run(transport="streamable-http")\n'
        '+        mcp.run(transport="streamable-http", host=os.getenv("HOST", "0.0.0.0"), port=int(os.getenv("PORT", "8000")))\n'
        "     mcp.run()\n",
        findings=["SRV007:4 safe"],
    ),
    # nowhere to move them (a stdio server), but they are v1's and v2's defaults: dropped; the other
    # value keeps its marker
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        "+# mcp-migrate: SRV007 v2 takes `stateless_http=` on `run()` / the app methods, not the constructor: `stateless_http=` -> `run(transport=\"streamable-http\", ...)` or `streamable_http_app(...)` https://py.sdk.modelcontextprotocol.io/v2/migration/#transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods\n"
        '-mcp = FastMCP(name="sbb", json_response=False, stateless_http=True, port=8000)\n'
        '+mcp = FastMCP(name="sbb", stateless_http=True)\n'
        " mcp.run()\n",
        findings=["SRV007:3 safe", "SRV007:3 manual"],
    ),
    # a mounted app: host goes to the app factory too (DNS-rebinding protection); port has no home there
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        " mcp = FastMCP(\n"
        '     "App",\n'
        '-    host="0.0.0.0",\n'
        "-    json_response=True,\n"
        " )\n"
        " \n"
        '-app = Starlette(routes=[Mount("/", app=mcp.streamable_http_app())])\n'
        '+app = Starlette(routes=[Mount("/", app=mcp.streamable_http_app(host="0.0.0.0", json_response=True))])\n',
        findings=["SRV007:3 safe"],
    ),
    # no run()/app call in the file: as a review fix the value waits beside the server, under a
    # marker naming the destination (v2's constructor would raise `TypeError` at import)
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        "+from types import SimpleNamespace\n"
        " \n"
        '-mcp = FastMCP("Demo", port=9000)\n'
        '+mcp = FastMCP("Demo")\n'
        '+# mcp-migrate: SRV007 v2 takes `port=` on `run()` / the app methods, not the constructor: `port=` -> `run(transport="sse"|"streamable-http", port=...)` (a mounted app binds where the outer server does); pass them from `mcp_transport_settings` https://py.sdk.modelcontextprotocol.io/v2/migration/#transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods\n'
        "+mcp_transport_settings = SimpleNamespace(port=9000)\n",
        findings=["SRV007:3 review"],
    ),
    # dynamic transport: cannot tell which keywords it takes
    case(
        " import sys\n"
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        '+# mcp-migrate: SRV007 v2 takes `stateless_http=` on `run()` / the app methods, not the constructor: `stateless_http=` -> `run(transport="streamable-http", ...)` or `streamable_http_app(...)` https://py.sdk.modelcontextprotocol.io/v2/migration/#transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods\n'
        ' mcp = FastMCP("Demo", stateless_http=True)\n'
        " mcp.run(transport=sys.argv[1])\n",
        findings=["SRV007:4 manual"],
    ),
    # two entry points of the same server: a simple value goes to both
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        '-mcp = FastMCP("Demo", host=HOST, debug=True)\n'
        '+mcp = FastMCP("Demo", debug=True)\n'
        " \n"
        " def main(sse):\n"
        "     if sse:\n"
        '-        mcp.run("sse")\n'
        '+        mcp.run("sse", host=HOST)\n'
        "     else:\n"
        '-        mcp.run("streamable-http")\n'
        '+        mcp.run("streamable-http", host=HOST)\n',
        findings=["SRV007:3 safe"],
    ),
    # a stdio-only file: the values were unused; a person decides
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        '+# mcp-migrate: SRV007 v2 takes `port=` on `run()` / the app methods, not the constructor: `port=` -> `run(transport="sse"|"streamable-http", port=...)` (a mounted app binds where the outer server does) https://py.sdk.modelcontextprotocol.io/v2/migration/#transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods\n'
        ' mcp = FastMCP("Demo", port=1)\n'
        " \n"
        ' if __name__ == "__main__":\n'
        "     mcp.run()\n",
        findings=["SRV007:3 manual"],
    ),
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        ' mcp = FastMCP("Demo")\n'
        '+# mcp-migrate: SRV007 `settings.port` was removed (assigning it raises `ValueError`); pass `port=` to `run(transport="sse"|"streamable-http", port=...)` (a mounted app binds where the outer server does); the fix took out `mcp.settings.port`: pass `port=9000` there https://py.sdk.modelcontextprotocol.io/v2/migration/#transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods\n'
        "-mcp.settings.port = 9000\n",
        findings=["SRV007:4 review"],
    ),
    # the settings object kept in a variable
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        ' mcp = FastMCP("Demo")\n'
        " settings = mcp.settings\n"
        '+# mcp-migrate: SRV007 `settings.port` was removed (assigning it raises `ValueError`); pass `port=` to `run(transport="sse"|"streamable-http", port=...)` (a mounted app binds where the outer server does); the fix took out `settings.port`: pass `port=9000` there https://py.sdk.modelcontextprotocol.io/v2/migration/#transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods\n'
        "-settings.port = 9000\n",
        findings=["SRV007:5 review"],
    ),
    # a server reached through a parameter typed with the project's `TypeAlias` of the server class
    case(
        " from typing import TypeAlias\n"
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        " Server: TypeAlias = FastMCP\n"
        " \n"
        " def tune(server: Server, port: int) -> None:\n"
        '+    # mcp-migrate: SRV007 `settings.port` was removed (assigning it raises `ValueError`); pass `port=` to `run(transport="sse"|"streamable-http", port=...)` (a mounted app binds where the outer server does); the fix took out `server.settings.port`: pass `port=port` there https://py.sdk.modelcontextprotocol.io/v2/migration/#transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods\n'
        "-    server.settings.port = port\n"
        "+    pass\n",
        findings=["SRV007:7 review"],
    ),
    # positional event_store / retry_interval (v1 positions 7 and 8)
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        '-server = FastMCP("d", None, None, None, None, None, store, 500)\n'
        "-app = server.streamable_http_app()\n"
        '+server = FastMCP("d", None, None, None, None, None)\n'
        "+app = server.streamable_http_app(event_store=store, retry_interval=500)\n",
        findings=["SRV007:3 safe"],
    ),
    # v1's defaults go by a safe fix of their own (where their removal does not touch the others'),
    # the rest wait beside the server (review)
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        "+from types import SimpleNamespace\n"
        " \n"
        '-mcp = FastMCP("Demo", json_response=False, debug=True, host="0.0.0.0")\n'
        '+mcp = FastMCP("Demo", debug=True)\n'
        '+# mcp-migrate: SRV007 v2 takes `host=` on `run()` / the app methods, not the constructor: `host=` -> `run(transport="sse"|"streamable-http", host=...)`, and `sse_app(host=...)` / `streamable_http_app(host=...)` for a mounted app; pass them from `mcp_transport_settings` https://py.sdk.modelcontextprotocol.io/v2/migration/#transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods\n'
        '+mcp_transport_settings = SimpleNamespace(host="0.0.0.0")\n',
        findings=["SRV007:3 review", "SRV007:3 safe"],
    ),
    # a function that builds the server: no variable there outlives the call, so the values wait in the
    # marker the review fix writes, and the constructor no longer raises `TypeError` when it runs
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        " def build(port: int) -> FastMCP:\n"
        '+    # mcp-migrate: SRV007 v2 takes `port=` on `run()` / the app methods, not the constructor: `port=` -> `run(transport="sse"|"streamable-http", port=...)` (a mounted app binds where the outer server does); the fix took them off the constructor: pass port=port there https://py.sdk.modelcontextprotocol.io/v2/migration/#transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods\n'
        '-    server = FastMCP("x", port=port)\n'
        '+    server = FastMCP("x")\n'
        "     return server\n",
        findings=["SRV007:4 review"],
    ),
    # a different server object's run() is not a destination
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        "+from types import SimpleNamespace\n"
        " \n"
        '-a = FastMCP("a", port=1)\n'
        '+a = FastMCP("a")\n'
        '+# mcp-migrate: SRV007 v2 takes `port=` on `run()` / the app methods, not the constructor: `port=` -> `run(transport="sse"|"streamable-http", port=...)` (a mounted app binds where the outer server does); pass them from `a_transport_settings` https://py.sdk.modelcontextprotocol.io/v2/migration/#transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods\n'
        "+a_transport_settings = SimpleNamespace(port=1)\n"
        ' b = FastMCP("b")\n'
        ' b.run("sse")\n',
        findings=["SRV007:3 review"],
    ),
]

# A file still importing from `mcp.server.fastmcp` is half migrated: its `MCPServer` is v1's FastMCP.
CASES += [
    case(
        " from mcp.server.mcpserver import MCPServer\n"
        " from mcp.server.fastmcp.utilities.types import Image\n"
        "-mcp = MCPServer('Demo', port=8000)\n"
        "-mcp.run('sse')\n"
        "+mcp = MCPServer('Demo')\n"
        "+mcp.run('sse', port=8000)\n",
        findings=["SRV007:3 safe"],
    ),
]

# Settings assigned before the server starts in the same block move into that call.
CASES += [
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " mcp = FastMCP('x')\n"
        " \n"
        " async def main(config):\n"
        "     if config.transport == 'sse':\n"
        "-        mcp.settings.host = config.host\n"
        "-        mcp.settings.port = config.port\n"
        "         log(config.port)\n"
        "-        await mcp.run_sse_async()\n"
        "+        await mcp.run_sse_async(host=config.host, port=config.port)\n",
        findings=["SRV007:6 safe"],
    ),
    # read back in between: a module-level server's setting becomes a module variable
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " mcp = FastMCP('x')\n"
        "-mcp.settings.port = 9000\n"
        "-print(mcp.settings.port)\n"
        "-mcp.run('sse')\n"
        "+mcp_port = 9000\n"
        "+print(mcp_port)\n"
        "+mcp.run('sse', port=mcp_port)\n",
        findings=["SRV007:3 safe"],
    ),
    # written in one function, read in another, run in a third: v1's default until written, and
    # `global` where it is written
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        " mcp = FastMCP('x')\n"
        '+mcp_host = "127.0.0.1"\n'
        "+mcp_port = 8000\n"
        " \n"
        " def configure(config):\n"
        '     """Apply the config."""\n'
        "+    global mcp_host, mcp_port\n"
        "     if config.host:\n"
        "-        mcp.settings.host = config.host\n"
        "-    mcp.settings.port = config.port\n"
        "+        mcp_host = config.host\n"
        "+    mcp_port = config.port\n"
        " \n"
        " async def serve(transport):\n"
        "-    print(f'on {mcp.settings.host}:{mcp.settings.port}')\n"
        "+    print(f'on {mcp_host}:{mcp_port}')\n"
        "     if transport == 'sse':\n"
        "-        await mcp.run_sse_async()\n"
        "+        await mcp.run_sse_async(host=mcp_host, port=mcp_port)\n"
        "     else:\n"
        "-        await mcp.run_streamable_http_async()\n"
        "+        await mcp.run_streamable_http_async(host=mcp_host, port=mcp_port)\n",
        findings=["SRV007:8 safe"],
    ),
    # a server made in a function, and a written value no call of the file takes (an app has no
    # `port`): the review fix takes the assignment out, its marker keeps the value; the read stays marked
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        " def build():\n"
        "     mcp = FastMCP('x')\n"
        "+    # mcp-migrate: SRV007 `settings.port` was removed (assigning it raises `ValueError`); pass `port=` to `run(transport=\"sse\"|\"streamable-http\", port=...)` (a mounted app binds where the outer server does); the fix took out `mcp.settings.port`: pass `port=9000` there https://py.sdk.modelcontextprotocol.io/v2/migration/#transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods\n"
        "-    mcp.settings.port = 9000\n"
        "+    # mcp-migrate: SRV007 `settings.port` was removed (reading it raises `AttributeError`); keep the value yourself and pass it as `port=` to `run(transport=\"sse\"|\"streamable-http\", port=...)` (a mounted app binds where the outer server does) https://py.sdk.modelcontextprotocol.io/v2/migration/#transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods\n"
        "     print(mcp.settings.port)\n"
        "     mcp.run('sse')\n"
        " \n"
        " server = FastMCP('y')\n"
        "+# mcp-migrate: SRV007 `settings.port` was removed (assigning it raises `ValueError`); pass `port=` to `run(transport=\"sse\"|\"streamable-http\", port=...)` (a mounted app binds where the outer server does); the fix took out `server.settings.port`: pass `port=9000` there https://py.sdk.modelcontextprotocol.io/v2/migration/#transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods\n"
        "-server.settings.port = 9000\n"
        " app = server.sse_app()\n",
        findings=["SRV007:5 review", "SRV007:6 manual", "SRV007:10 review"],
    ),
    # a subclass keeping FastMCP's constructor takes its parameters; one with its own passes them up,
    # and keeps what no call of the file takes beside the call (review)
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        "+from types import SimpleNamespace\n"
        " \n"
        " class WithCORS(FastMCP):\n"
        "     def streamable_http_app(self):\n"
        "         return super().streamable_http_app()\n"
        " \n"
        " class Own(FastMCP):\n"
        "     def __init__(self, port):\n"
        "-        super().__init__('own', port=port)\n"
        "+        super().__init__('own')\n"
        "+        # mcp-migrate: SRV007 v2 takes `port=` on `run()` / the app methods, not the constructor: `port=` -> `run(transport=\"sse\"|\"streamable-http\", port=...)` (a mounted app binds where the outer server does); pass them from `self.transport_settings` https://py.sdk.modelcontextprotocol.io/v2/migration/#transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods\n"
        "+        self.transport_settings = SimpleNamespace(port=port)\n"
        " \n"
        "-mcp = WithCORS(name='J', json_response=False)\n"
        "-mcp.run(transport='streamable-http')\n"
        "+mcp = WithCORS(name='J')\n"
        "+mcp.run(transport='streamable-http', json_response=False)\n",
        findings=["SRV007:9 review", "SRV007:11 safe"],
    ),
    # a subclass of the generic server (`FastMCP[State]`) too
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        "+from types import SimpleNamespace\n"
        " \n"
        " class Hub(FastMCP[int]):\n"
        "     def __init__(self, cfg) -> None:\n"
        "-        super().__init__('hub', host=cfg.host, port=cfg.port, log_level='INFO')\n"
        "+        super().__init__('hub', log_level='INFO')\n"
        "+        # mcp-migrate: SRV007 v2 takes `host=`, `port=` on `run()` / the app methods, not the constructor: `host=` -> `run(transport=\"sse\"|\"streamable-http\", host=...)`, and `sse_app(host=...)` / `streamable_http_app(host=...)` for a mounted app; `port=` -> `run(transport=\"sse\"|\"streamable-http\", port=...)` (a mounted app binds where the outer server does); pass them from `self.transport_settings` https://py.sdk.modelcontextprotocol.io/v2/migration/#transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods\n"
        "+        self.transport_settings = SimpleNamespace(host=cfg.host, port=cfg.port)\n",
        findings=["SRV007:5 review"],
    ),
    # a transport typed as a `Literal` of HTTP transports: v2's overloads take what all of them take;
    # one that may be "stdio" takes no keyword
    case(
        " from typing import Literal\n"
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        ' def serve(transport: Literal["sse", "streamable-http"], port: int):\n'
        '-    mcp = FastMCP("Demo", port=port, json_response=True)\n'
        "-    mcp.run(transport=transport)\n"
        '+    # mcp-migrate: SRV007 v2 takes `json_response=` on `run()` / the app methods, not the constructor: `json_response=` -> `run(transport="streamable-http", ...)` or `streamable_http_app(...)` https://py.sdk.modelcontextprotocol.io/v2/migration/#transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods\n'
        '+    mcp = FastMCP("Demo", json_response=True)\n'
        "+    mcp.run(transport=transport, port=port)\n"
        " \n"
        ' def serve_any(transport: Literal["stdio", "sse"], port: int):\n'
        '+    # mcp-migrate: SRV007 v2 takes `port=` on `run()` / the app methods, not the constructor: `port=` -> `run(transport="sse"|"streamable-http", port=...)` (a mounted app binds where the outer server does) https://py.sdk.modelcontextprotocol.io/v2/migration/#transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods\n'
        '     mcp = FastMCP("Demo", port=port)\n'
        "     mcp.run(transport=transport)\n",
        findings=["SRV007:5 safe", "SRV007:5 manual", "SRV007:9 manual"],
    ),
    # a read of a setting the constructor was given becomes its value (review unless a constant); one
    # whose value was rebound since, marked
    case(
        ' from mcp.server.fastmcp import FastMCP\n'
        ' \n'
        ' \n'
        ' def build(settings):\n'
        '     settings = settings or load()\n'
        '-    mcp = FastMCP("x", host=settings.host, port=9000, json_response=True)\n'
        '-    log.debug("on %s:%s %s", mcp.settings.host, mcp.settings.port, mcp.settings.json_response)\n'
        '+    # mcp-migrate: SRV007 v2 takes `host=`, `port=`, `json_response=` on `run()` / the app methods, not the constructor: `host=` -> `run(transport="sse"|"streamable-http", host=...)`, and `sse_app(host=...)` / `streamable_http_app(host=...)` for a mounted app; `port=` -> `run(transport="sse"|"streamable-http", port=...)` (a mounted app binds where the outer server does); `json_response=` -> `run(transport="streamable-http", ...)` or `streamable_http_app(...)`; the fix took them off the constructor: pass host=settings.host, port=9000, json_response=True there https://py.sdk.modelcontextprotocol.io/v2/migration/#transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods\n'
        '+    mcp = FastMCP("x")\n'
        '+    log.debug("on %s:%s %s", settings.host, 9000, True)\n'
        '     return mcp\n'
        ' \n'
        ' \n'
        ' def other(settings):\n'
        '-    mcp = FastMCP("y", host=settings.host)\n'
        '+    # mcp-migrate: SRV007 v2 takes `host=` on `run()` / the app methods, not the constructor: `host=` -> `run(transport="sse"|"streamable-http", host=...)`, and `sse_app(host=...)` / `streamable_http_app(host=...)` for a mounted app; the fix took them off the constructor: pass host=settings.host there https://py.sdk.modelcontextprotocol.io/v2/migration/#transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods\n'
        '+    mcp = FastMCP("y")\n'
        '     settings = None\n'
        '+    # mcp-migrate: SRV007 `settings.host` was removed (reading it raises `AttributeError`); keep the value yourself and pass it as `host=` to `run(transport="sse"|"streamable-http", host=...)`, and `sse_app(host=...)` / `streamable_http_app(host=...)` for a mounted app; `settings.port` was removed (reading it raises `AttributeError`); keep the value yourself and pass it as `port=` to `run(transport="sse"|"streamable-http", port=...)` (a mounted app binds where the outer server does) https://py.sdk.modelcontextprotocol.io/v2/migration/#transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods\n'
        '     print(mcp.settings.host, mcp.settings.port)\n'
        '     return mcp\n',
        findings=[
            'SRV007:6 review',
            'SRV007:7 review',
            'SRV007:7 safe',
            'SRV007:7 safe',
            'SRV007:12 review',
            'SRV007:14 manual',
            'SRV007:14 manual',
        ],
    ),
    # every statement of a block gives way to a marker: the last one keeps the block with `pass`
    case(
        ' from mcp.server.fastmcp import FastMCP\n'
        ' \n'
        ' \n'
        ' def serve(server: FastMCP, host: str, port: int) -> None:\n'
        '     if host:\n'
        '-        server.settings.host = host\n'
        '-        server.settings.port = port\n'
        '+        # mcp-migrate: SRV007 `settings.host` was removed (assigning it raises `ValueError`); pass `host=` to `run(transport="sse"|"streamable-http", host=...)`, and `sse_app(host=...)` / `streamable_http_app(host=...)` for a mounted app; the fix took out `server.settings.host`: pass `host=host` there https://py.sdk.modelcontextprotocol.io/v2/migration/#transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods\n'
        '+        # mcp-migrate: SRV007 `settings.port` was removed (assigning it raises `ValueError`); pass `port=` to `run(transport="sse"|"streamable-http", port=...)` (a mounted app binds where the outer server does); the fix took out `server.settings.port`: pass `port=port` there https://py.sdk.modelcontextprotocol.io/v2/migration/#transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods\n'
        '+        pass\n'
        '     server.run(transport="sse")\n',
        findings=['SRV007:6 review', 'SRV007:7 review'],
    ),
]

NOOP = [
    "from fastmcp import FastMCP\nmcp = FastMCP(\"Demo\", port=1)\nmcp.run()\n",
    "from mcp.server.fastmcp import FastMCP\n"
    'mcp = FastMCP("Demo", debug=True, log_level="INFO")\n'
    'mcp.run("sse")\n',
    "from mcp.server.mcpserver import MCPServer\nmcp = MCPServer(\"Demo\")\nmcp.run(\"sse\", port=1)\n",
    "import uvicorn\nuvicorn.run(app, host=\"0.0.0.0\", port=8000)\n",
]
