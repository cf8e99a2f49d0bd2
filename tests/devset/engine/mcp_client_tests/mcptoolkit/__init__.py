from .client import ToolCallError, ToolkitClient, ToolOutcome
from .notifications import NotificationRecorder

__all__ = ["NotificationRecorder", "ToolCallError", "ToolOutcome", "ToolkitClient"]
