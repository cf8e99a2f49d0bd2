"""Entry point used by the CLI test: serve the notebook over stdio."""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from sample_servers import build_notebook  # noqa: E402

if __name__ == "__main__":
    build_notebook().run("stdio")
