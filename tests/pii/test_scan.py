from __future__ import annotations

import csv
import json
from datetime import date

import pytest

from auditor.cli import main
from auditor.errors import InputError
from auditor.pii.evidence import evidence_from_summary, k_risk
from auditor.pii.masking import mask_preview
from auditor.pii.scan import scan_files
from auditor.profile import load_profile
from bench.pii.evaluate import read_jsonl, score_spans
from tests.helpers import run_audit

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo_scan(tmp_path_factory):
    out = tmp_path_factory.mktemp("scan")
    code = main(
        ["pii", "scan", "examples/demo/students.csv", "--findings", str(out / "f.jsonl"), "--json", str(out / "s.json")]
    )
    assert code == 0
    return out / "f.jsonl", out / "s.json"


def test_demo_scan_finds_every_planted_item(demo_scan):
    findings, _ = demo_scan
    result = score_spans(read_jsonl(findings), read_jsonl("examples/demo/students.gold.jsonl"))
    assert result["micro"]["recall"] == 1.0, result
    assert result["micro"]["precision"] >= 0.98, result
    assert result["other_types_flagged"] == {}


def test_findings_follow_the_contract(demo_scan):
    findings, _ = demo_scan
    rows = read_jsonl(findings)
    required = {"file", "row", "column", "start", "end", "entity_type", "score", "recognizer"}
    assert all(required <= set(r) for r in rows)
    assert {r["column"] for r in rows if r["entity_type"] == "KZ_IIN"} >= {"iin", "chat_message"}
    flagged_columns = {r["column"] for r in rows}
    assert "last_login" not in flagged_columns, "event timestamps are not birth dates"
    assert "order_no" not in flagged_columns, "12-digit order numbers are not IINs"
    assert "student_id" not in flagged_columns


def test_no_raw_value_in_any_written_file(demo_scan):
    findings, summary = demo_scan
    with open("examples/demo/students.csv", encoding="utf-8") as handle:
        table = list(csv.DictReader(handle))
    secret_columns = ["full_name", "iin", "parent_phone", "parent_email", "address", "device_ip"]
    written = findings.read_text("utf-8") + summary.read_text("utf-8")
    for row in table:
        for column in secret_columns:
            assert row[column] not in written, f"raw {column} leaked"


def test_summary_counts_minors_and_suggests_actions(demo_scan):
    _, summary_path = demo_scan
    summary = json.loads(summary_path.read_text("utf-8"))
    columns = {c["column"]: c for c in summary["columns"]}
    assert columns["iin"]["minors"] > 0 and columns["iin"]["share_of_rows"] == 1.0
    assert columns["iin"]["suggested_action"].startswith("pseudonymise")
    assert columns["parent_phone"]["suggested_action"].startswith("drop")
    assert columns["chat_message"]["suggested_action"].startswith("redact")
    assert columns["last_login"]["entity_types"] == []
    assert summary["k_anonymity"][0]["k"] >= 1


def test_mask_preview_keeps_shape_only():
    assert mask_preview("8 (701) 234-56-62") == "8 (7**) ***-**-62"
    assert mask_preview("Айгерим") == "А*****м"
    assert mask_preview("ab") == "**"


def test_nothing_scannable_raises_and_writes_nothing(write, tmp_path):
    out = tmp_path / "f.jsonl"
    with pytest.raises(InputError, match="file is empty"):
        scan_files([write("e.csv", b"")], findings_path=out)
    assert not out.exists() and not list(tmp_path.glob(".f.jsonl*"))
    assert main(["pii", "scan", str(write("h.csv", "a,b\n")), "--findings", str(out)]) == 2
    assert not out.exists()


def test_a_bad_file_beside_a_good_one_is_reported_and_skipped(write, tmp_path):
    good = write("g.csv", "note\nмой ИИН 081215500009\n")
    summary = scan_files([good, write("bad.csv", b"")], findings_path=tmp_path / "f.jsonl", today=TODAY)
    assert summary.finding_count == 1
    assert [(s.file.endswith("bad.csv"), s.reason) for s in summary.skips] == [(True, "file is empty")]


def test_plain_text_offsets_are_file_offsets(write, tmp_path):
    text = "Привет!\nМой ИИН 081215500009, звони 87011234567\n"
    path = write("chat.txt", text)
    out = tmp_path / "f.jsonl"
    scan_files([path], findings_path=out, today=TODAY)
    rows = read_jsonl(out)
    assert {r["entity_type"] for r in rows} == {"KZ_IIN", "PHONE_NUMBER"}
    for r in rows:
        assert r["row"] is None and r["column"] is None
        assert text[r["start"] : r["end"]] in {"081215500009", "87011234567"}


def test_cp1251_csv_scans(write, tmp_path):
    path = write("w.csv", "ФИО;Телефон\nИванова Мария;8 701 123 45 67\n".encode("cp1251"))
    summary = scan_files([path], today=TODAY)
    assert summary.to_dict()["entity_counts"] == {"PERSON": 1, "PHONE_NUMBER": 1}


def test_evidence_from_scan_blocks_without_consent(demo):
    profile = load_profile(demo / "profile.yaml")
    summary = {"entity_counts": {"KZ_IIN": 3}, "minors": 3, "columns": [], "k_anonymity": []}
    evidence = {e.item_id: e for e in evidence_from_summary(summary, profile)}
    assert evidence["R4-01"].risk == 100 and evidence["R4-01"].is_blocker
    clean = {e.item_id: e for e in evidence_from_summary({**summary, "entity_counts": {}, "minors": 0}, profile)}
    assert clean["R4-01"].risk == 0 and not clean["R4-01"].is_blocker
    assert [k_risk(k) for k in (1, 2, 4, 5, 50)] == [100, 75, 50, 0, 0]


def test_audit_with_data_includes_pii_section(demo, tmp_path):
    code, report_json, report_html = run_audit(demo, tmp_path, "--data", str(demo / "students.csv"))
    assert code == 0
    report = json.loads(report_json.read_text("utf-8"))
    assert report["sections"]["pii"]["columns"]
    assert "R4-01" in {b["item_id"] for b in report["blockers"]}
    assert "students.csv" in {f["name"] for f in report["provenance"]["inputs"]}
    assert "Children's personal data in the samples" in report_html.read_text("utf-8")


def test_language_option_fixes_the_language_of_free_text(write, tmp_path):
    path = write("chat.csv", "message\nПривет, мой ИИН 081215500009 и телефон 87011234567\n")
    out = tmp_path / "f.jsonl"
    assert main(["pii", "scan", str(path), "--findings", str(out), "--language", "kk"]) == 0
    assert {r["language"] for r in read_jsonl(out)} == {"kk"}
    assert main(["pii", "scan", str(path), "--findings", str(out)]) == 0
    assert {r["language"] for r in read_jsonl(out)} == {"ru"}


def test_special_categories_and_unjustified_columns(write, demo):
    path = write(
        "s.csv",
        "student,diagnosis,note\nАйгерім,диабет 1 типа,у меня аутизм и я люблю математику\n"
        "Ерлан,,мне нужна помощь с задачей по алгебре сегодня\n",
    )
    summary = scan_files([path], today=TODAY).to_dict()
    columns = {c["column"]: c for c in summary["columns"]}
    assert columns["diagnosis"]["special_category"] and columns["note"]["special_mentions"] == 1
    profile = load_profile(demo / "profile.yaml")
    summary["unjustified_columns"] = ["diagnosis"]
    evidence = {e.item_id: e for e in evidence_from_summary(summary, profile)}
    assert evidence["R4-14"].risk == 100 and "diagnosis" in evidence["R4-14"].summary
    assert evidence["R4-04"].risk == 75


def test_cli_scans_a_text_file_with_progress(write, tmp_path, capsys):
    path = write("chat.txt", "Привет!\nМой ИИН 081215500009\n")
    out = tmp_path / "f.jsonl"
    seen = []
    scan_files([path], findings_path=out, today=TODAY, progress=lambda label, f: seen.append(f))
    assert seen and 0 < seen[-1] <= 1
    assert main(["pii", "scan", str(path), "--findings", str(out)]) == 0
    assert "1 findings" in capsys.readouterr().out


def test_redact_cli_replaces_values_and_neutralises_formulas(write, tmp_path):
    path = write("s.csv", 'name,iin,note\nАйгерім Серікқызы,081215500009,=HYPERLINK("http://x")\n')
    out = tmp_path / "clean.csv"
    assert main(["pii", "redact", str(path), "--out", str(out)]) == 0
    text = out.read_text("utf-8")
    assert "081215500009" not in text and "Айгерім" not in text
    assert "<KZ_IIN>" in text and "<PERSON>" in text
    assert "'=HYPERLINK" in text, "a cell a spreadsheet would run as a formula is prefixed"
    assert main(["pii", "redact", str(write("e.csv", b"")), "--out", str(tmp_path / "x.csv")]) == 2
    assert not (tmp_path / "x.csv").exists()
