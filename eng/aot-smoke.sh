#!/usr/bin/env bash
# Publishes the sample as Native AOT, fails on any trim/AOT warning (IL2xxx/IL3xxx), then starts the
# binary on 127.0.0.1 and checks a CRC answer and a signed delivery. Prints size and time to first CRC.
set -euo pipefail
cd "$(dirname "$0")/.."

out=artifacts/aot-sample
log=artifacts/aot-publish.log
mkdir -p artifacts
rm -rf "$out"
echo "== Native AOT publish of samples/XWebhooks.Sample"
if ! dotnet publish samples/XWebhooks.Sample -c Release -r linux-x64 -p:PublishAot=true -o "$out" >"$log" 2>&1; then
  cat "$log"; echo "AOT publish failed"; exit 1
fi
if grep -E 'warning IL[23][0-9]{3}' "$log"; then
  echo "AOT publish produced trim/AOT warnings (above)"; exit 1
fi
binary="$out/XWebhooks.Sample"
echo "AOT publish: 0 IL2xxx/IL3xxx warnings; binary $(du -h "$binary" | cut -f1) ($(stat -c %s "$binary") bytes)"

secret="aot-smoke-secret"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
url="http://127.0.0.1:$port/webhooks/x"
start_ns=$(date +%s%N)
XWebhooks__ConsumerSecret="$secret" ASPNETCORE_URLS="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning "$binary" >artifacts/aot-sample.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT

token="OWY4ODQ2ZjgtNDljMC00NDY2LWJhMGQtYTE4NzQ0MTM2OGFi"
expected="sha256=$(printf '%s' "$token" | openssl dgst -sha256 -hmac "$secret" -binary | base64)"
crc=""
for _ in $(seq 1 500); do
  if crc=$(curl -fsS "$url?crc_token=$token" 2>/dev/null); then break; fi
  sleep 0.01
done
end_ns=$(date +%s%N)
if [ "$crc" != "{\"response_token\":\"$expected\"}" ]; then
  echo "CRC answer wrong: '$crc'"; cat artifacts/aot-sample.log; exit 1
fi
echo "Time from process start to first correct CRC answer: $(( (end_ns - start_ns) / 1000000 )) ms"

body='{"data":{"event_uuid":"1","event_type":"post.create","payload":{"id":"1","text":"hi"}}}'
signature="sha256=$(printf '%s' "$body" | openssl dgst -sha256 -hmac "$secret" -binary | base64)"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "x-twitter-webhooks-signature: $signature" -H 'content-type: application/json' --data-binary "$body" "$url")
[ "$status" = 200 ] || { echo "signed delivery answered $status"; cat artifacts/aot-sample.log; exit 1; }
status=$(curl -s -o /dev/null -w '%{http_code}' -H "x-twitter-webhooks-signature: sha256=AAAA" -H 'content-type: application/json' --data-binary "$body" "$url")
[ "$status" = 401 ] || { echo "forged delivery answered $status"; exit 1; }
echo "AOT smoke test passed: CRC ok, signed delivery 200, forged delivery 401"
