"""`restbridge --config bridge.json` entry point."""

from __future__ import annotations

import argparse
import contextlib
import logging
from collections.abc import AsyncIterator

import uvicorn
from starlette.applications import Starlette

from restbridge.app import create_app
from restbridge.config import BridgeConfig
from restbridge.upstreams import UpstreamPool


def build(config: BridgeConfig) -> Starlette:
    pool = UpstreamPool()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with pool:
            for upstream in config.upstreams:
                try:
                    await pool.connect(upstream)
                except* OSError as group:
                    logging.getLogger("restbridge").error("could not start %s: %s", upstream.name, group.exceptions)
            yield

    return create_app(pool, title=config.title, lifespan=lifespan)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="restbridge")
    parser.add_argument("--config", default="bridge.json")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--log-level", default="info")
    args = parser.parse_args(argv)
    logging.basicConfig(level=args.log_level.upper())
    logging.getLogger("httpx").setLevel(logging.WARNING)
    uvicorn.run(build(BridgeConfig.load(args.config)), host=args.host, port=args.port)


if __name__ == "__main__":
    main()
