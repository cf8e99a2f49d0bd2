import argparse

from notesvc.app import create_app
from notesvc.config import AppConfig


def main() -> None:
    parser = argparse.ArgumentParser(prog="notesvc")
    parser.add_argument("--transport", choices=["stdio", "sse", "streamable-http"], default="stdio")
    parser.add_argument("--port", type=int)
    args = parser.parse_args()
    app = create_app(AppConfig.from_env())
    if args.port:
        app.settings.port = args.port
    app.run(transport=args.transport)


if __name__ == "__main__":
    main()
