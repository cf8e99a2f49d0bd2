"""JSON Schema generation for widgetkit endpoints.

Type hints are the single source of truth for the schemas advertised by the
REST api and by protocol plugins.
"""

from __future__ import annotations

import enum
import inspect
import types as pytypes
import typing
from collections.abc import Callable
from typing import Any, Literal, Union, get_args, get_origin

from widgetkit.app import CallerInfo, Endpoint, ProgressReporter

_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
    type(None): {"type": "null"},
}
_INJECTED = (ProgressReporter, CallerInfo)


def type_to_schema(hint: Any) -> dict[str, Any]:
    if hint is Any:
        return {}
    if hint in _SCALARS:
        return dict(_SCALARS[hint])
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return {"type": "string", "enum": [m.value for m in hint]}
    if typing.is_typeddict(hint):
        hints = typing.get_type_hints(hint)
        return {
            "type": "object",
            "properties": {k: type_to_schema(v) for k, v in hints.items()},
            "required": sorted(getattr(hint, "__required_keys__", hints)),
        }
    origin, args = get_origin(hint), get_args(hint)
    if origin is Literal:
        return {"enum": list(args)}
    if origin in (Union, pytypes.UnionType):
        return {"anyOf": [type_to_schema(a) for a in args]}
    if origin in (list, tuple, set):
        return {"type": "array", "items": type_to_schema(args[0] if args else Any)}
    if origin is dict or hint is dict:
        return {"type": "object"}
    raise TypeError(f"cannot describe type {hint!r}")


def input_schema(func: Callable[..., Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(func)
    props: dict[str, Any] = {}
    required: list[str] = []
    for pname, param in inspect.signature(func).parameters.items():
        hint = hints.get(pname, Any)
        if hint in _INJECTED:
            continue
        prop = type_to_schema(hint)
        if param.default is param.empty:
            required.append(pname)
        elif isinstance(param.default, (str, int, float, bool)):
            prop["default"] = param.default
        elif isinstance(param.default, enum.Enum):
            prop["default"] = param.default.value
        props[pname] = prop
    schema: dict[str, Any] = {"type": "object", "properties": props}
    if required:
        schema["required"] = required
    return schema


def output_schema(func: Callable[..., Any]) -> dict[str, Any] | None:
    """Only TypedDict returns get an output schema; everything else is free-form."""
    ret = typing.get_type_hints(func).get("return")
    return type_to_schema(ret) if typing.is_typeddict(ret) else None


def coerce_arguments(func: Callable[..., Any], arguments: dict[str, Any]) -> dict[str, Any]:
    """Turn JSON arguments back into the Python values an endpoint expects."""
    hints = typing.get_type_hints(func)
    out: dict[str, Any] = {}
    for name, value in arguments.items():
        hint = hints.get(name)
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            value = hint(value)
        elif get_origin(hint) is tuple and isinstance(value, list):
            value = tuple(value)
        out[name] = value
    return out


def describe_endpoint(ep: Endpoint) -> dict[str, Any]:
    """The entry served by ``GET /api/endpoints/{name}``."""
    return {
        "name": ep.name,
        "title": ep.title or ep.name.replace("_", " ").title(),
        "description": ep.description,
        "inputSchema": input_schema(ep.func),
        "outputSchema": output_schema(ep.func),
        "readOnly": ep.read_only,
        "streaming": ep.progress_param is not None,
        "tags": list(ep.tags),
    }
