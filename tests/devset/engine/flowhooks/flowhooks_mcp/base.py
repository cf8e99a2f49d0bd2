"""Small stand-ins for the flowhooks core classes the provider builds on.

The real engine ships these in ``flowhooks.models``; they are reproduced here so the provider
can be imported and tested without the scheduler installed.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from string import Template
from typing import Any, ClassVar


class TaskFailed(Exception):
    """Raised by an operator to fail the task instance (no retry)."""


class TaskDeferred(Exception):
    """Raised by a sensor that ran out of pokes in reschedule mode."""


@dataclass
class TaskContext:
    """The execution context handed to ``execute`` / ``poke``."""

    dag_id: str
    run_id: str
    params: dict[str, Any] = field(default_factory=dict)
    xcom: dict[str, Any] = field(default_factory=dict)

    def xcom_push(self, key: str, value: Any) -> None:
        self.xcom[key] = value

    def xcom_pull(self, key: str, default: Any = None) -> Any:
        return self.xcom.get(key, default)


class BaseOperator:
    template_fields: ClassVar[tuple[str, ...]] = ()

    def __init__(self, *, task_id: str, retries: int = 0, **_: Any) -> None:
        self.task_id = task_id
        self.retries = retries
        self.log = logging.getLogger(f"flowhooks.task.{task_id}")

    def render_template_fields(self, context: TaskContext) -> None:
        values = {"dag_id": context.dag_id, "run_id": context.run_id, **context.params}
        for name in self.template_fields:
            value = getattr(self, name)
            setattr(self, name, _render(value, values))

    def execute(self, context: TaskContext) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError


class BaseSensor(BaseOperator):
    def __init__(self, *, poke_interval: float = 30.0, timeout: float = 3600.0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.poke_interval = poke_interval
        self.timeout = timeout

    def poke(self, context: TaskContext) -> bool:  # pragma: no cover - abstract
        raise NotImplementedError

    def execute(self, context: TaskContext) -> None:
        deadline = time.monotonic() + self.timeout
        while not self.poke(context):
            if time.monotonic() >= deadline:
                raise TaskDeferred(f"{self.task_id}: condition not met within {self.timeout}s")
            time.sleep(self.poke_interval)


def _render(value: Any, values: dict[str, Any]) -> Any:
    if isinstance(value, str):
        # flowhooks uses "{{ name }}" in DAG files; translate to string.Template syntax.
        text = value.replace("{{ params.", "${").replace("{{ ", "${").replace(" }}", "}")
        return Template(text).safe_substitute(values)
    if isinstance(value, dict):
        return {k: _render(v, values) for k, v in value.items()}
    if isinstance(value, list):
        return [_render(v, values) for v in value]
    return value
