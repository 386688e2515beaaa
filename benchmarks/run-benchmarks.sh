#!/usr/bin/env bash
# Runs the dispatch micro-benchmarks (benchmarks/XWebhooks.Benchmarks, BenchmarkDotNet) and prints a summary:
# generated dispatcher vs the hand-written reflection baseline (time and allocation per payload), what the
# generated path allocates beyond deserializing the event, and the allocation of an unhandled kind.
# It is a report: timings are never asserted. Exit code 1 only if the XAA UnhandledKind allocates > 0 B
# (or the --check correctness pass fails).
# Usage: benchmarks/run-benchmarks.sh [--no-run] [extra BenchmarkDotNet args, e.g. --inProcess]
#   --no-run   only summarize the results already in artifacts/benchmarks
# Default BenchmarkDotNet arguments: --filter '*' --job short (about 3 minutes on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."
project=benchmarks/XWebhooks.Benchmarks
results=artifacts/benchmarks
run=1
if [ "${1:-}" = "--no-run" ]; then run=0; shift; fi

if [ "$run" = 1 ]; then
  dotnet build -c Release -warnaserror "$project" >/dev/null
  echo "== correctness and allocation breakdown (--check)"
  dotnet run -c Release --no-build --project "$project" -- --check
  echo "== BenchmarkDotNet"
  rm -rf "$results"
  dotnet run -c Release --no-build --project "$project" -- --filter '*' --job short --artifacts "$results" "$@"
fi

python3 - "$results/results" <<'PY'
import csv, os, sys
folder = sys.argv[1]

def rows(name):
    path = os.path.join(folder, "XWebhooks.Benchmarks.%s-report.csv" % name)
    if not os.path.exists(path):
        sys.exit("no results at %s (run without --no-run)" % path)
    with open(path, newline="") as f:
        return list(csv.DictReader(f))

def num(text):
    text = (text or "").replace(",", "").strip()
    return float(text) if text not in ("", "NA", "-") else float("nan")

dispatch = {}
for r in rows("DispatchBenchmarks"):
    dispatch.setdefault(r["Payload"], {})[r["Method"]] = (num(r["Mean [ns]"]), num(r["Allocated [B]"]))

print()
print("== Generated vs ReflectionBaseline (mean time, allocation per delivery)")
print("| Payload | Reflection | Generated | Time ratio (gen/refl) | Reflection alloc | Generated alloc | Alloc ratio (gen/refl) |")
print("|---|---:|---:|---:|---:|---:|---:|")
for payload, m in dispatch.items():
    if "ReflectionBaseline" not in m or "Generated" not in m:
        continue
    (rt, ra), (gt, ga) = m["ReflectionBaseline"], m["Generated"]
    print("| %s | %.0f ns | %.0f ns | %.2f (%.2fx faster) | %.0f B | %.0f B | %.2f |" % (payload, rt, gt, gt / rt, rt / gt, ra, ga, ga / ra))

print()
print("== Generated vs DeserializeOnly (allocation beyond the deserialized event)")
print("| Payload | DeserializeOnly | Generated | Extra | Gen/Deser time |")
print("|---|---:|---:|---:|---:|")
for payload, m in dispatch.items():
    if "DeserializeOnly" not in m or "Generated" not in m:
        continue
    (dt, da), (gt, ga) = m["DeserializeOnly"], m["Generated"]
    print("| %s | %.0f B | %.0f B | %+.0f B | %.2f |" % (payload, da, ga, ga - da, gt / dt))
print("(Expected extra: the XDelivery object, 64 B, plus the AAA for_user_id string the reader allocates.)")

unhandled = {r["Method"]: (num(r["Mean [ns]"]), num(r["Allocated [B]"])) for r in rows("UnhandledBenchmarks")}
print()
print("== Unhandled kinds (reader + Route only)")
for method, (t, a) in unhandled.items():
    print("%-30s %8.0f ns  %6.0f B" % (method, t, a))
bytes_ = unhandled["UnhandledKind"][1]
if bytes_ > 0:
    print("FAIL: UnhandledKind (XAA profile.update.bio) allocates %.0f B; it must allocate 0 B" % bytes_)
    sys.exit(1)
print("OK: UnhandledKind allocates 0 B")
PY
