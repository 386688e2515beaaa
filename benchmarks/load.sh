#!/usr/bin/env bash
# Throughput of the XWebhooks receive path (AOT sample) against bare Kestrel (AOT, read body, 200), both on
# 127.0.0.1, driven by wrk with the same signed body. Prints both rates and their ratio.
# Needs: wrk, clang, zlib1g-dev, openssl (apt). Usage: benchmarks/load.sh [duration-seconds] [connections] [payload]
# payload: a name from XExamplePayloads (default activity/post.create) — a path under tests/fixtures without .json.
set -euo pipefail
cd "$(dirname "$0")/.."
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
publish samples/XWebhooks.Sample sample
publish benchmarks/XWebhooks.BareKestrel bare

body_file="tests/fixtures/$payload.json"
[ -f "$body_file" ] || { echo "no fixture $body_file"; exit 1; }
signature="sha256=$(openssl dgst -sha256 -hmac "$secret" -binary <"$body_file" | base64)"
lua="$out/post.lua"
python3 - "$body_file" "$signature" >"$lua" <<'PY'
import sys, json
body = open(sys.argv[1], 'rb').read().decode('utf-8')
print('wrk.method = "POST"')
print('wrk.body = ' + json.dumps(body))
print('wrk.headers["Content-Type"] = "application/json"')
print('wrk.headers["x-twitter-webhooks-signature"] = "%s"' % sys.argv[2])
print('''done = function(summary, latency, requests)
  local non200 = summary.errors.status
  io.write(string.format("non2xx=%d p99_us=%d\\n", non200, latency:percentile(99)))
end''')
PY

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

run() { # name binary -> prints requests/sec
  local name=$1 binary=$2 port pid rps
  port=$(free_port)
  XWebhooks__ConsumerSecret="$secret" ASPNETCORE_URLS="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning \
    Sample__EventsFile= "$binary" >"$out/$name.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 500); do curl -s -o /dev/null "http://127.0.0.1:$port/webhooks/x" -X POST && break; sleep 0.01; done
  wrk -t2 -c"$connections" -d2s -s "$lua" "http://127.0.0.1:$port/webhooks/x" >/dev/null  # warm-up
  wrk -t2 -c"$connections" -d"${duration}s" -s "$lua" "http://127.0.0.1:$port/webhooks/x" >"$out/$name.wrk.txt"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  grep -q 'non2xx=0' "$out/$name.wrk.txt" || { echo "$name answered non-2xx:"; cat "$out/$name.wrk.txt"; exit 1; }
  awk '/Requests\/sec/ {print $2}' "$out/$name.wrk.txt"
}

echo "== wrk: ${duration}s, $connections connections, body $payload ($(stat -c %s "$body_file") bytes)"
bare=$(run bare "$out/bare/XWebhooks.BareKestrel")
sample=$(run sample "$out/sample/XWebhooks.Sample")
echo "bare Kestrel:           $bare req/s  ($(grep -o 'p99_us=[0-9]*' "$out/bare.wrk.txt"))"
echo "XWebhooks AOT sample:   $sample req/s  ($(grep -o 'p99_us=[0-9]*' "$out/sample.wrk.txt"))"
python3 -c "print('ratio (sample / bare): %.3f' % ($sample / $bare))"
