"""Turn a PII scan into checklist evidence (R4 items of the UNICEF checklist, 9A of the DPG one)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from auditor.evidence import Evidence, EvidenceBundle
from auditor.pii.reidentification import DIRECT, K_SAFE, unjustified_columns
from auditor.pii.scan import Progress, ScanSummary, scan_files
from auditor.profile import Profile

SOURCE = "automated:pii"
SCORER = "pii:presidio+kz-recognizers"


def k_risk(k: int) -> float:
    """Risk of re-identification from the smallest group size: k=1 -> 100, k>=5 -> 0."""
    return {1: 100.0, 2: 75.0, 3: 60.0, 4: 50.0}.get(k, 0.0)


def evidence_from_summary(summary: dict[str, Any], profile: Profile) -> list[Evidence]:
    """Pure mapping of a scan summary to evidence records."""
    counts = summary["entity_counts"]
    direct = {t: n for t, n in counts.items() if t in DIRECT}
    minors = summary["minors"]
    records: list[Evidence] = []
    if direct:
        listing = ", ".join(f"{n} {t}" for t, n in sorted(direct.items()))
        who = f"{minors} identified as minors by IIN or birth date" if minors else "in a product for children"
        blocker = ""
        if (minors or profile.serves_minors) and not (profile.guardian_consent and profile.legal_basis):
            blocker = (
                "Identifiable personal data of minors in the sample with no declared guardian consent and legal "
                "basis (Kazakhstan Law 94-V; UNICEF R4)."
            )
        summary_text = f"Direct identifiers found: {listing} ({who})."
        for item_id in ("R4-01", "DPG-9A-01"):
            records.append(Evidence(item_id, SOURCE, 100.0, summary_text, blocker))
    else:
        for item_id in ("R4-01", "DPG-9A-01"):
            records.append(Evidence(item_id, SOURCE, 0.0, "No direct identifiers found in the samples."))
    special = [c for c in summary["columns"] if c["special_category"]]
    if special:
        where = ", ".join(
            f"{c['column'] or c['file']} ({c['special_mentions']} mentions)"
            if c["special_mentions"]
            else str(c["column"])
            for c in special
        )
        records.append(Evidence("R4-14", SOURCE, 100.0, f"Special-category data about children found in: {where}."))
    else:
        records.append(Evidence("R4-14", SOURCE, 0.0, "No special-category data found."))
    if summary["k_anonymity"]:
        worst = min(summary["k_anonymity"], key=lambda r: r["k"])
        text = (
            f"Smallest group over {', '.join(worst['columns'])} in {worst['file']} is k={worst['k']}; "
            f"{worst['unique_rows']} rows are unique and {worst['rows_in_groups_below_5']} sit in groups "
            f"below {K_SAFE}."
        )
        records.append(Evidence("R4-16", SOURCE, k_risk(worst["k"]), text))
    unjustified = summary.get("unjustified_columns", [])
    if unjustified:
        records.append(
            Evidence("R4-04", SOURCE, 75.0, f"Columns no declared purpose justifies: {', '.join(unjustified)}.")
        )
    return records


def pii_evidence(paths: Sequence[str], profile: Profile, progress: Progress | None = None) -> EvidenceBundle:
    """Scan the samples and return evidence plus the report section (no findings values, only counts)."""
    summary: ScanSummary = scan_files(paths, progress=progress)
    section = summary.to_dict()
    section["unjustified_columns"] = unjustified_columns(
        [c.column for c in summary.columns if c.column], profile.data_purposes
    )
    direct_rows = sum(c.rows_with_pii for c in summary.columns if c.entity_counts)
    section["summary_text"] = (
        f"{summary.finding_count} personal-data findings in {len(summary.files)} file(s); "
        f"{section['minors']} belong to minors by IIN or birth date; {direct_rows} cells or rows hold PII."
    )
    section["columns"] = [
        c for c in section["columns"] if c["entity_types"] or c["special_category"] or c["quasi_identifier"]
    ]
    return pii_bundle(section, profile)


def pii_bundle(section: dict[str, Any], profile: Profile) -> EvidenceBundle:
    """The evidence bundle of a scan's report section (also rebuilt from a stored section)."""
    return EvidenceBundle("pii", evidence_from_summary(section, profile), section, scorers=[SCORER])
