"""Column-aware scan: decide once per column what it holds, then apply a pure function per chunk.

Structured columns (ids, phones, e-mails, names, dates, addresses) are checked with the cheap
validating recognizers only; free-text columns go through the full text scanner cell by cell,
with the language detected per cell. ``scan_chunk`` is a pure function of a pandas chunk and the
plan, so the same code can run under Spark's ``mapInPandas`` or a process pool.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd

from auditor.pii.engine import TextScanner
from auditor.pii.findings import Finding
from auditor.pii.kz_ids import decode_iin, is_valid_bin, is_valid_iin
from auditor.pii.language import detect_language
from auditor.pii.masking import mask_preview, value_hash
from auditor.pii.recognizers.kz_phone_recognizer import KzPhoneRecognizer

H = re.IGNORECASE
HEADER_HINTS: dict[str, re.Pattern[str]] = {
    "special": re.compile(
        r"health|diagnos|disab|special.?need|\bsen\b|medical|religio|ethnic|nationality|"
        r"здоров|диагноз|инвалид|овз|религ|национальн|денсаулы|мүгедек|дін|ұлты",
        H,
    ),
    "event": re.compile(
        r"login|logged|created|updated|modified|timestamp|_at$|time|visit|submitted|event|"
        r"вход|создан|время|кірген|уақыт",
        H,
    ),
    "birth": re.compile(r"birth|dob|born|рожд|туған|туылған", H),
    "person": re.compile(
        r"(^|_|\b)(full_?name|first_?name|last_?name|surname|name|student|pupil|parent|guardian|"
        r"teacher|фио|имя|фамилия|отчество|ученик|родител|аты|тегі|есімі|оқушы|ата.?ана)($|_|\b)",
        H,
    ),
    "not_person": re.compile(
        r"school|class|course|subject|file|org|company|mektep|школ|класс|мектеп|сынып|"
        r"city|город|district|район|region|user_?name|login|_?id$|_no$|number|номер|code|код",
        H,
    ),
    "address": re.compile(r"address|street|адрес|улица|мекенжай|көше", H),
    "quasi": re.compile(
        r"school|class|grade|gender|sex|district|city|region|birth|dob|age|"
        r"школ|класс|пол\b|район|город|возраст|мектеп|сынып|жынысы|аудан|қала|жасы",
        H,
    ),
}
EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")
IPV4 = re.compile(r"^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$")
PERSONISH = re.compile(r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][^\W\d_'’-]*[^\W\d_]+([\s'’-][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][^\W\d_.]*\.?){0,3}$")
DATE_ONLY = re.compile(r"^(\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4})$")
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}|^\d{1,2}[./]\d{1,2}[./]\d{4}\s+\d{1,2}:\d{2}")
FREE_TEXT_MIN_WORDS = 4
# In any other column, a multi-word cell with a long digit run or an "@" gets the full text scan.
EMBEDDED_PII_HINT = re.compile(r"\s.*(?:\d{6}|@)|(?:\d{6}|@).*\s")
VALUE_SHARE = 0.6
_PHONE = KzPhoneRecognizer("ru")

KIND_ENTITY = {
    "iin": "KZ_IIN",
    "bin": "KZ_BIN",
    "phone": "PHONE_NUMBER",
    "email": "EMAIL_ADDRESS",
    "ip": "IP_ADDRESS",
    "person": "PERSON",
    "date_of_birth": "DATE_TIME",
    "address": "LOCATION",
}


@dataclass(frozen=True)
class ColumnPlan:
    column: str
    kind: str  # iin|bin|phone|email|ip|person|date_of_birth|address|free_text|event_time|special|other
    quasi_identifier: bool = False
    special_category: bool = False
    reason: str = ""


def _is_phone(value: str) -> bool:
    return bool(re.fullmatch(r"[\d\s()+\-]{10,20}", value)) and _PHONE.validate_result(value)


VALUE_TESTS = {
    "iin": is_valid_iin,
    "bin": is_valid_bin,
    "phone": _is_phone,
    "email": lambda v: bool(EMAIL.match(v)),
    "ip": lambda v: bool(IPV4.match(v)),
}


def _share(values: list[str], test) -> float:
    return sum(1 for v in values if test(v)) / len(values) if values else 0.0


def plan_column(column: str, sample: list[str]) -> ColumnPlan:
    """Decide what one column holds from its header and a sample of its non-empty values."""
    values = [v.strip() for v in sample if v and v.strip()]
    quasi = bool(HEADER_HINTS["quasi"].search(column))
    special = bool(HEADER_HINTS["special"].search(column))
    for kind, test in VALUE_TESTS.items():
        if values and _share(values, test) >= VALUE_SHARE:
            return ColumnPlan(column, kind, quasi, special, f"{kind} values")
    words = sum(len(v.split()) for v in values) / len(values) if values else 0
    if _share(values, lambda v: bool(DATE_TIME.match(v))) >= VALUE_SHARE:
        return ColumnPlan(column, "event_time", False, special, "date-time values")
    if _share(values, lambda v: bool(DATE_ONLY.match(v))) >= VALUE_SHARE:
        if HEADER_HINTS["birth"].search(column):
            return ColumnPlan(column, "date_of_birth", True, special, "birth-date header with dates")
        kind = "event_time" if HEADER_HINTS["event"].search(column) else "date_other"
        return ColumnPlan(column, kind, False, special, "dates without birth header")
    if HEADER_HINTS["address"].search(column):
        return ColumnPlan(column, "address", quasi, special, "address header")
    if (
        HEADER_HINTS["person"].search(column)
        and not HEADER_HINTS["not_person"].search(column)
        and _share(values, lambda v: bool(PERSONISH.match(v))) >= VALUE_SHARE
    ):
        return ColumnPlan(column, "person", quasi, special, "name header with name-like values")
    if words >= FREE_TEXT_MIN_WORDS or special:
        return ColumnPlan(column, "free_text", quasi, special, f"{words:.1f} words per cell")
    return ColumnPlan(column, "other", quasi, special, "no personal-data pattern")


def plan_columns(head: pd.DataFrame) -> list[ColumnPlan]:
    return [plan_column(str(c), [str(v) for v in head[c].tolist()]) for c in head.columns]


def _birth_date(value: str) -> date | None:
    for fmt in ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def _candidate_kinds(value: str) -> tuple[str, ...]:
    """The value tests worth running on a cell, decided from its characters (most cells need none)."""
    if "@" in value:
        return ("email",)
    digits = sum(ch.isdigit() for ch in value)
    kinds: tuple[str, ...] = ()
    if value.count(".") == 3 and 4 <= digits <= 12:
        kinds += ("ip",)
    if digits == 12 and value.isdigit():
        kinds += ("iin", "bin")
    if digits in (10, 11):
        kinds += ("phone",)
    return kinds


def _is_minor(born: date | None, today: date) -> bool | None:
    if born is None:
        return None
    return (today.year - born.year - ((today.month, today.day) < (born.month, born.day))) < 18


def _structured_finding(plan: ColumnPlan, value: str, today: date) -> tuple[str, float, str, bool | None] | None:
    """(entity, score, recognizer, minor) for a whole structured cell, or None."""
    stripped = value.strip()
    for kind in _candidate_kinds(stripped):
        if VALUE_TESTS[kind](stripped):
            minor = None
            if kind == "iin":
                info = decode_iin(stripped)
                minor = info.is_minor_on(today) if info else None
            return KIND_ENTITY[kind], 1.0, f"column:{kind}", minor
    if plan.kind == "person" and PERSONISH.match(stripped):
        return "PERSON", 0.85, "column:person", None
    if plan.kind == "date_of_birth":
        born = _birth_date(stripped)
        return ("DATE_TIME", 0.9, "column:date_of_birth", _is_minor(born, today)) if born else None
    if plan.kind == "address" and len(stripped) > 3:
        return "LOCATION", 0.8, "column:address", None
    return None


def scan_chunk(
    chunk: pd.DataFrame,
    plans: list[ColumnPlan],
    file: str,
    scanner: TextScanner,
    today: date,
    *,
    text_mode: bool = False,
    language: str | None = None,
) -> list[Finding]:
    """Findings for one chunk (pure apart from the scanner's recognizers, which hold no state)."""
    findings: list[Finding] = []
    for plan in plans:
        column = chunk[plan.column]
        free_text = plan.kind == "free_text" or text_mode
        for row, value in column.items():
            if not value:
                continue
            if free_text or EMBEDDED_PII_HINT.search(value):
                cell_language = language or detect_language(value)
                offset = int(chunk.at[row, "offset"]) if text_mode else 0
                for r in scanner.scan(value, cell_language):
                    piece = value[r.start : r.end]
                    minor = None
                    if r.entity_type == "KZ_IIN":
                        info = decode_iin(piece)
                        minor = info.is_minor_on(today) if info else None
                    findings.append(
                        Finding(
                            file=file,
                            row=None if text_mode else int(row),
                            column=None if text_mode else plan.column,
                            start=r.start + offset,
                            end=r.end + offset,
                            entity_type=r.entity_type,
                            score=round(r.score, 3),
                            recognizer=r.recognition_metadata.get("recognizer_name", ""),
                            preview=mask_preview(piece),
                            value_hash=value_hash(piece),
                            language=cell_language,
                            minor=minor,
                        )
                    )
                continue
            hit = _structured_finding(plan, value, today)
            if hit:
                entity, score, recognizer, minor = hit
                start = len(value) - len(value.lstrip())
                piece = value.strip()
                findings.append(
                    Finding(
                        file=file,
                        row=int(row),
                        column=plan.column,
                        start=start,
                        end=start + len(piece),
                        entity_type=entity,
                        score=score,
                        recognizer=recognizer,
                        preview=mask_preview(piece),
                        value_hash=value_hash(piece),
                        minor=minor,
                    )
                )
    return findings
