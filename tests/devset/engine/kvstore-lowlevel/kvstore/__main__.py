"""``python -m kvstore [--stateless] [--verbose]`` - serve the store over stdio."""

from __future__ import annotations

import argparse
import logging
import sys

import anyio

from kvstore.server import serve


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kvstore")
    parser.add_argument("--stateless", action="store_true", help="accept requests before initialization")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(stream=sys.stderr, level=logging.DEBUG if args.verbose else logging.WARNING)
    anyio.run(lambda: serve(stateless=args.stateless))
    return 0


if __name__ == "__main__":
    sys.exit(main())
