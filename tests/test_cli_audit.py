from __future__ import annotations

import json
import subprocess
import sys

import pytest

from auditor.cli import main
from auditor.documents import validate
from tests.helpers import run_audit

SCRIPT = "<script>alert('x')</script>"


def test_demo_audit_report_validates_and_adds_up(demo, tmp_path):
    code, report_json, report_html = run_audit(demo, tmp_path)
    assert code == 0  # no --fail-above: the gate is off
    report = json.loads(report_json.read_text("utf-8"))
    validate(report, "report", report_json)
    assert sum(i["contribution"] for i in report["items"]) == pytest.approx(report["score"])
    assert report["blockers"], "the demo has planted blockers"
    inputs = {f["role"] for f in report["provenance"]["inputs"]}
    assert inputs == {"profile", "answers"}
    html = report_html.read_text("utf-8")
    assert "Risk per requirement" in html and "<svg" in html
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://cdn" not in html


def test_fail_above_gate(demo, tmp_path):
    assert run_audit(demo, tmp_path, "--fail-above", "99")[0] == 1  # blockers fail the gate
    assert (
        main(
            [
                "audit",
                "--profile",
                str(demo / "profile.yaml"),
                "--answers",
                str(demo / "answers.yaml"),
                "--fail-above",
                "100",
            ]
        )
        == 1
    )


def test_script_in_answer_is_escaped_in_html(demo, tmp_path, write):
    answers = write(
        "answers.yaml",
        (
            "checklists: [unicef-ai-for-children-v2]\n"
            f'answers:\n  R6-08: "{SCRIPT}"\n  R1-02: {{answer: \'no\', comment: "{SCRIPT}"}}\n'
        ),
    )
    code, _, report_html = run_audit(demo, tmp_path, answers=answers)
    html = report_html.read_text("utf-8")
    assert code == 0
    assert SCRIPT not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ("answers:\n  R1-01: maybe\n", "R1-01 takes yes, no, partial or n/a"),
        ("answers:\n  NOPE-1: 'yes'\n", "unknown item id 'NOPE-1'"),
        ("answers: {R1-01: 'yes'", "malformed YAML/JSON"),
    ],
)
def test_bad_input_exits_2_and_writes_nothing(demo, tmp_path, write, capsys, answers, message):
    code, report_json, report_html = run_audit(demo, tmp_path, answers=write("bad.yaml", answers))
    assert code == 2
    assert message in capsys.readouterr().err
    assert not report_json.exists() and not report_html.exists()
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".r.*"))


def test_bad_profile_names_the_field(demo, tmp_path, write, capsys):
    profile = write("p.yaml", (demo / "profile.yaml").read_text("utf-8").replace("hosting_country: DE\n", ""))
    code = main(
        [
            "audit",
            "--profile",
            str(profile),
            "--answers",
            str(demo / "answers.yaml"),
            "--json",
            str(tmp_path / "r.json"),
        ]
    )
    assert code == 2
    assert "'hosting_country' is a required property" in capsys.readouterr().err
    assert not (tmp_path / "r.json").exists()


def test_report_render_round_trip(demo, tmp_path):
    _, report_json, _ = run_audit(demo, tmp_path)
    out = tmp_path / "again.html"
    assert main(["report", "render", str(report_json), "--html", str(out)]) == 0
    assert "Child-rights AI audit" in out.read_text("utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('{"score": 5}', encoding="utf-8")
    assert main(["report", "render", str(broken), "--html", str(tmp_path / "x.html")]) == 2
    assert not (tmp_path / "x.html").exists()


def test_checklist_commands(capsys):
    assert main(["checklist", "list"]) == 0
    assert "unicef-ai-for-children-v2" in capsys.readouterr().out
    assert main(["checklist", "validate", "checklists/dpg-standard.yaml"]) == 0


def test_python_dash_m_works():
    out = subprocess.run([sys.executable, "-m", "auditor", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("auditor ")
