#!/usr/bin/env bash
# Installs what a fresh machine lacks, builds, and runs the tests in two passes: every test (unit, component,
# integration, mail, browser) on SQLite, the default; then the tests that use a database (trait Needs=Database) again on
# PostgreSQL, the scale-out option (the tests start a throwaway PostgreSQL server). The rest do not touch a database,
# so a second run would prove nothing new.
set -euo pipefail
cd "$(dirname "$0")"
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || need+=(python3-aiosmtpd)
[ -x /usr/sbin/dovecot ] || need+=(dovecot-imapd)
/usr/bin/python3 -c 'import openpyxl' 2>/dev/null || need+=(python3-openpyxl)
/usr/bin/python3 -c 'import feedparser' 2>/dev/null || need+=(python3-feedparser)
command -v libreoffice >/dev/null || need+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/sbin/nginx ] || need+=(nginx)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi

# Independent API checkers (Redocly, openapi-typescript + openapi-fetch under tsc, ajv), pinned in
# HoldingToAccount.Tests/ApiClient/package-lock.json and installed into its node_modules (git-ignored).
command -v npm >/dev/null || { apt-get update -qq; apt-get install -y -qq nodejs npm >/dev/null; }
(cd HoldingToAccount.Tests/ApiClient && npm ci --no-audit --no-fund --loglevel=error)

dotnet tool restore >/dev/null
dotnet build HoldingToAccount.sln -c Release -warnaserror -nologo -clp:ErrorsOnly

results=$(mktemp -d)
status=0

# The register benchmark at 1,000 actions, only to prove it still runs (bench/README.md); its figures mean nothing here.
echo "== Short register benchmark"
HTA_BENCH_DATA="$results/bench" HTA_BENCH_RUNS=2 dotnet bench/Register/bin/Release/net10.0/Register.Bench.dll 1000 40 \
  "$results/bench.json" >/dev/null || { echo "the register benchmark failed"; status=1; }

# The live-board soak for one minute: 20 room-screen boards in Chromium while 5 officers post updates through the API;
# it exits 1 if any acknowledged update never reached a board (bench/README.md).
echo "== One-minute board soak (20 boards, 5 editors)"
if dotnet bench/Soak/bin/Release/net10.0/Soak.Bench.dll 20 5 1 > "$results/soak.txt" 2>&1; then
  grep -E "acknowledged|missed|heap|circuits" "$results/soak.txt" | head -n 6 || true
else
  cat "$results/soak.txt"; echo "the board soak missed updates or failed"; status=1
fi
for provider in Sqlite Postgres; do
  only=()
  if [ "$provider" = Postgres ]; then only=(--filter "Needs=Database"); fi
  echo "== Tests on $provider ${only[*]}"
  HTA_TEST_PROVIDER=$provider dotnet test HoldingToAccount.sln -c Release --no-build --nologo "${only[@]}" \
    --logger "console;verbosity=minimal" --logger "trx;LogFileName=$provider.trx" --results-directory "$results" || status=$?
done

# One closing line that any reader can count: "N passed, N failed".
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    c = ET.parse(path).getroot().find(".//{*}Counters")
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
