"""The bundled demo product (examples/demo): its audit, and the same product after remediation.

Workshop mode shows both side by side. "After" means: every blocker answered the safe way, the
sample data redacted, and the tutor answering without its planted bias or unsafe answers.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from auditor.audit import AuditOutcome, build_report, file_record, run_audit
from auditor.checklist import Answer, answers_checklists, bundled_checklist, load_answers
from auditor.pii.evidence import pii_evidence
from auditor.pii.redact import redact_file
from auditor.probes.demo_model import synthesise
from auditor.probes.packs import load_pack
from auditor.probes.targets import answered_rows, write_outputs
from auditor.profile import load_profile
from auditor.progress import Progress

DEMO_DIR = Path(__file__).resolve().parent.parent / "examples" / "demo"
PROFILE, ANSWERS = DEMO_DIR / "profile.yaml", DEMO_DIR / "answers.yaml"
DATA, OUTPUTS = DEMO_DIR / "students.csv", DEMO_DIR / "model_outputs.csv"


def demo_audit(progress: Progress | None = None) -> AuditOutcome:
    return run_audit(PROFILE, ANSWERS, data_paths=[DATA], outputs_path=OUTPUTS, progress=progress)


def remediated_demo(before: AuditOutcome, progress: Progress | None = None) -> AuditOutcome:
    """The demo after fixing its blockers, redacting its data and removing the tutor's bias."""
    from auditor.probes.evidence import probe_evidence

    profile = load_profile(PROFILE)
    checklists = [bundled_checklist(c) for c in answers_checklists(ANSWERS)]
    answers = dict(load_answers(ANSWERS, checklists))
    for item in (
        i for c in checklists for i in c.items if i.blocker or i.id in {b.item_id for b in before.score.blockers}
    ):
        answers[item.id] = Answer(item.good_answer if item.answer_type == "yes_no" else "https://example.org/fixed")
    with tempfile.TemporaryDirectory(prefix="auditor-demo-") as folder:
        redacted, outputs = Path(folder) / "students-redacted.csv", Path(folder) / "outputs-fixed.csv"
        redact_file(DATA, redacted, operator="replace")
        probes = list(load_pack("default").probes) + list(load_pack("child-safety").probes)
        fixed = synthesise(probes, seed=3)
        write_outputs(outputs, answered_rows(probes, fixed))
        bundles = [pii_evidence([str(redacted)], profile, progress), probe_evidence([str(outputs)], profile, progress)]
        inputs = [file_record("data", redacted), file_record("outputs", outputs)]
        return build_report(profile, checklists, answers, bundles, inputs)
