from .event_store import InMemoryEventStore
from .jobs import Job, JobRegistry, JobState
from .lowlevel_app import build_server

__all__ = ["InMemoryEventStore", "Job", "JobRegistry", "JobState", "build_server"]
