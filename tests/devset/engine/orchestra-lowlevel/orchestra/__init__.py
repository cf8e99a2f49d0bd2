"""orchestra: workflow orchestration over MCP (lowlevel Server).

Importing the package registers every handler on ``orchestra.app.server``.
"""

from orchestra import prompts, resources, tools  # noqa: F401  (handler registration)
from orchestra.app import server

__all__ = ["server"]
