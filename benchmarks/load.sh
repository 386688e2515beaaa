#!/usr/bin/env bash
# Throughput of the XWebhooks receive path (AOT sample, inline and SQLite-inbox modes) against bare Kestrel
# (AOT, read body, 200), all on 127.0.0.1, driven by wrk with the same signed body. Prints rates, p99 and ratios.
# Needs: wrk, clang, zlib1g-dev, openssl (apt). Usage: benchmarks/load.sh [duration-seconds] [connections] [payload]
# payload: a name from XExamplePayloads (default activity/post.create) — a path under tests/fixtures without .json.
set -euo pipefail
cd "$(dirname "$0")/.."
. eng/common.sh
duration=${1:-10}
connections=${2:-32}
payload=${3:-activity/post.create}
secret="load-test-secret"
out=artifacts/load
mkdir -p "$out"

publish() { # project name
  dotnet publish "$1" -c Release -r linux-x64 -p:PublishAot=true -o "$out/$2" >"$out/$2.publish.log" 2>&1 || { cat "$out/$2.publish.log"; exit 1; }
}
echo "== publishing (Native AOT)"
[ -n "${SKIP_PUBLISH:-}" ] || publish samples/XWebhooks.Sample sample
[ -n "${SKIP_PUBLISH:-}" ] || publish benchmarks/XWebhooks.BareKestrel bare

body_file="tests/fixtures/$payload.json"
[ -f "$body_file" ] || { echo "no fixture $body_file"; exit 1; }
signature=$(x_signature "$secret" "$body_file")
lua="$out/post.lua"
python3 - "$body_file" "$signature" >"$lua" <<'PY'
import sys
body = open(sys.argv[1], 'rb').read()
# A Lua string literal with the body's exact bytes: printable ASCII as is, everything else as a decimal byte
# escape (JSON's \uXXXX escapes are not Lua, and the signature is over the file's bytes, so the bytes must match).
def lua_bytes(data):
    return '"' + ''.join(chr(b) if 32 <= b < 127 and b not in (34, 92) else '\\%03d' % b for b in data) + '"'
print('wrk.method = "POST"')
print('wrk.body = ' + lua_bytes(body))
print('wrk.headers["Content-Type"] = "application/json"')
print('wrk.headers["x-twitter-webhooks-signature"] = "%s"' % sys.argv[2])
print('''done = function(summary, latency, requests)
  local non200 = summary.errors.status
  io.write(string.format("non2xx=%d p99_us=%d\\n", non200, latency:percentile(99)))
end''')
PY


run() { # name binary inbox-mode -> prints requests/sec on stdout; every diagnostic goes to stderr (stdout is captured)
  local name=$1 binary=$2 mode=$3 port pid ready=0
  port=$(free_port)
  rm -f "$out/$name.db" "$out/$name.db-wal" "$out/$name.db-shm"
  XWebhooks__ConsumerSecret="$secret" ASPNETCORE_URLS="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning \
    XWebhooks__Inbox__Mode="$mode" XWebhooks__Inbox__Path="$out/$name.db" \
    Sample__EventsFile= "$binary" >"$out/$name.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 500); do
    if curl -s -o /dev/null "http://127.0.0.1:$port/webhooks/x" -X POST; then ready=1; break; fi
    sleep 0.01
  done
  if [ "$ready" != 1 ]; then
    echo "$name did not start listening on port $port:" >&2; cat "$out/$name.log" >&2; kill "$pid" 2>/dev/null || true; return 1
  fi
  if ! wrk -t2 -c"$connections" -d2s -s "$lua" "http://127.0.0.1:$port/webhooks/x" >"$out/$name.warmup.txt" 2>&1 ||  # warm-up
     ! wrk -t2 -c"$connections" -d"${duration}s" -s "$lua" "http://127.0.0.1:$port/webhooks/x" >"$out/$name.wrk.txt" 2>&1; then
    echo "wrk failed against $name:" >&2; cat "$out/$name.warmup.txt" "$out/$name.wrk.txt" >&2 2>/dev/null || true
    kill "$pid" 2>/dev/null || true; return 1
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
  if ! grep -q 'non2xx=0' "$out/$name.wrk.txt"; then
    echo "$name answered non-2xx:" >&2; cat "$out/$name.wrk.txt" >&2; tail -20 "$out/$name.log" >&2; return 1
  fi
  awk '/Requests\/sec/ {print $2}' "$out/$name.wrk.txt"
}

echo "== wrk: ${duration}s, $connections connections, body $payload ($(stat -c %s "$body_file") bytes)"
bare=$(run bare "$out/bare/XWebhooks.BareKestrel" none) || exit 1
inline=$(run inline "$out/sample/XWebhooks.Sample" Inline) || exit 1
inbox=$(run inbox "$out/sample/XWebhooks.Sample" Sqlite) || exit 1
p99() { grep -o 'p99_us=[0-9]*' "$out/$1.wrk.txt" | cut -d= -f2 | awk '{printf "%.2f ms", $1/1000}'; }
echo "bare Kestrel (read body, 200):         $bare req/s  p99 $(p99 bare)"
echo "XWebhooks sample, inline handlers:     $inline req/s  p99 $(p99 inline)"
echo "XWebhooks sample, SQLite inbox (ack):  $inbox req/s  p99 $(p99 inbox)"
python3 -c "print('ratio inline / bare: %.3f   inbox / bare: %.3f   inbox / inline: %.3f' % ($inline / $bare, $inbox / $bare, $inbox / $inline))"
