"""Entry point for the stdio round-trip test: serves the notes fixture over stdio."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from servers import build_notes_server  # noqa: E402

if __name__ == "__main__":
    build_notes_server().run("stdio")
