"""Device model for the hub (pure Python, no MCP)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Device:
    id: str
    room: str
    kind: str  # "light" | "thermostat" | "lock" | "sensor"
    state: dict[str, Any] = field(default_factory=dict)
    online: bool = True


class DeviceHub:
    def __init__(self) -> None:
        self.devices: dict[str, Device] = {}
        self.alarm_armed = False
        self.events: list[str] = []

    @classmethod
    def demo(cls) -> DeviceHub:
        hub = cls()
        hub.add(Device("kitchen-light", "kitchen", "light", {"on": False, "brightness": 0}))
        hub.add(Device("hall-light", "hall", "light", {"on": True, "brightness": 60}))
        hub.add(Device("living-thermostat", "living", "thermostat", {"target": 20.5, "current": 19.0}))
        hub.add(Device("front-door", "hall", "lock", {"locked": True}))
        hub.add(Device("garage-sensor", "garage", "sensor", {"motion": False}, online=False))
        return hub

    def add(self, device: Device) -> None:
        self.devices[device.id] = device
        self.events.append(f"added {device.id}")

    def get(self, device_id: str) -> Device:
        if device_id not in self.devices:
            raise KeyError(f"unknown device '{device_id}'")
        return self.devices[device_id]

    def rooms(self) -> list[str]:
        return sorted({d.room for d in self.devices.values()})

    def set_light(self, device_id: str, on: bool, brightness: int | None = None) -> Device:
        dev = self.get(device_id)
        if dev.kind != "light":
            raise ValueError(f"{device_id} is a {dev.kind}, not a light")
        if not dev.online:
            raise RuntimeError(f"{device_id} is offline")
        dev.state["on"] = on
        if brightness is not None:
            dev.state["brightness"] = max(0, min(100, brightness))
        self.events.append(f"light {device_id} -> {dev.state}")
        return dev

    def set_temperature(self, device_id: str, target: float) -> Device:
        dev = self.get(device_id)
        if dev.kind != "thermostat":
            raise ValueError(f"{device_id} is not a thermostat")
        if not 5 <= target <= 30:
            raise ValueError("target must be between 5 and 30 °C")
        dev.state["target"] = target
        self.events.append(f"thermostat {device_id} -> {target}")
        return dev
