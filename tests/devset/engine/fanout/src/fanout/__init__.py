"""Concurrent batch execution of MCP tool calls."""

from fanout.jobs import Job, ServerSpec, load_jobs
from fanout.pool import SessionPool
from fanout.runner import BatchRunner, JobOutcome

__all__ = ["BatchRunner", "Job", "JobOutcome", "ServerSpec", "SessionPool", "load_jobs"]
__version__ = "0.4.0"
