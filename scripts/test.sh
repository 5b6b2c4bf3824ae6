#!/usr/bin/env bash
# The one test command: installs what a fresh machine lacks, restores, builds, publishes the app
# for the end-to-end tests, runs every test project, and ends with one "N passed, N failed" line.
# --fast: the inner loop, unit and component tests only (no browser, no publish); CI runs the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
fast=false
for arg in "$@"; do
  case "$arg" in
    --fast) fast=true ;;
    *) echo "Usage: bash scripts/test.sh [--fast]" >&2; exit 2 ;;
  esac
done

# --- system packages: Debian's Chromium (Playwright cannot download browsers here), aiosmtpd (a real SMTP server)
# and PostgreSQL (the tests start throwaway servers of their own; nothing runs as a service)
missing=()
[ "$fast" = true ] || [ -x /usr/bin/chromium ] || missing+=(chromium)
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing ${missing[*]} from Debian's packages..."
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  else
    echo "Missing: ${missing[*]}. Install them as root: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

# --- build
config=Release
targets=(ClinicPortal.sln)
[ "$fast" = false ] || targets=(tests/Unit/Unit.csproj tests/Components/Components.csproj)
for target in "${targets[@]}"; do
  dotnet restore "$target"
  dotnet build "$target" -c "$config" --no-restore
done
if [ "$fast" = false ]; then
  app_dir="$root/artifacts/app"
  rm -rf "$app_dir" # a publish of an older build (a self-contained one, say) must not leave its runtime files behind
  # For this machine's runtime, framework-dependent: compiled ahead of time (ReadyToRun), so it starts faster.
  rid=$(dotnet --info | awk '/^ *RID:/ && !rid { rid = $2 } END { print rid }')
  dotnet publish src/ClinicPortal/ClinicPortal.csproj -c "$config" -r "$rid" --self-contained false -o "$app_dir" --nologo
  export CLINICPORTAL_APP_DIR="$app_dir"
fi

# --- test
results="$root/artifacts/test-results"
rm -rf "$results"
status=0
for target in "${targets[@]}"; do
  dotnet test "$target" -c "$config" --no-build --logger "trx" --logger "console;verbosity=normal" \
    --results-directory "$results" || status=$?
done

# One closing line summed over every test project, read from the trx files.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { local v; v=$(echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"); echo "${v:-0}"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "No test ran." >&2
  status=1
fi
# The failed tests again, with their first lines of message, where the end of a long log shows them.
if [ "$failed" -gt 0 ]; then
  python3 - "$results" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for trx in glob.glob(sys.argv[1] + "/*.trx"):
    for result in ET.parse(trx).getroot().iterfind(".//t:UnitTestResult", ns):
        if result.get("outcome") != "Passed" and result.get("outcome") != "NotExecuted":
            message = result.find(".//t:Message", ns)
            print("FAILED:", result.get("testName"))
            for line in ((message.text or "") if message is not None else "").splitlines()[:8]:
                print("   ", line)
PY
fi
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$failed" -gt 0 ] && [ "$status" -eq 0 ]; then status=1; fi
exit "$status"
