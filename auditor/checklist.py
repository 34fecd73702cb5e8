"""Checklists as data: load and cross-check them, load answers, normalise each answer."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from auditor.documents import load_validated, locate
from auditor.errors import InputError

CHECKLIST_DIR = Path(__file__).resolve().parent.parent / "checklists"
DEFAULT_CHECKLISTS = ("unicef-ai-for-children-v2",)
YES_NO_VALUES = {"yes", "no", "partial", "n/a"}
NA_SPELLINGS = {"n/a", "na", "n-a", "not applicable"}


@dataclass(frozen=True)
class Requirement:
    id: str
    title: str
    summary: str = ""
    weight: float = 1.0


@dataclass(frozen=True)
class Remediation:
    what: str
    why: str
    verify: str


@dataclass(frozen=True)
class BlockerRule:
    when: str
    below_age: int | None = None
    reason: str = ""


@dataclass(frozen=True)
class Item:
    id: str
    requirement: str
    question: str
    help: str
    answer_type: str
    weight: float
    severity: str
    evidence: str
    remediation: Remediation
    references: tuple[tuple[str, str], ...]
    good_answer: str = "yes"
    edition: str = ""
    age_sensitive: bool = False
    applies_if: dict[str, Any] | None = None
    blocker: BlockerRule | None = None

    @property
    def automated(self) -> bool:
        return self.evidence.startswith("automated:")


@dataclass(frozen=True)
class Checklist:
    id: str
    title: str
    version: str
    sha256: str
    sources: dict[str, dict[str, str]]
    requirements: tuple[Requirement, ...]
    items: tuple[Item, ...]

    def item(self, item_id: str) -> Item:
        return {i.id: i for i in self.items}[item_id]


@dataclass(frozen=True)
class Answer:
    """A normalised answer: ``value`` is yes/no/partial/n/a for yes_no items, free text otherwise."""

    value: str
    evidence: str = ""
    comment: str = ""


def _item_from_dict(raw: dict[str, Any]) -> Item:
    blocker = raw.get("blocker")
    return Item(
        id=raw["id"],
        requirement=raw["requirement"],
        question=raw["question"].strip(),
        help=raw["help"].strip(),
        answer_type=raw["answer_type"],
        weight=float(raw["weight"]),
        severity=raw["severity"],
        evidence=raw["evidence"],
        remediation=Remediation(**{k: v.strip() for k, v in raw["remediation"].items()}),
        references=tuple((r["source"], r["ref"]) for r in raw["references"]),
        good_answer=raw.get("good_answer", "yes"),
        edition=raw.get("edition", ""),
        age_sensitive=raw.get("age_sensitive", False),
        applies_if=raw.get("applies_if"),
        blocker=BlockerRule(**blocker) if blocker else None,
    )


def _cross_check(data: dict[str, Any], path: Path) -> None:
    """Checks a schema cannot express: unique ids, known requirements and sources."""
    requirement_ids = [r["id"] for r in data["requirements"]]
    seen: set[str] = set()
    for index, raw in enumerate(data["items"]):
        problem = None
        if raw["id"] in seen:
            problem = f"duplicate item id {raw['id']!r}"
        elif raw["requirement"] not in requirement_ids:
            problem = f"item {raw['id']} names unknown requirement {raw['requirement']!r}"
        else:
            unknown = [r["source"] for r in raw["references"] if r["source"] not in data["sources"]]
            if unknown:
                problem = f"item {raw['id']} cites unknown source {unknown[0]!r}"
        if problem:
            raise InputError(path, problem, location=locate(path, ["items", index]))
        seen.add(raw["id"])


def load_checklist(path: str | Path) -> Checklist:
    """Load, validate and cross-check a checklist file."""
    path = Path(path)
    data = load_validated(path, "checklist")
    _cross_check(data, path)
    return Checklist(
        id=data["id"],
        title=data["title"],
        version=data["version"],
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        sources=data["sources"],
        requirements=tuple(Requirement(**r) for r in data["requirements"]),
        items=tuple(_item_from_dict(i) for i in data["items"]),
    )


def available_checklists() -> dict[str, Path]:
    """Bundled checklists by id (file stem)."""
    return {p.stem: p for p in sorted(CHECKLIST_DIR.glob("*.yaml"))}


@cache
def bundled_checklist(checklist_id: str) -> Checklist:
    """A bundled checklist by id; unknown ids fail with the list of valid ones."""
    paths = available_checklists()
    if checklist_id not in paths:
        raise InputError(None, f"unknown checklist {checklist_id!r}; available: {', '.join(paths)}")
    return load_checklist(paths[checklist_id])


def normalise_answer(item: Item, raw: Any, path: Path, key_path: list[Any]) -> Answer:
    """Turn one raw answer (string, bool or mapping) into an :class:`Answer`, checking its type."""
    evidence = comment = ""
    if isinstance(raw, dict):
        evidence, comment, raw = raw.get("evidence", ""), raw.get("comment", ""), raw["answer"]
    if isinstance(raw, bool):  # YAML 1.1 reads bare yes/no as booleans
        raw = "yes" if raw else "no"
    value = str(raw).strip()
    if value.lower() in NA_SPELLINGS:
        value = "n/a"
    if item.answer_type == "yes_no":
        value = value.lower()
        if value not in YES_NO_VALUES:
            raise InputError(
                path,
                f"item {item.id} takes yes, no, partial or n/a, got {value!r}",
                location=locate(path, key_path),
            )
    return Answer(value=value, evidence=evidence, comment=comment)


def load_answers(path: str | Path, checklists: list[Checklist]) -> dict[str, Answer]:
    """Load answers for the given checklists; unknown item ids and wrong answer types are errors."""
    path = Path(path)
    data = load_validated(path, "answers")
    items = {item.id: item for checklist in checklists for item in checklist.items}
    answers: dict[str, Answer] = {}
    for item_id, raw in data["answers"].items():
        if item_id not in items:
            raise InputError(
                path,
                f"unknown item id {item_id!r} (not in {', '.join(c.id for c in checklists)})",
                location=locate(path, ["answers", item_id]),
            )
        answers[item_id] = normalise_answer(items[item_id], raw, path, ["answers", item_id])
    return answers


def answers_checklists(path: str | Path) -> list[str]:
    """The checklist ids an answers file declares (the default when it names none)."""
    return load_validated(path, "answers").get("checklists", list(DEFAULT_CHECKLISTS))
