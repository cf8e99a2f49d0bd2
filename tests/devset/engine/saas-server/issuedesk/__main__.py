"""Container entry point: ``python -m issuedesk``.

The Docker image runs ``python -m issuedesk --transport streamable-http --host 0.0.0.0``;
desktop clients launch the same module over stdio without arguments.
"""

import sys

from issuedesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
