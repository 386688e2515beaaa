# Helpers shared by benchmarks/compare.sh and benchmarks/sustained.sh (source after eng/common.sh, from the repo root).
# Every process started through them is ended when the script exits, however it exits.

bench_bin=artifacts/bench-bin  # the builds, shared by both scripts so SKIP_PUBLISH=1 reuses them

# Where the SQLite runs keep their inbox files (DB_DIR, else a directory under $TMPDIR or /tmp): outside the
# repository. The scripts start the sample from the repository's root, which makes that its content root, and
# configuration watches the content root's whole tree for changes: an inbox inside it wakes that watcher on every
# write (docs/reliability.md, "Keep the inbox out of watched directories"), which is not what a user measures.
bench_db_dir() { # script-name
  echo "${DB_DIR:-${TMPDIR:-/tmp}/xwebhooks-bench/$1}"
}

# Prints the sample's start-up warning that its inbox file is in a watched directory (event 106), if it logged one.
warn_if_watched() { # server-log
  ! grep -q "which configuration watches for changes" "$1" ||
    echo "warning: the inbox file is in a directory configuration watches; these SQLite numbers include that cost (see $1)" >&2
}

fail() { echo "FAIL: $*" >&2; exit 1; }

bench_started=()
bench_stop_all() {
  local pid
  for pid in "${bench_started[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${bench_started[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap bench_stop_all EXIT
trap 'exit 130' INT TERM

require_tools() { # tool...
  local tool
  for tool in "$@"; do command -v "$tool" >/dev/null || fail "$tool is not installed (apt package of the same name)"; done
}

# The instruction set the Native AOT builds target (AOT_ISA; ILC's --instruction-set). Default: native, the CPU of
# this machine, which is what the JIT builds compiled on it use too; the portable default of a plain `dotnet publish`
# leaves out AVX2, and System.Text.Json's string scanning (IndexOfAny over SearchValues) then runs a slower path
# (docs/reliability.md, "Native AOT against the JIT"). AOT_ISA= (empty) publishes the portable binary.
aot_isa=${AOT_ISA-native}
aot_args=(-r linux-x64 -p:PublishAot=true)
[ -z "$aot_isa" ] || aot_args+=("-p:IlcInstructionSet=$aot_isa")

# Publishes what the scripts run into $bench_bin/<name>, unless SKIP_PUBLISH is set (then checks it is there).
# Names: bare and sample (Native AOT), sample-jit (the sample on the JIT), handwritten and cli (JIT).
publish_builds() { # name...
  local name project args
  for name in "$@"; do
    case $name in
      bare) project=benchmarks/XWebhooks.BareKestrel args=("${aot_args[@]}") ;;
      sample) project=samples/XWebhooks.Sample args=("${aot_args[@]}") ;;
      # The sample's minimal API relies on the request delegate generator, which PublishAot turns on.
      sample-jit) project=samples/XWebhooks.Sample args=(-p:PublishAot=false -p:EnableRequestDelegateGenerator=true) ;;
      handwritten) project=benchmarks/XWebhooks.HandWritten args=() ;;
      cli) project=src/XWebhooks.Cli args=() ;;
      *) fail "publish_builds: unknown build $name" ;;
    esac
    if [ -n "${SKIP_PUBLISH:-}" ]; then
      [ -d "$bench_bin/$name" ] || fail "no build in $bench_bin/$name (run once without SKIP_PUBLISH)"
      continue
    fi
    echo "== publishing $project"
    mkdir -p "$bench_bin"
    dotnet publish "$project" -c Release -o "$bench_bin/$name" "${args[@]}" >"$bench_bin/$name.publish.log" 2>&1 ||
      { cat "$bench_bin/$name.publish.log" >&2; fail "publish of $project (log above)"; }
  done
}

# Starts a command in the background with its output in a log file; sets started_pid.
start_process() { # log command...
  local log=$1; shift
  "$@" >"$log" 2>&1 &
  started_pid=$!
  bench_started+=("$started_pid")
}

# Runs a command to its end with its output in a log file and returns its exit status. In the background and waited
# for, because bash runs a trap only between foreground commands but interrupts `wait`: Ctrl+C ends it at once.
run_logged() { # log command...
  local status=0
  start_process "$@"
  wait "$started_pid" || status=$?
  forget_process "$started_pid"
  return "$status"
}

stop_process() { # pid
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  forget_process "$1"
}

# Drops an ended process from the list the exit trap kills, so a later process that reuses its id is left alone.
forget_process() { # pid
  local pid kept=()
  for pid in "${bench_started[@]}"; do [ "$pid" = "$1" ] || kept+=("$pid"); done
  bench_started=("${kept[@]}")
}

# Waits until a receiver answers a correctly signed POST with 200; fails with its log otherwise.
wait_for_receiver() { # pid url secret body-file log name
  local pid=$1 url=$2 secret=$3 body=$4 log=$5 name=$6 status=""
  for _ in $(seq 1 1000); do
    kill -0 "$pid" 2>/dev/null || break
    status=$(x_signed_post "$secret" "$body" "$url" 2>/dev/null || true)
    [ "$status" = 000 ] || [ -z "$status" ] || break
    sleep 0.02
  done
  if [ "$status" != 200 ]; then
    cat "$log" >&2
    fail "$name did not answer a signed POST with 200 (status '${status:-none}'; its log above, $log)"
  fi
}

# Starts a local redis-server with the append-only file on (appendfsync policy as given); sets redis_port.
start_redis() { # dir appendfsync
  local dir=$1 appendfsync=$2
  require_tools redis-server redis-cli
  redis_port=$(free_port)
  rm -rf "$dir" && mkdir -p "$dir"
  start_process "$dir/server.log" redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$dir" --save '' \
    --appendonly yes --appendfsync "$appendfsync"
  for _ in $(seq 1 200); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && return 0; sleep 0.05; done
  cat "$dir/server.log" >&2
  fail "redis-server did not start (log above)"
}

# What a process has used so far, from /proc (no tools needed): "cpu-ticks voluntary involuntary", the context switches
# summed over its live threads. Counts per request move much less with the machine's steal than time does
# (docs/reliability.md, "Context switches"), so they compare two builds better than req/s on a shared machine.
proc_counters() { # pid
  local pid=$1 ticks
  ticks=$(sed 's/.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')
  cat /proc/"$pid"/task/*/status 2>/dev/null |
    awk -v ticks="$ticks" '/^voluntary_ctxt/ {v += $2} /^nonvoluntary_ctxt/ {n += $2} END {print ticks, v, n}'
}

# The machine's CPU time so far, from /proc/stat: "steal-ticks all-ticks" (steal: time the hypervisor gave this
# machine's CPUs to someone else; a run with much of it is slow for reasons outside the process measured).
cpu_steal_counters() {
  awk '/^cpu / {all = 0; for (i = 2; i <= 9; i++) all += $i; print $9, all}' /proc/stat
}
