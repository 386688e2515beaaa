#!/usr/bin/env bash
# Sustained load, end to end: for each rate, the AOT sample on a fresh inbox takes
#   xwebhooks load <url> -e post.create --unique-ids -r RATE -c 32 -d 60s
# while the inbox depth (deliveries stored, not yet completed) is sampled once a second, during the load and for 10 s
# after it. Prints the depth every 5 s, the p99 time-to-ack the load command measured, and a verdict per rate:
#   bounded  the depth does not grow over the last 10 s of the load (by less than one second of arrivals) and is 0
#            within DRAIN seconds after it: the worker keeps up;
#   p99      time-to-ack p99 <= P99_LIMIT_MS;
#   and the load command sent the rate asked for (>= 95 %) with no error.
# With several rates it reports the highest rate at which all hold.
#
# Usage: benchmarks/sustained.sh [rate...]        (default: 3000)
# Environment:
#   DURATION=60          seconds of load per rate
#   DRAIN=10             seconds of sampling after the load
#   CONCURRENCY=32       the load command's -c
#   EVENT=post.create    the load command's -e
#   STORES=sqlite        the inboxes to run, "sqlite", "redis" or "sqlite redis" (Redis: a local redis-server this
#                        script starts, appendonly yes, appendfsync REDIS_APPENDFSYNC=everysec)
#   SQLITE_SETTINGS=""   extra settings for the SQLite runs, e.g. "XWebhooks__Inbox__Durability=Process"
#   P99_LIMIT_MS=10
#   DB_DIR=/tmp/xwebhooks-bench/sustained   where the SQLite runs keep their inbox files (outside the repository:
#                        benchmarks/common.sh says why)
#   SKIP_PUBLISH=1       reuse the builds in artifacts/bench-bin from an earlier run (of this or compare.sh)
# Needs: redis-server (for STORES with redis), clang, zlib1g-dev, openssl, curl, python3 (apt).
set -euo pipefail
cd "$(dirname "$0")/.."
. eng/common.sh
. benchmarks/common.sh
rates=("$@")
[ ${#rates[@]} -gt 0 ] || rates=(3000)
duration=${DURATION:-60}
drain=${DRAIN:-10}
concurrency=${CONCURRENCY:-32}
event=${EVENT:-post.create}
stores=${STORES:-sqlite}
appendfsync=${REDIS_APPENDFSYNC:-everysec}
p99_limit=${P99_LIMIT_MS:-10}
read -r -a sqlite_settings <<<"${SQLITE_SETTINGS:-}"
secret="load-test-secret"
out=artifacts/sustained
db_dir=$(bench_db_dir sustained)
mkdir -p "$out" "$db_dir"

require_tools curl openssl python3
for rate in "${rates[@]}"; do [[ $rate =~ ^[1-9][0-9]*$ ]] || fail "a rate is a positive number of requests per second, not '$rate'"; done
for store in $stores; do [[ $store == sqlite || $store == redis ]] || fail "STORES holds sqlite and/or redis, not '$store'"; done

publish_builds sample cli
probe="$out/probe.json"
cp tests/fixtures/activity/post.create.json "$probe"

redis_port=""
if [[ " $stores " == *" redis "* ]]; then
  start_redis "$out/redis" "$appendfsync"
fi

# Runs one store at one rate; prints the depth line and the verdict, and sets verdict_ok to 1 or 0.
run_rate() { # store rate
  local store=$1 rate=$2 run="$1-$2" port url settings sampler_args load_end status=0
  port=$(free_port)
  url="http://127.0.0.1:$port/webhooks/x"
  settings=(XWebhooks__ConsumerSecret="$secret" ASPNETCORE_URLS="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning Sample__EventsFile=)
  if [ "$store" = sqlite ]; then
    rm -f "$db_dir/$run.db" "$db_dir/$run.db-wal" "$db_dir/$run.db-shm" "$db_dir/$run.db.owner"
    settings+=(XWebhooks__Inbox__Mode=Sqlite XWebhooks__Inbox__Path="$db_dir/$run.db" "${sqlite_settings[@]}")
    sampler_args=(sqlite "$db_dir/$run.db")
  else
    redis-cli -p "$redis_port" flushall >/dev/null
    settings+=(XWebhooks__Inbox__Mode=Redis XWebhooks__Inbox__Configuration="127.0.0.1:$redis_port" XWebhooks__Inbox__KeyPrefix="$run:")
    sampler_args=(redis "$redis_port" "$run:")
  fi
  start_process "$out/$run.server.log" env "${settings[@]}" "$bench_bin/sample/XWebhooks.Sample"
  local server_pid=$started_pid
  wait_for_receiver "$server_pid" "$url" "$secret" "$probe" "$out/$run.server.log" "the sample ($store)"
  warn_if_watched "$out/$run.server.log"
  start_process "$out/$run.depth.txt" python3 benchmarks/inbox-depth.py "${sampler_args[@]}"
  local sampler_pid=$started_pid

  run_logged "$out/$run.load.txt" dotnet "$bench_bin/cli/XWebhooks.Cli.dll" load "$url" --secret "$secret" -e "$event" \
    --unique-ids -r "$rate" -c "$concurrency" -d "${duration}s" || status=$?
  load_end=$(date +%s.%N)
  run_logged /dev/null sleep "$drain"
  stop_process "$sampler_pid"
  kill -0 "$server_pid" 2>/dev/null || { cat "$out/$run.server.log" >&2; fail "the sample ($store) exited during the load (log above)"; }
  stop_process "$server_pid"
  grep -q '^Done: ' "$out/$run.load.txt" || { cat "$out/$run.load.txt" >&2; fail "xwebhooks load did not finish (exit $status; output above)"; }

  local verdict
  verdict=$(python3 - "$out/$run.load.txt" "$out/$run.depth.txt" "$load_end" "$rate" "$drain" "$p99_limit" <<'PY'
import re, sys
load_text, depth_file = open(sys.argv[1]).read(), sys.argv[2]
load_end, rate, drain, p99_limit = float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])
done = re.search(r"^Done: (\d+) requests in ([\d.]+) s, ([\d.]+) requests/s; (\d+) × 200 OK, (\d+) errors", load_text, re.M)
p99 = re.search(r"^Latency \(ms, \d+ answers\): .*p99 ([\d.]+)", load_text, re.M)
sent, errors, p99_ms = float(done.group(3)), int(done.group(5)), float(p99.group(1)) if p99 else float("inf")
requests = int(done.group(1))
distinct = re.search(r"^Bodies: (\d+) unique", load_text, re.M)
resent = requests - int(distinct.group(1)) if distinct else requests  # re-sends are acknowledged without being stored
length = float(done.group(2))  # the load sends rate × duration requests; it runs longer when it falls behind

samples = []  # (seconds since the load started, depth)
for line in open(depth_file):
    when, depth = line.split()
    if depth != "?":
        samples.append((float(when) - (load_end - length), int(depth)))

def depth_at(t):  # the last sample taken at or before t
    before = [d for s, d in samples if s <= t + 0.5]
    return before[-1] if before else None

def shown(depth):
    return "-" if depth is None else str(depth)

marks = [t for t in range(0, int(length + drain) + 1, 5) if abs(t - length) >= 1]
print("depth: " + "  ".join("%ds %s" % (t, shown(depth_at(t))) for t in marks if t < length)
      + "  [end %.1fs %s]  " % (length, shown(depth_at(length)))
      + "  ".join("%ds %s" % (t, shown(depth_at(t))) for t in marks if t > length))

end = depth_at(length)
ten_before = depth_at(length - 10)
growing = end is None or ten_before is None or end - ten_before > rate
drained_at = next((s - length for s, d in samples if s >= length and d == 0), None)
drained = drained_at is not None and drained_at <= drain
reached = sent >= 0.95 * rate
checks = [
    ("bounded" if not growing and drained else "NOT bounded")
    + " (depth %s at the end, %s 10 s before; %s)" % (shown(end), shown(ten_before),
        "empty %.0f s after the load" % drained_at if drained else "not empty %d s after the load" % drain),
    ("p99 %.2f ms <= %g" if p99_ms <= p99_limit else "p99 %.2f ms > %g: TOO SLOW") % (p99_ms, p99_limit),
    ("sent %.0f/s" if reached else "only %.0f/s reached: the receiver did not keep up with the rate") % sent,
]
if errors:
    checks.append("%d ERRORS (see the load output)" % errors)
if resent > 0:
    checks.append("%d requests were RE-SENDS of earlier events, not new ones" % resent)
ok = not growing and drained and p99_ms <= p99_limit and reached and errors == 0 and resent <= 0
print(("OK" if ok else "FAIL") + ": " + "; ".join(checks))
PY
  ) || fail "could not read the results of $run ($out/$run.load.txt, $out/$run.depth.txt)"
  echo "$verdict" | sed 's/^/   /'
  [[ $(tail -1 <<<"$verdict") == OK:* ]] && verdict_ok=1 || verdict_ok=0
}

echo "== $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== xwebhooks load -e $event --unique-ids -c $concurrency -d ${duration}s; depth sampled each second, ${drain}s after; p99 limit ${p99_limit} ms"
[ -z "$redis_port" ] || echo "== redis-server on port $redis_port: appendonly yes, appendfsync $appendfsync"
[ ${#sqlite_settings[@]} -eq 0 ] || echo "== SQLite settings: ${sqlite_settings[*]}"
for store in $stores; do
  best=""
  for rate in "${rates[@]}"; do
    echo "-- $store, $rate/s"
    run_rate "$store" "$rate"
    if [ "$verdict_ok" = 1 ] && { [ -z "$best" ] || [ "$rate" -gt "$best" ]; }; then best=$rate; fi
  done
  verdict=${best:+$best/s}
  echo "== $store: highest rate that holds (bounded, p99 <= $p99_limit ms, no errors): ${verdict:-none of ${rates[*]}}"
done
