#!/usr/bin/env python3
"""Samples the inbox depth (deliveries stored, not yet completed) once a second, for benchmarks/sustained.sh.

Usage: inbox-depth.py sqlite DB_PATH
       inbox-depth.py redis PORT KEY_PREFIX
Prints "<unix time> <depth>" per second until terminated; "<unix time> ?" when a read fails (e.g. a busy file).
The queries of the stores' layouts are here, in one place: change them when a store changes its schema.
"""
import signal
import sqlite3
import subprocess
import sys
import time

# SQLite (src/XWebhooks.Sqlite/SqliteSchema.cs): one xwh_inbox row per delivery until it completes or is dead-lettered.
SQLITE_INBOX_DEPTH = "SELECT COUNT(*) FROM xwh_inbox"


def sqlite_depth(path):
    # Read-only, beside the receiver's writer: in WAL mode a reader sees the last committed state without blocking it.
    connection = sqlite3.connect("file:%s?mode=ro" % path, uri=True, timeout=0.5)

    def read():
        return connection.execute(SQLITE_INBOX_DEPTH).fetchone()[0]

    return read


# Redis (src/XWebhooks.Redis/RedisWebhookInbox.cs): one entry in the <prefix>inbox stream per delivery until it
# completes (XACK + XDEL), plus the retry schedule <prefix>retry (a sorted set) for those waiting to run again.
def redis_depth(port, prefix):
    def count(*command):
        return int(subprocess.run(["redis-cli", "-p", port, *command], check=True, capture_output=True, text=True).stdout.strip() or 0)

    def read():
        return count("XLEN", prefix + "inbox") + count("ZCARD", prefix + "retry")

    return read


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "sqlite":
        read = sqlite_depth(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "redis":
        read = redis_depth(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    next_sample = time.time()
    while True:
        now = time.time()
        try:
            depth = str(read())
        except (sqlite3.Error, subprocess.CalledProcessError, ValueError):
            depth = "?"
        print("%.3f %s" % (now, depth), flush=True)
        next_sample += 1
        time.sleep(max(0.0, next_sample - time.time()))


main()
