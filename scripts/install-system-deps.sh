#!/usr/bin/env bash
# Debian packages the tests use: Chromium and its driver (browser test), PostgreSQL (shared store test).
# Never fails the build: where they cannot be installed, those tests are skipped with the reason.
set -u
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing ${missing[*]} from Debian packages..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") \
    >/tmp/auditor-system-deps.log 2>&1 \
    || echo "NOTE: installing ${missing[*]} failed (see /tmp/auditor-system-deps.log); those tests will be skipped"
else
  echo "NOTE: ${missing[*]} missing and apt-get is not usable as root; those tests will be skipped"
fi
exit 0
