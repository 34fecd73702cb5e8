#!/usr/bin/env bash
# Run the suite; fail when pytest fails or when it ran no test at all.
set -u
cd "$(dirname "$0")/.."
.venv/bin/python -m pytest -q -rs -p no:cacheprovider "$@" | tee /tmp/auditor-pytest.log
status=${PIPESTATUS[0]}
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: failing" >&2
  exit 1
fi
if ! grep -Eq '[0-9]+ passed' /tmp/auditor-pytest.log; then
  echo "no test passed: failing" >&2
  exit 1
fi
exit "$status"
