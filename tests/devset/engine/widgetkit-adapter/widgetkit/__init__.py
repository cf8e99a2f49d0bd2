"""widgetkit: a small data-app framework, plus an adapter that serves an app over MCP."""

from widgetkit.app import AppSettings, CallerInfo, Page, ProgressReporter, Widget, WidgetApp, WidgetError

__all__ = ["AppSettings", "CallerInfo", "Page", "ProgressReporter", "Widget", "WidgetApp", "WidgetError"]
__version__ = "0.3.2"
