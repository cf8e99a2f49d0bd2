"""Structured tool outputs and elicitation forms."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class PodSummary(BaseModel):
    name: str
    phase: str
    restarts: int
    node: str


class PodPage(BaseModel):
    namespace: str
    pods: list[PodSummary]
    next_cursor: str | None = Field(default=None, description="Pass back as `cursor` to get the next page")


class DeploymentStatus(BaseModel):
    namespace: str
    name: str
    image: str
    replicas: int
    ready_replicas: int
    healthy: bool
    resource_uri: str


class RolloutResult(BaseModel):
    deployment: str
    status: Literal["restarted", "cancelled", "declined"]
    restarted_pods: list[str] = Field(default_factory=list)
    reason: str | None = None


class StageResult(BaseModel):
    name: str
    status: str
    seconds: float


class PipelineSummary(BaseModel):
    run_id: str
    repo: str
    branch: str
    status: str
    stages: list[StageResult]


class DeckInfo(BaseModel):
    server: str
    cluster: str
    transport: str
    stateless_http: bool
    json_response: bool
    streamable_http_path: str
    protocol_versions: list[str]
    request_id: str
    client_id: str | None
    log_level: str
    uptime_seconds: float


class RestartConfirmation(BaseModel):
    """Form shown to the operator before pods are recycled."""

    confirm: bool = Field(description="Restart every pod of the deployment")
    reason: str = Field(default="", description="Short reason recorded in the audit log")
