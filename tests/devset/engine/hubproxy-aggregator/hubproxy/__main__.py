"""``python -m hubproxy [--port N] [--stateless]``: serve the hub on HUB_TRANSPORT."""

from __future__ import annotations

import logging
import sys

from hubproxy.config import HubConfig
from hubproxy.server import HubServer


def main(argv: list[str]) -> int:
    config = HubConfig.from_env()
    logging.basicConfig(level=config.log_level)
    # The upstream HTTP transports are chatty at INFO.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)

    hub = HubServer(config)
    if "--port" in argv:
        hub.settings.port = int(argv[argv.index("--port") + 1])
    hub.settings.stateless_http = "--stateless" in argv or config.stateless_http
    if config.transport == "sse":
        hub.settings.sse_path = "/events"
        hub.run(transport="sse", mount_path=config.mount_path)
    else:
        hub.run(transport=config.transport)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
