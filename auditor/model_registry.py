"""Resolve models named in models/registry.yaml to local folders, never downloading."""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

REGISTRY = Path(__file__).resolve().parent.parent / "models" / "registry.yaml"


@dataclass(frozen=True)
class ModelLocation:
    name: str
    folder: Path | None
    spec: dict[str, Any]
    missing_reason: str = ""

    @property
    def available(self) -> bool:
        return self.folder is not None


@cache
def registry() -> dict[str, dict[str, Any]]:
    with REGISTRY.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)["models"]


def resolve(name: str) -> ModelLocation:
    """Where a registered model lives here, or why it is missing and how to provide it."""
    models = registry()
    if name not in models:
        raise KeyError(f"unknown model {name!r}; registered: {', '.join(models)}")
    spec = models[name]
    if "package" in spec:
        found = importlib.util.find_spec(spec["package"])
        if found and found.submodule_search_locations:
            return ModelLocation(name, Path(list(found.submodule_search_locations)[0]), spec)
    if "path" in spec:
        base = Path(os.environ.get("AUDITOR_MODELS_DIR", REGISTRY.parent))
        folder = Path(spec["path"]) if Path(spec["path"]).is_absolute() else base / spec["path"]
        if (folder / "config.json").is_file():
            return ModelLocation(name, folder, spec)
    return ModelLocation(name, None, spec, f"model {name!r} is not installed: {spec['how_to_provide'].strip()}")
