#!/usr/bin/env bash
# Runs every benchmark in one go on this machine and prints the figures beside the raw SQLite baseline.
# Results are recorded by hand in docs/benchmarks.md. Extra arguments go to the harness (--quick, --events N, --only 2,5).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf artifacts/app # no runtime files left over from an older publish
rid=$(dotnet --info | awk '/^ *RID:/ && !rid { rid = $2 } END { print rid }') # as scripts/test.sh publishes it: ahead of time, for this machine
dotnet publish src/ClinicPortal/ClinicPortal.csproj -c Release -r "$rid" --self-contained false -o artifacts/app --nologo -v quiet
dotnet build bench/ClinicPortal.Benchmarks -c Release --nologo -v quiet
exec dotnet run -c Release --no-build --project bench/ClinicPortal.Benchmarks -- --app "$(pwd)/artifacts/app/ClinicPortal" "$@"
