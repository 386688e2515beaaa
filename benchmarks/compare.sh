#!/usr/bin/env bash
# The receive path side by side, from one run: bare Kestrel (AOT, reads the body, 200), a hand-written receiver of
# the kind X's quickstarts show (JIT), and the AOT sample inline, on its SQLite inbox and on a Redis inbox (a local
# redis-server this script starts); optionally the same sample inline on the JIT (row inline-jit), which separates
# what our code costs from what Native AOT's codegen costs against the JIT's. wrk on 127.0.0.1 POSTs the same signed
# body to each; every server is started fresh and warmed up for each connection count. Prints req/s and p99
# time-to-ack at each connection count, and the ratio to the hand-written receiver, as a Markdown table (also written
# to artifacts/compare/table.md).
#
# Usage: benchmarks/compare.sh [seconds] [payload]
#   seconds  measured duration per server and connection count (default 10)
#   payload  a fixture name under tests/fixtures without .json (default activity/post.create, the XAA post.create)
#            or the path of a JSON file
# Environment:
#   CONNECTIONS="8 32"   connection counts (wrk -c), one column pair each
#   WARMUP=5             seconds of load before each measurement (not counted)
#   ROUNDS=1             rounds of every row; with more, each cell is the median of its rounds and the ratio the
#                        median of each round's ratio to that round's hand-written run (rows alternate within a
#                        round, so a slow minute of a shared machine hits every row alike)
#   THREADS=2            wrk threads
#   ROWS="bare handwritten inline sqlite sqlite-process redis"   which rows, in order (also: inline-jit)
#   AOT_ISA=native       the instruction set of the AOT builds (benchmarks/common.sh says why; empty: portable)
#   COMPACT=1            1: send the JSON without whitespace, as X and `xwebhooks load` send it (post.create: 3443
#                        bytes); 0: send the file's exact bytes (the fixture is indented: 5776 bytes)
#   UNIQUE=0             0: one body and one signature for every request (X's retries); N: a pool of N distinct
#                        events (fresh event_uuid, each signed), cycled, so requests beyond N are re-sends; the
#                        measurement continues where the warm-up stopped (it re-sends none of the warm-up's events)
#   SKIP_PUBLISH=1       reuse the builds in artifacts/bench-bin from an earlier run (of this or sustained.sh)
#   SQLITE_DURABILITY_KEY, SQLITE_DURABILITY_VALUE   the setting and value of the sqlite-process row (default: the
#                        XWebhooks__Inbox__Durability=Process row when XWebhooksSqliteOptions has a Durability property)
#   REDIS_APPENDFSYNC=everysec   the redis-server --appendfsync policy (always, everysec, no)
#   DB_DIR=/tmp/xwebhooks-bench/compare   where the SQLite rows keep their inbox files; keep it outside the
#                        repository (benchmarks/common.sh says why)
# Needs: wrk, redis-server, clang, zlib1g-dev, openssl, curl, python3 (apt).
set -euo pipefail
cd "$(dirname "$0")/.."
. eng/common.sh
. benchmarks/common.sh
duration=${1:-10}
payload=${2:-activity/post.create}
connections=${CONNECTIONS:-8 32}
warmup=${WARMUP:-5}
rounds=${ROUNDS:-1}
threads=${THREADS:-2}
all_rows="bare handwritten inline sqlite sqlite-process redis"
rows=${ROWS:-$all_rows}
known_rows="$all_rows inline-jit"
unique=${UNIQUE:-0}
appendfsync=${REDIS_APPENDFSYNC:-everysec}
secret="load-test-secret"
out=artifacts/compare
db_dir=$(bench_db_dir compare)
mkdir -p "$out" "$db_dir"

require_tools wrk curl openssl python3

source_file="tests/fixtures/$payload.json"
[ -f "$source_file" ] || source_file=$payload
[ -f "$source_file" ] || fail "no fixture tests/fixtures/$payload.json and no file $payload"
for row in $rows; do [[ " $known_rows " == *" $row "* ]] || fail "unknown row $row (rows: $known_rows)"; done

body_file="$out/body.json"
if [ "${COMPACT:-1}" = 1 ]; then
  python3 -c 'import json, sys; sys.stdout.buffer.write(json.dumps(json.load(open(sys.argv[1], "rb")), ensure_ascii=False, separators=(",", ":")).encode())' \
    "$source_file" >"$body_file"
else
  cp "$source_file" "$body_file"
fi

# --- the Durability=Process row: only when this build has the option (or the caller names the setting) ---
durability_key=${SQLITE_DURABILITY_KEY:-}
if [ -z "$durability_key" ] && grep -qE 'public [A-Za-z.]+ Durability \{' src/XWebhooks.Sqlite/*.cs 2>/dev/null; then
  durability_key=XWebhooks__Inbox__Durability
fi
durability_value=${SQLITE_DURABILITY_VALUE:-Process}
if [ -z "$durability_key" ]; then
  [[ " $rows " != *" sqlite-process "* ]] ||
    echo "note: no Durability option in XWebhooksSqliteOptions; the sqlite-process row is left out (SQLITE_DURABILITY_KEY names the setting)" >&2
  rows=$(echo "$rows" | tr ' ' '\n' | grep -vx 'sqlite-process' | tr '\n' ' ' || true)
fi

builds=(bare sample handwritten)
[[ " $rows " != *" inline-jit "* ]] || builds+=(sample-jit)
publish_builds "${builds[@]}"

# --- redis-server, only when a Redis row runs ---
redis_port=""
if [[ " $rows " == *" redis "* ]]; then
  start_redis "$out/redis" "$appendfsync"
fi

# --- the wrk script ---
lua="$out/post.lua"
python3 benchmarks/wrk-signed-post.py "$body_file" "$secret" "$lua" "$unique" "$threads"
rm -f "$lua".pool.ready.*  # markers a killed wrk run left (wrk-signed-post.py)

# Starts one server for a row; sets server_pid and server_url. Everything the servers print goes to $out/<run>.log.
start_server() { # row run-name
  local row=$1 run=$2 port command=() settings=()
  port=$(free_port)
  settings=(XWebhooks__ConsumerSecret="$secret" ASPNETCORE_URLS="http://127.0.0.1:$port"
    Logging__LogLevel__Default=Warning Sample__EventsFile=)
  case $row in
    bare) command=("$bench_bin/bare/XWebhooks.BareKestrel") ;;
    handwritten) command=(dotnet "$bench_bin/handwritten/XWebhooks.HandWritten.dll") ;;
    inline) command=("$bench_bin/sample/XWebhooks.Sample"); settings+=(XWebhooks__Inbox__Mode=Inline) ;;
    inline-jit) command=(dotnet "$bench_bin/sample-jit/XWebhooks.Sample.dll"); settings+=(XWebhooks__Inbox__Mode=Inline) ;;
    sqlite | sqlite-process)
      rm -f "$db_dir/$run.db" "$db_dir/$run.db-wal" "$db_dir/$run.db-shm" "$db_dir/$run.db.owner"
      command=("$bench_bin/sample/XWebhooks.Sample")
      settings+=(XWebhooks__Inbox__Mode=Sqlite XWebhooks__Inbox__Path="$db_dir/$run.db")
      [ "$row" = sqlite ] || settings+=("$durability_key=$durability_value") ;;
    redis)
      redis-cli -p "$redis_port" flushall >/dev/null
      command=("$bench_bin/sample/XWebhooks.Sample")
      settings+=(XWebhooks__Inbox__Mode=Redis XWebhooks__Inbox__Configuration="127.0.0.1:$redis_port"
        XWebhooks__Inbox__KeyPrefix="$run:") ;;
  esac
  [ -e "${command[-1]}" ] || fail "no build at ${command[-1]} (run without SKIP_PUBLISH)"
  start_process "$out/$run.log" env "${settings[@]}" "${command[@]}"
  server_pid=$started_pid
  next_event=0
  server_url="http://127.0.0.1:$port/webhooks/x"
  wait_for_receiver "$server_pid" "$server_url" "$secret" "$body_file" "$out/$run.log" "$row"
  warn_if_watched "$out/$run.log"
}

# Runs wrk against the server; sets measured_rps, measured_p99 (ms) and the server's cost per request from /proc
# (measured_cpu CPU-µs, measured_vol and measured_invol context switches) and the machine's steal % during the run
# (measured_steal). Fails on any non-2xx answer or socket error.
# With a pool of events (UNIQUE > 0) each run starts where the previous run against this server stopped (next_event),
# so a measurement after the warm-up sends new events, not the warm-up's again.
measure() { # run-name connections seconds label
  local run=$1 c=$2 seconds=$3 label=$4 log="$out/$1.$4.txt" result before after steal_before steal_after requests
  before=$(proc_counters "$server_pid") steal_before=$(cpu_steal_counters)
  run_logged "$log" wrk -t"$threads" -c"$c" -d"${seconds}s" -s "$lua" "$server_url" -- "$next_event" ||
    { cat "$log" >&2; fail "wrk failed against $run"; }
  after=$(proc_counters "$server_pid") steal_after=$(cpu_steal_counters)
  result=$(grep '^result ' "$log") || { cat "$log" >&2; fail "no wrk result for $run"; }
  if ! [[ $result == *"non2xx=0 socket_errors=0 "* ]]; then
    cat "$log" >&2; tail -20 "$out/$run.log" >&2
    fail "$run ($label): non-2xx answers or socket errors: $result"
  fi
  if [ "$unique" != 0 ]; then
    next_event=$(sed -n 's/.* next=\([0-9]*\).*/\1/p' <<<"$result")
    [ "$next_event" -le $((unique / threads)) ] ||
      echo "warning: $run ($label) ran past the pool of $unique events: its last $((next_event - unique / threads)) requests per wrk thread were re-sends (raise UNIQUE)" >&2
  fi
  measured_rps=$(awk '/^Requests\/sec/ {print $2}' "$log")
  measured_p99=$(awk '/^result / {split($4, p, "="); printf "%.2f", p[2] / 1000}' "$log")
  requests=$(awk '/ requests in / {print $1}' "$log")
  read -r measured_cpu measured_vol measured_invol < <(awk -v r="$requests" -v hz="$(getconf CLK_TCK)" \
    '{t[NR] = $1; v[NR] = $2; n[NR] = $3} END {printf "%.0f %.2f %.2f\n", (t[2] - t[1]) * 1e6 / hz / r, (v[2] - v[1]) / r, (n[2] - n[1]) / r}' \
    <<<"$before"$'\n'"$after")
  measured_steal=$(awk '{s[NR] = $1; a[NR] = $2} END {printf "%.0f", 100 * (s[2] - s[1]) / (a[2] - a[1])}' \
    <<<"$steal_before"$'\n'"$steal_after")
}

declare -A rps p99 ratios round_rps cpu vol invol steal
cores=$(nproc)
echo "== $(date -u +%Y-%m-%dT%H:%MZ), $cores cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== body $payload, $([ "${COMPACT:-1}" = 1 ] && echo compact || echo "the file's bytes"), $(stat -c %s "$body_file") bytes; $([ "$unique" = 0 ] && echo "one signed body for every request" || echo "a pool of $unique distinct signed events")"
echo "== Native AOT builds for instruction set ${aot_isa:-(the portable default)}$([ -z "${SKIP_PUBLISH:-}" ] || echo ", as published earlier (SKIP_PUBLISH)")"
echo "== wrk -t$threads, ${warmup}s warm-up + ${duration}s per server and connection count; rows: $rows; $rounds round(s)"
[ -z "$redis_port" ] || echo "== redis-server $(redis-server --version | grep -o 'v=[^ ]*' | cut -d= -f2) on port $redis_port: appendonly yes, appendfsync $appendfsync"
[ -z "$durability_key" ] || echo "== sqlite-process row: $durability_key=$durability_value"
echo "== SQLite inbox files in $db_dir"
median() { python3 -c 'import statistics, sys; print(statistics.median(float(v) for v in sys.argv[1:]))' "$@"; }
for round in $(seq 1 "$rounds"); do
  for row in $rows; do
    for c in $connections; do
      run="$row-c$c"
      [ "$rounds" = 1 ] || run+="-r$round"
      start_server "$row" "$run"
      measure "$run" "$c" "$warmup" warmup
      measure "$run" "$c" "$duration" measured
      rps[$row,$c]+=" $measured_rps" p99[$row,$c]+=" $measured_p99"
      cpu[$row,$c]+=" $measured_cpu" vol[$row,$c]+=" $measured_vol" invol[$row,$c]+=" $measured_invol"
      steal[$row,$c]+=" $measured_steal"
      round_rps[$row,$c]=$measured_rps
      stop_process "$server_pid"
      echo "   $([ "$rounds" = 1 ] || echo "round $round: ")$row, $c connections: $measured_rps req/s, p99 $measured_p99 ms;" \
        "server $measured_cpu CPU-µs, $measured_vol + $measured_invol context switches per request; steal $measured_steal %" >&2
    done
  done
  for row in $rows; do
    for c in $connections; do
      [ -z "${round_rps[handwritten,$c]:-}" ] ||
        ratios[$row,$c]+=" $(python3 -c "print(${round_rps[$row,$c]} / ${round_rps[handwritten,$c]})")"
    done
  done
done

# --- the table ---
label() {
  case $1 in
    bare) echo "bare Kestrel AOT (read body, 200)" ;;
    handwritten) echo "hand-written receiver (JIT)" ;;
    inline) echo "XWebhooks inline" ;;
    inline-jit) echo "XWebhooks inline, JIT" ;;
    sqlite) echo "XWebhooks SQLite inbox (default durability)" ;;
    sqlite-process) echo "XWebhooks SQLite inbox ($durability_value durability)" ;;
    redis) echo "XWebhooks Redis inbox (appendfsync $appendfsync)" ;;
  esac
}
# Prints a Markdown table: a line per row, three columns per connection count (header-cells C prints their
# headers, row-cells ROW C their cells).
markdown_table() { # first-header header-cells row-cells
  local header="| ${1:+$1 }|" rule="|---|" row c line
  for c in $connections; do header+=" $($2 "$c") |"; rule+="---:|---:|---:|"; done
  echo "$header"; echo "$rule"
  for row in $rows; do
    line="| $(label "$row") |"
    for c in $connections; do line+=" $($3 "$row" "$c") |"; done
    echo "$line"
  done
}
rate_headers() { echo "req/s @$1 | p99 @$1 | × hand-written @$1"; }
# shellcheck disable=SC2086 # the cells are space-separated lists, one value per round
rate_cells() { # row connections
  local ratio="–"
  [ -z "${ratios[$1,$2]:-}" ] || ratio=$(printf '%.2f' "$(median ${ratios[$1,$2]})")
  echo "$(python3 -c "print('%.1fk' % ($(median ${rps[$1,$2]}) / 1000))") | $(printf '%.2f' "$(median ${p99[$1,$2]})") ms | $ratio"
}
# What one request cost the server, from /proc: less moved by a shared machine's steal than req/s is.
cost_headers() { echo "CPU-µs @$1 | switches vol + invol @$1 | steal @$1"; }
# shellcheck disable=SC2086
cost_cells() { # row connections
  echo "$(printf '%.0f' "$(median ${cpu[$1,$2]})") | $(printf '%.2f' "$(median ${vol[$1,$2]})") + $(printf '%.2f' "$(median ${invol[$1,$2]})") | $(sed 's/^ //; s/ /, /g' <<<"${steal[$1,$2]}") %"
}
table="$out/table.md"
{
  markdown_table "" rate_headers rate_cells
  echo
  markdown_table "server, per request" cost_headers cost_cells
} >"$table"
echo
cat "$table"
echo
echo "p99 is wrk's 99th percentile of request-to-response time: the time to acknowledge a delivery."
echo "CPU-µs and context switches are the server process's (all threads, /proc) per request; steal is the machine's"
echo "during each run (per round when several). Compare builds by these when steal differs between runs."
[ "$rounds" = 1 ] || echo "Each cell is the median of $rounds rounds; the ratio is the median of each round's ratio to that round's hand-written run."
