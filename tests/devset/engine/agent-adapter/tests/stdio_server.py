"""Entry point used by the stdio tests: `python tests/stdio_server.py`."""

from tests.servers import build_demo_server

if __name__ == "__main__":
    build_demo_server().run("stdio")
