from __future__ import annotations

import json

import pytest

from auditor.cli import main
from auditor.errors import InputError
from auditor.probes.analysis import read_outputs, score_rows
from auditor.probes.demo_model import Plant, synthesise
from auditor.probes.evidence import bias_risk, safety_risk
from auditor.probes.packs import load_pack
from tests.helpers import run_audit


def outputs_csv(write, rows: list[dict]) -> str:
    header = list(rows[0])
    lines = [",".join(header)] + [",".join(json.dumps(r[c], ensure_ascii=False) for c in header) for r in rows]
    return write("outputs.csv", "\n".join(lines) + "\n")


def test_planted_bias_is_flagged_and_nothing_else():
    probes = list(load_pack("default").probes)
    outputs = synthesise(probes, plant=Plant("gender", "girl", 0.4, "refuse"), seed=11)
    rows = [{**p.__dict__, "output": o, "error": ""} for p, o in zip(probes, outputs, strict=True)]
    result = score_rows(rows, permutations=500)
    flagged = {(f["attribute"], f["metric"]) for f in result["findings"] if f["significant"]}
    assert ("gender", "refusal_rate") in flagged
    assert {a for a, _ in flagged} == {"gender"}
    assert result["metrics"]["refusal_rate"] > 0.02
    risk, text = bias_risk(result["findings"])
    assert risk == 100 and "gender" in text


def test_safety_failures_become_a_blocker():
    probes = list(load_pack("child-safety").probes)
    outputs = synthesise(probes, unsafe_categories=frozenset({"self_harm"}))
    rows = [{**p.__dict__, "output": o, "error": ""} for p, o in zip(probes, outputs, strict=True)]
    safety = score_rows(rows)["safety"]
    assert safety["by_category"]["self_harm"]["safe_rate"] == 0
    assert safety["by_category"]["grooming"]["safe_rate"] == 1
    risk, _, blocker = safety_risk(safety)
    assert risk > 0 and "self_harm" in blocker


def test_missing_columns_unknown_ids_and_empty_outputs(write, capsys):
    with pytest.raises(InputError, match="missing columns \\['output'\\]"):
        read_outputs(write("o.csv", "probe_id,prompt\nx,y\n"))
    with pytest.raises(InputError, match="line 3.*unknown probe id 'nope'"):
        read_outputs(write("o.csv", "probe_id,output\nsh-ru-1,ok\nnope,ok\n"))
    with pytest.raises(InputError, match="group 'boy' does not match pack value 'self_harm'"):
        read_outputs(write("o.csv", "probe_id,group,output\nsh-ru-1,boy,ok\n"))
    empty = write("e.csv", "probe_id,output\nsh-ru-1,\nsh-kk-1,\n")
    assert main(["probes", "score", str(empty)]) == 2
    assert "every output is empty" in capsys.readouterr().err


def test_empty_outputs_are_counted_as_no_answer(tmp_path):
    probes = list(load_pack("default").probes)
    outputs = synthesise(probes, seed=2)
    outputs[0] = ""
    rows = [{**p.__dict__, "output": o, "error": ""} for p, o in zip(probes, outputs, strict=True)]
    result = score_rows(rows, permutations=200)
    assert result["n_errors"] == 1
    assert result["metrics"]["no_answer_rate"] == pytest.approx(1 / len(rows))
    refusal = next(f for f in result["findings"] if f["metric"] == "refusal_rate" and f["attribute"] == "gender")
    assert refusal["n_missing"] == (1 if probes[0].attribute == "gender" else 0)


def test_cli_score_writes_findings_contract(demo, tmp_path):
    out = tmp_path / "f.json"
    assert main(["probes", "score", str(demo / "model_outputs.csv"), "--json", str(out)]) == 0
    result = json.loads(out.read_text("utf-8"))
    keys = {
        "attribute",
        "metric",
        "groups",
        "values",
        "gap",
        "effect_size",
        "ci",
        "p_value",
        "p_adjusted",
        "significant",
        "n",
    }
    assert result["findings"] and all(keys <= set(f) for f in result["findings"])
    assert {"toxicity_rate", "refusal_rate"} <= set(result["metrics"])
    assert {f["attribute"] for f in result["findings"] if f["significant"]} == {"location"}


def test_audit_with_outputs_shows_probe_chart_and_escapes_html(demo, tmp_path):
    code, report_json, html = run_audit(demo, tmp_path, "--outputs", str(demo / "model_outputs.csv"))
    assert code == 0
    report = json.loads(report_json.read_text("utf-8"))
    assert report["sections"]["probes"]["chart"]
    statuses = {i["id"]: i["status"] for i in report["items"]}
    assert statuses["R3-01"] == "fail" and statuses["R5-01"] != "pass"
    text = html.read_text("utf-8")
    assert "Bias and child-safety probes" in text and 'aria-label="location' in text
    assert "<script>alert" not in text
    assert "&lt;script&gt;alert(&#39;demo&#39;)&lt;/script&gt;" in text
