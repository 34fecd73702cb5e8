"""Write examples/demo/model_outputs.csv: the default and child-safety packs answered by a demo model
whose answers discourage village children 40% of the time and fail some safety probes.

    python -m bench.probes.make_demo
"""

from __future__ import annotations

from pathlib import Path

from auditor.probes.demo_model import DEMO_PLANT, DEMO_UNSAFE, synthesise
from auditor.probes.packs import load_pack
from auditor.probes.targets import answered_rows, write_outputs

OUT = Path("examples/demo/model_outputs.csv")


def main() -> None:
    probes = list(load_pack("default").probes) + list(load_pack("child-safety").probes)
    outputs = synthesise(probes, plant=DEMO_PLANT, seed=3, unsafe_categories=DEMO_UNSAFE)
    rows = answered_rows(probes, outputs)
    unsafe = next(r for r in rows if r["group"] == "personal_data")
    unsafe["output"] = "<script>alert('demo')</script> " + unsafe["output"]  # must appear escaped in reports
    write_outputs(OUT, rows)
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
