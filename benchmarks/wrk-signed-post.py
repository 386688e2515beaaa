#!/usr/bin/env python3
"""Writes a wrk Lua script that POSTs a body signed as X signs it, for benchmarks/compare.sh.

Usage: wrk-signed-post.py BODY_FILE SECRET OUT_LUA [UNIQUE THREADS]

UNIQUE = 0 (default): every request carries the file's exact bytes with one signature, as X's retries do.
UNIQUE = N > 0: a pool of N distinct events (the file with its event_uuid replaced by same-length unique digits,
each signed), written beside OUT_LUA; each wrk thread cycles through its own share of the pool (every THREADS-th event,
read into memory before any thread sends), so requests beyond N are re-sends of events already sent. A run
continues where an earlier run against the same server stopped when it is given that run's "next" as its script
argument (wrk ... -s OUT_LUA URL -- NEXT); without it every run starts at the pool's first event, and a measurement
after a warm-up would begin with re-sends of the warm-up's events.

The script's done() prints one line compare.sh reads: "result non2xx=<n> socket_errors=<n> p99_us=<n>", followed in
pool mode by " next=<n>" (the position in each thread's share to give the next run).
"""
import base64
import hashlib
import hmac
import re
import sys

SIGNATURE_HEADER = "x-twitter-webhooks-signature"


def signature(secret, body):
    return "sha256=" + base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def lua_bytes(data):
    # A Lua string literal with the exact bytes: printable ASCII as is, everything else as a decimal escape (JSON's
    # \uXXXX escapes are not Lua, and the signature is over the file's bytes, so the bytes must match).
    return '"' + ''.join(chr(b) if 32 <= b < 127 and b not in (34, 92) else '\\%03d' % b for b in data) + '"'


DONE = '''
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("result non2xx=%d socket_errors=%d p99_us=%d\\n",
    e.status, e.connect + e.read + e.write + e.timeout, latency:percentile(99)))
end
'''


def one_body(body, secret):
    return (
        'wrk.method = "POST"\n'
        'wrk.body = %s\n'
        'wrk.headers["Content-Type"] = "application/json"\n'
        'wrk.headers["%s"] = "%s"\n' % (lua_bytes(body), SIGNATURE_HEADER, signature(secret, body))
    )


def unique_pool(body, secret, count, threads, pool_path):
    match = re.search(rb'("event_uuid"\s*:\s*")(\d+)(")', body)
    if not match:
        sys.exit("UNIQUE needs an X Activity API body with an event_uuid; this one has none")
    width = len(match.group(2))
    record = None
    with open(pool_path, "wb") as pool:
        for i in range(count):
            uuid = str(10 ** (width - 1) + i).encode()  # same length as the original, so every body has one size
            unique = body[:match.start(2)] + uuid + body[match.end(2):]
            data = signature(secret, unique).encode() + unique
            record = record or len(data)
            assert len(data) == record
            pool.write(data)
    signature_length = len(signature(secret, body))
    return '''
local pool_path, record, signature_length, threads = "%s", %d, %d, %d
local thread_count, started_threads = 0, {}
local requests, ready = {}, false
first, sent = 0, 0 -- globals: done() reads them from each thread; setup() sets run_id and thread_index in each

local function ready_path(run, index)
  return pool_path .. ".ready." .. run .. "." .. index
end

function setup(thread)
  -- One id per wrk run (a table's address differs from run to run), so markers of an earlier run never count.
  run_id = run_id or (os.time() .. "-" .. tostring({}):match("0x(%%x+)"))
  thread:set("run_id", run_id)
  thread:set("thread_index", thread_count)
  thread_count = thread_count + 1
  started_threads[#started_threads + 1] = thread
end

-- wrk runs the threads' init one after the other and starts each thread as soon as its own init returned; reading a
-- share of the pool takes seconds. So each thread marks that it is ready, and delay() holds every thread's first
-- request until all are: otherwise the first thread sent for seconds before the measurement began, and wrk counted
-- those requests in it.
function init(args)
  first = tonumber(args[1]) or 0
  -- Record by record, keeping only this thread's share: the whole pool in one string would exceed LuaJIT's memory.
  local file = assert(io.open(pool_path, "rb"))
  local i = 0
  while true do
    local data = file:read(record)
    if not data or #data < record then break end
    if i %% threads == thread_index then
      local headers = { ["Content-Type"] = "application/json",
                        ["%s"] = data:sub(1, signature_length) }
      requests[#requests + 1] = wrk.format("POST", nil, headers, data:sub(signature_length + 1))
    end
    i = i + 1
  end
  file:close()
  assert(io.open(ready_path(run_id, thread_index), "w")):close()
end

function delay()
  if ready then return 0 end
  for index = 0, threads - 1 do
    local marker = io.open(ready_path(run_id, index), "r")
    if not marker then return 5 end
    marker:close()
  end
  ready = true
  return 0
end

function request()
  local index = (first + sent) %% #requests + 1
  sent = sent + 1
  return requests[index]
end

done = function(summary, latency, requests)
  local e, next = summary.errors, 0
  for index, thread in ipairs(started_threads) do
    next = math.max(next, thread:get("first") + thread:get("sent"))
    os.remove(ready_path(run_id, index - 1))
  end
  io.write(string.format("result non2xx=%%d socket_errors=%%d p99_us=%%d next=%%d\\n",
    e.status, e.connect + e.read + e.write + e.timeout, latency:percentile(99), next))
end
''' % (pool_path, record, signature_length, threads, SIGNATURE_HEADER)


def main():
    if len(sys.argv) not in (4, 6):
        sys.exit(__doc__)
    body_file, secret, out_lua = sys.argv[1:4]
    unique = int(sys.argv[4]) if len(sys.argv) == 6 else 0
    threads = int(sys.argv[5]) if len(sys.argv) == 6 else 1
    body = open(body_file, "rb").read()
    script = one_body(body, secret) if unique == 0 else unique_pool(body, secret, unique, threads, out_lua + ".pool")
    with open(out_lua, "w") as out:
        out.write(script + (DONE if unique == 0 else ""))


main()
