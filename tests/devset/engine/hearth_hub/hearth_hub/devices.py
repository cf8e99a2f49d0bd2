"""In-memory device model for the hub.

A real deployment backs this with Zigbee/Matter bridges; the registry API is the
same, only ``DeviceRegistry.apply`` talks to hardware.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

DeviceKind = Literal["light", "thermostat", "lock", "sensor"]


class DeviceError(ValueError):
    """Raised for invalid device operations (unknown id, out-of-range value...)."""


@dataclass
class Device:
    id: str
    room: str
    kind: DeviceKind
    name: str
    state: dict[str, Any] = field(default_factory=dict)
    updated_at: float = field(default_factory=time.time)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def room_uri(room: str) -> str:
    return f"hearth://rooms/{room}/state"


def device_uri(device_id: str) -> str:
    return f"hearth://devices/{device_id}"


class DeviceRegistry:
    def __init__(self, devices: Iterable[Device]) -> None:
        self._devices: dict[str, Device] = {d.id: d for d in devices}

    def __iter__(self):
        return iter(self._devices.values())

    def rooms(self) -> list[str]:
        return sorted({d.room for d in self._devices.values()})

    def in_room(self, room: str) -> list[Device]:
        found = [d for d in self._devices.values() if d.room == room]
        if not found:
            raise DeviceError(f"Unknown room: {room}")
        return found

    def get(self, device_id: str) -> Device:
        try:
            return self._devices[device_id]
        except KeyError:
            raise DeviceError(f"Unknown device: {device_id}") from None

    def apply(self, device_id: str, **changes: Any) -> Device:
        device = self.get(device_id)
        if device.kind == "light":
            if "brightness" in changes and changes["brightness"] is not None:
                if not 0 <= int(changes["brightness"]) <= 100:
                    raise DeviceError("brightness must be between 0 and 100")
        elif device.kind == "thermostat":
            target = changes.get("target_c")
            if target is not None and not 5.0 <= float(target) <= 28.0:
                raise DeviceError("target_c must be between 5 and 28 °C")
        elif device.kind == "lock":
            if set(changes) - {"locked"}:
                raise DeviceError("locks only support the 'locked' attribute")
        else:
            raise DeviceError(f"{device.kind} devices are read-only")
        device.state.update({k: v for k, v in changes.items() if v is not None})
        device.updated_at = time.time()
        return device

    def touch_sensor(self, device_id: str, **readings: Any) -> Device:
        device = self.get(device_id)
        device.state.update(readings)
        device.updated_at = time.time()
        return device


def demo_registry() -> DeviceRegistry:
    return DeviceRegistry(
        [
            Device("kitchen.ceiling", "kitchen", "light", "Kitchen ceiling", {"on": True, "brightness": 80}),
            Device("kitchen.counter", "kitchen", "light", "Counter strip", {"on": False, "brightness": 40}),
            Device("living.lamp", "living", "light", "Reading lamp", {"on": False, "brightness": 60}),
            Device("living.thermostat", "living", "thermostat", "Living room", {"target_c": 21.0, "current_c": 20.4}),
            Device("hall.front_door", "hall", "lock", "Front door", {"locked": True}),
            Device("hall.motion", "hall", "sensor", "Hall motion", {"motion": False}),
        ]
    )
