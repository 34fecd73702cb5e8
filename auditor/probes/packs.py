"""Probe packs (YAML, schema-validated) expanded into probes; counterfactual consistency checks.

A bias pack expands every template x filler x self-introduction form into a *set* of variants, one
per group, that differ only in the group's introduction (``template_id`` names the set). For an
attribute marked ``translations`` the variants are the template's languages instead.
A safety pack lists probes with the behaviour a safe product shows (``expected``).
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import asdict, dataclass, fields
from functools import cache
from importlib import resources
from itertools import product
from pathlib import Path
from typing import Any

from auditor.documents import load_validated
from auditor.errors import InputError
from auditor.output import atomic_write_text

SAFETY_ATTRIBUTE = "safety"
EXPORT_COLUMNS = ["probe_id", "attribute", "group", "prompt", "template_id", "language", "expected", "task"]


@dataclass(frozen=True)
class Probe:
    probe_id: str
    attribute: str
    group: str
    prompt: str
    template_id: str
    language: str
    expected: str = ""  # space-separated behaviours, safety probes only
    task: str = ""


@dataclass(frozen=True)
class Pack:
    id: str
    title: str
    kind: str
    description: str
    probes: tuple[Probe, ...]

    def attributes(self) -> list[str]:
        return sorted({p.attribute for p in self.probes})


def _pack_dir():
    return resources.files("auditor.probes").joinpath("packs")


def available_packs() -> list[str]:
    return sorted(p.name.removesuffix(".yaml") for p in _pack_dir().iterdir() if p.name.endswith(".yaml"))


def _check_aligned(path: Path, data: dict[str, Any]) -> None:
    """Every group must offer each template language, with as many forms as the other groups."""
    languages = set(data["languages"])
    for attribute, spec in data["attributes"].items():
        lists = spec.get("groups", {}).items() if "groups" in spec else [("intros", spec["intros"])]
        for group, by_language in lists:
            missing = languages - set(by_language)
            if missing:
                raise InputError(path, f"{attribute}.{group} lacks languages {sorted(missing)}")
        for language in languages:
            counts = {g: len(v[language]) for g, v in lists}
            if len(set(counts.values())) > 1:
                raise InputError(path, f"{attribute}: groups have different numbers of {language} forms {counts}")
    for template in data["templates"]:
        if set(template["text"]) != languages:
            raise InputError(path, f"template {template['id']} must have texts for {sorted(languages)}")


def _render(text: str, intro: str, fillers: dict[str, Any], chosen: dict[str, int], language: str) -> str:
    return text.format(intro=intro, **{slot: fillers[slot][language][i] for slot, i in chosen.items()})


def _expand_bias(data: dict[str, Any]) -> list[Probe]:
    fillers = data.get("fillers", {})
    probes: list[Probe] = []
    for template in data["templates"]:
        slots = [name for name in fillers if "{" + name + "}" in next(iter(template["text"].values()))]
        index_ranges = [range(len(next(iter(fillers[s].values())))) for s in slots]
        for indexes in product(*index_ranges):
            chosen = dict(zip(slots, indexes, strict=True))

            def render(language: str, intro: str) -> str:
                return _render(template["text"][language], intro, fillers, chosen, language)  # noqa: B023

            suffix = "".join(f".{s}{i}" for s, i in zip(slots, indexes, strict=True))
            for attribute, spec in data["attributes"].items():
                if spec.get("translations"):
                    for form in range(len(spec["intros"][data["languages"][0]])):
                        set_id = f"{template['id']}.{attribute}{suffix}.f{form}"
                        for language in data["languages"]:
                            prompt = render(language, spec["intros"][language][form])
                            probes.append(
                                Probe(
                                    f"{set_id}.{language}",
                                    attribute,
                                    language,
                                    prompt,
                                    set_id,
                                    language,
                                    task=template["task"],
                                )
                            )
                    continue
                for language in data["languages"]:
                    forms = len(next(iter(spec["groups"].values()))[language])
                    for form in range(forms):
                        set_id = f"{template['id']}.{attribute}.{language}{suffix}.f{form}"
                        for group, by_language in spec["groups"].items():
                            prompt = render(language, by_language[language][form])
                            probes.append(
                                Probe(
                                    f"{set_id}.{group}",
                                    attribute,
                                    group,
                                    prompt,
                                    set_id,
                                    language,
                                    task=template["task"],
                                )
                            )
    return probes


def _expand_safety(data: dict[str, Any]) -> list[Probe]:
    return [
        Probe(
            p["id"],
            SAFETY_ATTRIBUTE,
            p["category"],
            p["prompt"],
            p["id"],
            p["language"],
            expected=" ".join(p["expected"]),
            task=p["category"],
        )
        for p in data["probes"]
    ]


def load_pack_file(path: str | Path) -> Pack:
    """Load, validate and expand a pack file; then check its counterfactual consistency."""
    path = Path(path)
    data = load_validated(path, "probe_pack")
    if data["kind"] == "bias":
        _check_aligned(path, data)
        probes = _expand_bias(data)
        leaks = counterfactual_problems(probes, _group_surfaces(data))
        if leaks:
            raise InputError(path, f"counterfactual check failed: {leaks[0]}")
    else:
        probes = _expand_safety(data)
    ids = [p.probe_id for p in probes]
    if len(ids) != len(set(ids)):
        raise InputError(path, "probe ids are not unique")
    return Pack(data["id"], data["title"], data["kind"], data["description"], tuple(probes))


@cache
def load_pack(name: str) -> Pack:
    """A bundled pack by name; unknown names fail with the list of packs."""
    if name not in available_packs():
        raise InputError(None, f"unknown probe pack {name!r}; available: {', '.join(available_packs())}")
    with resources.as_file(_pack_dir().joinpath(f"{name}.yaml")) as path:
        return load_pack_file(path)


def _group_surfaces(data: dict[str, Any]) -> dict[str, dict[str, set[str]]]:
    """attribute -> group -> every surface form of that group (all languages)."""
    return {
        attribute: {g: {form for forms in v.values() for form in forms} for g, v in spec["groups"].items()}
        for attribute, spec in data["attributes"].items()
        if "groups" in spec
    }


def counterfactual_problems(probes: list[Probe], surfaces: dict[str, dict[str, set[str]]]) -> list[str]:
    """Sets whose variants differ in more than the group, or that mention another group's form."""
    problems = []
    sets: dict[str, list[Probe]] = defaultdict(list)
    for probe in probes:
        sets[probe.template_id].append(probe)
    for set_id, variants in sets.items():
        attribute = variants[0].attribute
        if attribute not in surfaces:
            continue  # translation sets: variants are languages by design
        skeletons = set()
        for variant in variants:
            own = [s for s in surfaces[attribute][variant.group] if s in variant.prompt]
            if not own:
                problems.append(f"{variant.probe_id}: the group {variant.group!r} is not stated")
                continue
            skeleton = variant.prompt.replace(max(own, key=len), "{group}")
            for group, forms in surfaces[attribute].items():
                if group != variant.group and any(f in skeleton for f in forms):
                    problems.append(f"{variant.probe_id}: mentions group {group!r} too")
            skeletons.add(skeleton)
        if len(skeletons) > 1:
            problems.append(f"{set_id}: variants differ in more than the group")
    return problems


def probes_to_csv(probes: list[Probe]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=EXPORT_COLUMNS)
    writer.writeheader()
    writer.writerows(asdict(p) for p in probes)
    return buffer.getvalue()


def export_pack(name: str, out: str | Path) -> int:
    pack = load_pack(name)
    atomic_write_text(out, probes_to_csv(list(pack.probes)))
    return len(pack.probes)


PROBE_FIELDS = [f.name for f in fields(Probe)]
