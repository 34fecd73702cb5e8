"""Audit work on the store, shared by the UI: scan uploads without keeping them, build stored reports.

Uploaded bytes go to a private temporary file that is deleted after the scan; only the file hash and
the masked summary reach the store (the raw file only when the user opts in).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from auditor.audit import AuditOutcome, build_report
from auditor.checklist import Answer, bundled_checklist
from auditor.errors import InputError
from auditor.evidence import EvidenceBundle
from auditor.pii.evidence import pii_bundle, pii_evidence
from auditor.probes.evidence import probe_evidence, probes_bundle
from auditor.profile import profile_from_dict
from auditor.report.model import InputFile
from auditor.store import Store
from auditor.store_models import User

Progress = Callable[[str, float], None]


@dataclass(frozen=True)
class ScannedUpload:
    section: dict[str, Any]
    redacted_csv: bytes
    preview: pd.DataFrame


def _with_temp_file(name: str, data: bytes, work: Callable[[Path], Any]) -> Any:
    suffix = Path(name).suffix.lower()
    with tempfile.TemporaryDirectory(prefix="auditor-upload-") as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        return work(path)


def scan_upload(
    store: Store,
    user: User,
    audit_id: int,
    name: str,
    data: bytes,
    *,
    keep_content: bool = False,
    progress: Progress | None = None,
) -> ScannedUpload:
    """Scan an uploaded sample, record its hash and masked summary, return a redacted copy and preview."""
    from auditor.pii.redact import redact_file

    profile = profile_from_dict(json.loads(store.get_audit(user, audit_id).profile_json))

    def work(path: Path) -> ScannedUpload:
        bundle = pii_evidence([str(path)], profile, progress)
        redacted = path.with_name("redacted.csv")
        redact_file(path, redacted, operator="mask")
        preview = (
            pd.read_csv(redacted, dtype=str, nrows=20, keep_default_na=False)
            if path.suffix != ".txt"
            else pd.DataFrame({"text": redacted.read_text("utf-8").splitlines()[:20]})
        )
        return ScannedUpload(bundle.section, redacted.read_bytes(), preview)

    scanned = _with_temp_file(name, data, work)
    section = _rename_file(scanned.section, name)
    store.record_upload(user, audit_id, "data", name, data, section, keep_content=keep_content)
    return ScannedUpload(section, scanned.redacted_csv, scanned.preview)


def score_outputs_upload(
    store: Store, user: User, audit_id: int, name: str, data: bytes, progress: Progress | None = None
) -> dict[str, Any]:
    """Score an uploaded outputs CSV and record its hash and results."""
    profile = profile_from_dict(json.loads(store.get_audit(user, audit_id).profile_json))
    bundle = _with_temp_file(name, data, lambda path: probe_evidence([str(path)], profile, progress))
    store.record_upload(user, audit_id, "outputs", name, data, bundle.section)
    return bundle.section


def _rename_file(section: dict[str, Any], name: str) -> dict[str, Any]:
    """Replace the temporary path by the uploaded file's name everywhere in a summary."""
    text = json.dumps(section, ensure_ascii=False)
    for info in section.get("files", []):
        text = text.replace(json.dumps(info["file"], ensure_ascii=False)[1:-1], name)
    return json.loads(text)


def stored_answers(store: Store, user: User, audit_id: int) -> dict[str, Answer]:
    return {k: Answer(v.value, v.evidence, v.comment) for k, v in store.answers(user, audit_id).items() if v.value}


def build_stored_report(store: Store, user: User, audit_id: int) -> AuditOutcome:
    """The report from stored answers, the latest data and outputs uploads, and reviewer overrides."""
    audit = store.get_audit(user, audit_id)
    profile = profile_from_dict(json.loads(audit.profile_json))
    checklists = [bundled_checklist(c) for c in audit.checklists.split(",")]
    uploads = store.uploads(user, audit_id)
    bundles: list[EvidenceBundle] = []
    latest = {u.role: u for u in uploads}
    if "data" in latest:
        bundles.append(pii_bundle(json.loads(latest["data"].summary_json), profile))
    if "outputs" in latest:
        bundles.append(probes_bundle(json.loads(latest["outputs"].summary_json)))
    inputs = [InputFile(u.role, u.name, u.sha256, u.size) for u in latest.values()]
    return build_report(
        profile, checklists, stored_answers(store, user, audit_id), bundles, inputs, store.overrides(audit_id)
    )


def check_upload_size(name: str, size: int, limit_mb: int) -> None:
    if size > limit_mb * 1024 * 1024:
        raise InputError(name, f"the file is {size / 1024 / 1024:.1f} MB; the upload limit is {limit_mb} MB")
