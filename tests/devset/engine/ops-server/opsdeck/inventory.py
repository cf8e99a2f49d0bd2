"""In-process model of the cluster that opsdeck reports on.

The real deployment talks to the Kubernetes API through a sidecar; this module
keeps the same object shapes (camelCase ``status`` blocks, ``continue``-style
page cursors) so the dashboards can render either source unchanged.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, Field, RootModel

T = TypeVar("T")

PodPhase = Literal["Pending", "Running", "Succeeded", "Failed", "CrashLoopBackOff"]
_EPOCH = datetime(2024, 5, 1, 8, 0, tzinfo=timezone.utc)


class NotFound(LookupError):
    """Raised when a namespaced object does not exist."""


class Pod(BaseModel):
    name: str
    namespace: str
    deployment: str
    phase: PodPhase = "Running"
    restarts: int = 0
    node: str = "node-a"
    log: list[str] = Field(default_factory=list)


class PodList(RootModel[list[Pod]]):
    """A bare JSON array of pods, as returned by the sidecar's /pods endpoint."""

    def by_phase(self, phase: PodPhase) -> list[Pod]:
        return [pod for pod in self.root if pod.phase == phase]

    def names(self) -> list[str]:
        return [pod.name for pod in self.root]


class LabelSet(RootModel[dict[str, str]]):
    def matches(self, selector: dict[str, str]) -> bool:
        return all(self.root.get(key) == value for key, value in selector.items())


class Deployment(BaseModel):
    name: str
    namespace: str
    image: str
    replicas: int
    ready_replicas: int
    labels: LabelSet = Field(default_factory=lambda: LabelSet({}))
    generation: int = 1

    def to_k8s(self) -> dict[str, Any]:
        return {
            "apiVersion": "apps/v1",
            "kind": "Deployment",
            "metadata": {"name": self.name, "namespace": self.namespace, "labels": self.labels.root},
            "spec": {"replicas": self.replicas, "template": {"spec": {"containers": [{"image": self.image}]}}},
            "status": {
                "replicas": self.replicas,
                "readyReplicas": self.ready_replicas,
                "observedGeneration": self.generation,
            },
        }


class PipelineStage(BaseModel):
    name: str
    status: Literal["pending", "running", "passed", "failed"] = "pending"
    seconds: float = 0.0


class PipelineRun(BaseModel):
    run_id: str
    repo: str
    branch: str
    stages: list[PipelineStage]

    @property
    def status(self) -> str:
        states = {stage.status for stage in self.stages}
        if "failed" in states:
            return "failed"
        if states == {"passed"}:
            return "passed"
        return "running" if "running" in states else "pending"


@dataclass
class Alert:
    alert_id: str
    service: str
    severity: Literal["sev1", "sev2", "sev3"]
    summary: str
    silenced_until: datetime | None = None

    def is_active(self, now: datetime) -> bool:
        return self.silenced_until is None or self.silenced_until <= now


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"offset": offset}).encode()).decode()


def decode_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        payload = json.loads(base64.urlsafe_b64decode(cursor.encode()))
        return int(payload["offset"])
    except (ValueError, KeyError) as exc:
        raise ValueError(f"malformed cursor: {cursor!r}") from exc


def paginate(items: Sequence[T], cursor: str | None, size: int) -> tuple[list[T], str | None]:
    start = decode_cursor(cursor)
    page = list(items[start : start + size])
    nxt = start + size
    return page, (encode_cursor(nxt) if nxt < len(items) else None)


@dataclass
class ClusterInventory:
    cluster: str
    deployments: dict[tuple[str, str], Deployment] = field(default_factory=dict)
    pods: list[Pod] = field(default_factory=list)
    pipelines: dict[str, PipelineRun] = field(default_factory=dict)
    alerts: dict[str, Alert] = field(default_factory=dict)
    clock: datetime = _EPOCH

    def namespaces(self) -> list[str]:
        return sorted({ns for ns, _ in self.deployments})

    def deployment(self, namespace: str, name: str) -> Deployment:
        try:
            return self.deployments[(namespace, name)]
        except KeyError:
            raise NotFound(f"deployment {namespace}/{name} not found") from None

    def pods_for(self, namespace: str, deployment: str | None = None) -> PodList:
        return PodList(
            [p for p in self.pods if p.namespace == namespace and (deployment is None or p.deployment == deployment)]
        )

    def pod(self, name: str) -> Pod:
        for pod in self.pods:
            if pod.name == name:
                return pod
        raise NotFound(f"pod {name} not found")

    def scale(self, namespace: str, name: str, replicas: int) -> Deployment:
        dep = self.deployment(namespace, name)
        dep.replicas = replicas
        dep.ready_replicas = min(dep.ready_replicas, replicas)
        dep.generation += 1
        current = [p for p in self.pods if p.namespace == namespace and p.deployment == name]
        for extra in current[replicas:]:
            self.pods.remove(extra)
        for index in range(len(current), replicas):
            self.pods.append(Pod(name=f"{name}-{dep.generation}{index:02d}", namespace=namespace, deployment=name))
        dep.ready_replicas = replicas
        return dep

    def restart_pod(self, pod: Pod) -> None:
        pod.restarts += 1
        pod.phase = "Running"
        pod.log.append(f"{self.clock.isoformat()} container restarted by opsdeck")

    def active_alerts(self) -> list[Alert]:
        return [a for a in self.alerts.values() if a.is_active(self.clock)]

    def silence(self, alert_id: str, minutes: int) -> Alert:
        alert = self.alerts.get(alert_id)
        if alert is None:
            raise NotFound(f"alert {alert_id} not found")
        alert.silenced_until = self.clock + timedelta(minutes=minutes)
        return alert

    def summary(self) -> dict[str, Any]:
        crashing = [p.name for p in self.pods if p.phase == "CrashLoopBackOff"]
        return {
            "cluster": self.cluster,
            "namespaces": self.namespaces(),
            "deployments": len(self.deployments),
            "pods": len(self.pods),
            "crashLooping": crashing,
            "activeAlerts": len(self.active_alerts()),
            "isDegraded": bool(crashing) or any(a.severity == "sev1" for a in self.active_alerts()),
        }

    def page_pods(self, namespace: str, cursor: str | None, size: int) -> dict[str, Any]:
        """Sidecar-compatible page: ``items`` plus an opaque ``nextCursor``."""
        items, next_cursor = paginate(self.pods_for(namespace).root, cursor, size)
        return {"items": [p.model_dump(exclude={"log"}) for p in items], "nextCursor": next_cursor}


def _pods(namespace: str, deployment: str, count: int, phases: Iterable[PodPhase] = ()) -> list[Pod]:
    phase_list = list(phases)
    pods: list[Pod] = []
    for i in range(count):
        phase = phase_list[i] if i < len(phase_list) else "Running"
        pods.append(
            Pod(
                name=f"{deployment}-7d9f{i}",
                namespace=namespace,
                deployment=deployment,
                phase=phase,
                restarts=4 if phase == "CrashLoopBackOff" else 0,
                node=f"node-{'abc'[i % 3]}",
                log=[f"{_EPOCH.isoformat()} starting {deployment}", f"{_EPOCH.isoformat()} listening on :8080"],
            )
        )
    return pods


def demo_inventory(cluster: str = "staging-eu1") -> ClusterInventory:
    inv = ClusterInventory(cluster=cluster)
    specs = [
        ("payments", "ledger-api", "registry.local/ledger-api:2.14.0", 3, ()),
        ("payments", "fraud-scorer", "registry.local/fraud-scorer:0.9.3", 2, ("Running", "CrashLoopBackOff")),
        ("platform", "ingress-gateway", "registry.local/gateway:1.31.2", 2, ()),
    ]
    for namespace, name, image, replicas, phases in specs:
        pods = _pods(namespace, name, replicas, phases)
        ready = sum(1 for p in pods if p.phase == "Running")
        inv.deployments[(namespace, name)] = Deployment(
            name=name,
            namespace=namespace,
            image=image,
            replicas=replicas,
            ready_replicas=ready,
            labels=LabelSet({"app": name, "tier": "backend" if namespace == "payments" else "edge"}),
        )
        inv.pods.extend(pods)
    inv.pipelines["run-481"] = PipelineRun(
        run_id="run-481",
        repo="payments/ledger-api",
        branch="main",
        stages=[
            PipelineStage(name="lint", status="passed", seconds=21.5),
            PipelineStage(name="test", status="failed", seconds=188.0),
            PipelineStage(name="deploy", status="pending"),
        ],
    )
    inv.alerts["ALRT-1042"] = Alert("ALRT-1042", "fraud-scorer", "sev2", "fraud-scorer pods crash looping")
    inv.alerts["ALRT-1043"] = Alert("ALRT-1043", "ingress-gateway", "sev3", "p99 latency above 400ms")
    return inv
