"""evalbench: run scripted tool-call cases against many MCP servers and score them."""

from .cases import Case, ServerTarget, Suite
from .runner import SuiteRunner

__all__ = ["Case", "ServerTarget", "Suite", "SuiteRunner"]
