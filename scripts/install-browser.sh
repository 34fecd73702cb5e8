#!/usr/bin/env bash
# Chromium and its driver from Debian's packages, for the end-to-end browser test.
# Never fails the build: where they cannot be installed, the test is skipped with this reason.
set -u
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing chromium and chromium-driver from Debian packages..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver) \
    >/tmp/auditor-browser-install.log 2>&1 \
    || echo "NOTE: chromium install failed (see /tmp/auditor-browser-install.log); browser tests will be skipped"
else
  echo "NOTE: chromium/chromedriver not found and apt-get is not usable as root; browser tests will be skipped"
fi
exit 0
