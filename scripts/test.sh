#!/usr/bin/env bash
# The test command: installs what the tests need on a fresh machine, then runs the whole suite.
# Safe to run again: every install step is skipped when its tool is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Chromium for the browser tests (Debian's build; never a downloaded one).
if ! command -v chromium >/dev/null 2>&1; then
  echo "test.sh: installing chromium"
  # Another apt process (unattended upgrades, a second install) may hold the lock: wait for it instead of failing.
  as_root apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get -o DPkg::Lock::Timeout=600 install -y -qq chromium >/dev/null
fi

# Front-end test tools from npm (axe-core, vnu-jar), pinned in tests/js/package-lock.json.
if [ -f tests/js/package.json ] && [ ! -d tests/js/node_modules ]; then
  echo "test.sh: installing npm test tools"
  (cd tests/js && npm ci --no-audit --no-fund --loglevel=error)
fi

# The JavaScript half (search engine, tokenizer twin) with node's own test runner.
set +e
node --test tests/js/ 2>&1 | tee /tmp/digestgen-node-test.log
node_status=${PIPESTATUS[0]}
set -e

dotnet restore DigestGen.sln --nologo -v q
dotnet build DigestGen.sln --no-restore --nologo -v q -c Release

log=$(mktemp)
set +e
dotnet test DigestGen.sln --no-build -c Release --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line for CI: "N passed, N failed, N skipped".
awk '/(Passed|Failed)! +-/ {
       for (i = 1; i <= NF; i++) { v = $(i+1); gsub(",", "", v);
         if ($i == "Failed:") f += v; if ($i == "Passed:") p += v; if ($i == "Skipped:") s += v }
     }
     END { printf "dotnet-test: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
[ "$node_status" = 0 ] || { echo "test.sh: node tests failed"; exit "$node_status"; }
exit "$status"
