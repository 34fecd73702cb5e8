"""Upload sections of the wizard: sample data (PII scan) and model outputs (probes)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from auditor.errors import InputError
from auditor.pii.loaders import TABLE_SUFFIXES, TEXT_SUFFIXES
from auditor.probes.packs import available_packs, load_pack
from auditor.probes.targets import parse_target, run_probes
from auditor.store import PermissionDenied
from auditor.ui.common import MAX_UPLOAD_MB, get_store, progress_bar, t
from auditor.workspace import check_upload_size, scan_upload, score_outputs_upload

DATA_TYPES = sorted(s.lstrip(".") for s in TABLE_SUFFIXES | TEXT_SUFFIXES)


def data_section(user, audit_id: int) -> None:
    upload = st.file_uploader(t("upload_data"), type=DATA_TYPES, key=f"data_upload_{audit_id}")
    keep = st.checkbox("Keep the raw file in the store (off: only its hash and masked summary)", key="keep_raw")
    if upload is None:
        return
    try:
        check_upload_size(upload.name, upload.size, MAX_UPLOAD_MB)
        with st.status(t("running"), expanded=True) as status:
            scanned = scan_upload(
                get_store(), user, audit_id, upload.name, upload.getvalue(), keep_content=keep, progress=progress_bar()
            )
            status.update(label=t("scan_done", count=scanned.section["finding_count"]), state="complete")
    except (InputError, PermissionDenied) as exc:
        st.error(t("input_error", error=exc))
        return
    st.write(scanned.section["summary_text"])
    st.dataframe(
        [
            {k: c[k] for k in ("column", "entity_types", "share_of_rows", "minors", "suggested_action", "example")}
            for c in scanned.section["columns"]
        ],
        width="stretch",
    )
    st.caption(t("preview_masked"))
    st.dataframe(scanned.preview, width="stretch")
    st.download_button(
        t("download_redacted"),
        scanned.redacted_csv,
        file_name=f"redacted-{Path(upload.name).stem}.csv",
        mime="text/csv",
        key="download_redacted",
    )


def outputs_section(user, audit_id: int) -> None:
    upload = st.file_uploader(t("upload_outputs"), type=["csv"], key=f"outputs_upload_{audit_id}")
    if upload is not None:
        try:
            check_upload_size(upload.name, upload.size, MAX_UPLOAD_MB)
            with st.status(t("running"), expanded=True):
                section = score_outputs_upload(
                    get_store(), user, audit_id, upload.name, upload.getvalue(), progress=progress_bar()
                )
            st.success(section["summary_text"])
        except (InputError, PermissionDenied) as exc:
            st.error(t("input_error", error=exc))
    st.subheader(t("run_pack"))
    pack = st.selectbox(t("pack"), available_packs(), key="run_pack")
    target_spec = st.text_input(
        t("target"),
        value="demo",
        key="run_target",
        help="demo | echo | hf:PATH | openai:http://127.0.0.1:11434/v1#MODEL",
    )
    limit = st.number_input("limit", min_value=1, value=200, key="run_limit")
    if st.button(t("start_run"), key="start_run"):
        runs = Path(tempfile.gettempdir()) / "auditor-runs"
        out = runs / f"audit-{audit_id}-{pack}.csv"  # kept between clicks, so a run resumes where it stopped
        try:
            target = parse_target(target_spec)
            with st.status(t("running"), expanded=True):
                counts = run_probes(list(load_pack(pack).probes)[: int(limit)], target, out, progress=progress_bar())
            st.info(f"{counts}")
            section = score_outputs_upload(get_store(), user, audit_id, out.name, out.read_bytes())
            st.success(section["summary_text"])
        except (InputError, PermissionDenied) as exc:
            st.error(t("input_error", error=exc))
