#!/usr/bin/env python3
"""The floor the disk puts under the SQLite inbox's default durability (Fsync): how long an fsync of a log file takes.

An append under Durability=Fsync is acknowledged only after an fsync of the WAL that began after its commit, so its
time-to-ack is at least one fsync, and up to two when it arrives while another fsync runs. This script writes 16 KB
to a file and fsyncs it, over and over, as the WAL syncer does, and prints the latency distribution: alone, with
two more fsync loops beside it (fsyncs of one file overlap on some disks), and with busy loops on every core (the
server and wrk compete for the CPU in benchmarks/compare.sh). No .NET involved: it measures the machine.

Usage: python3 benchmarks/fsync-floor.py [directory] [seconds-per-case]
  directory          where the test file goes (default: $DB_DIR, else /tmp/xwebhooks-bench): the disk the inbox uses
  seconds-per-case   default 5
"""
import multiprocessing
import os
import sys
import threading
import time

FRAME = 16 * 1024
FILE_BYTES = 8 * 1024 * 1024  # overwritten in a ring, as a WAL is after a checkpoint restarts it


def fsync_loop(fd, stop_at, latencies, offset_lock, offset):
    frame = os.urandom(FRAME)
    while time.monotonic() < stop_at:
        with offset_lock:
            at = offset[0]
            offset[0] = (at + FRAME) % FILE_BYTES
        os.pwrite(fd, frame, at)
        started = time.perf_counter_ns()
        os.fsync(fd)
        latencies.append((time.perf_counter_ns() - started) / 1e6)


def busy(stop_at):
    while time.monotonic() < stop_at:
        pass


def run_case(path, seconds, loops, hog_cores):
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.pwrite(fd, b"\0" * FILE_BYTES, 0)
        os.fsync(fd)
        stop_at = time.monotonic() + seconds
        hogs = [multiprocessing.Process(target=busy, args=(stop_at,)) for _ in range(hog_cores)]
        for hog in hogs:
            hog.start()
        latencies, lock, offset = [], threading.Lock(), [0]
        threads = [threading.Thread(target=fsync_loop, args=(fd, stop_at, latencies, lock, offset))
                   for _ in range(loops)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for hog in hogs:
            hog.join()
    finally:
        os.close(fd)
        os.unlink(path)
    latencies.sort()
    count = len(latencies)

    def at(q):
        return latencies[min(count - 1, int(q * count))]

    return count / seconds, sum(latencies) / count, at(0.5), at(0.9), at(0.99), at(0.999)


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("DB_DIR", "/tmp/xwebhooks-bench")
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 5.0
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, "fsync-floor.test")
    cores = os.cpu_count() or 1
    print(f"fsync of 16 KB frames in {directory}, {seconds:g} s per case, {cores} cores")
    print("| case | fsyncs/s | mean | p50 | p90 | p99 | p99.9 |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    cases = [("one loop", 1, 0), ("three loops at once", 3, 0), (f"one loop, {cores} busy cores", 1, cores)]
    for label, loops, hogs in cases:
        rate, mean, p50, p90, p99, p999 = run_case(path, seconds, loops, hogs)
        print(f"| {label} | {rate:,.0f} | {mean:.2f} ms | {p50:.2f} ms | {p90:.2f} ms | {p99:.2f} ms | {p999:.2f} ms |")


if __name__ == "__main__":
    main()
