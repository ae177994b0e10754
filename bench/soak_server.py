"""A bounded soak of ``qa serve`` on loopback: flat memory, zero errors, hostile clients.

Usage: python bench/soak_server.py [--rounds 6] [--workers 8] [--per-round 240]

Complements ``bench/bench_server.py`` (latency and throughput of one burst). Here the
server takes ``--rounds`` rounds of concurrent load on both endpoints with 1,000-word
news articles; after each round it reports requests/second, p99 of a sequential
sample, errors and the memory of the server's processes, which must stay flat (growth
after the first round under 20 %). Then hostile clients: an oversize body (413),
malformed JSON and a missing field (4xx, never 500), slow clients that open connections
and stall mid-request while normal traffic must still be served, texts that cost a rule
minutes (cut at the time limit, after which the server must burn no more CPU), and, on a
server limited to 1,024 descriptors, 1,100 clients dripping their request heads.
Everything stays on 127.0.0.1 and ends by itself; the exit code is 1 when any check fails.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_server import articles, latency, load, requests_for, start_server

HOST = "127.0.0.1"


def tree(pid: int) -> list[int]:
    """``pid`` and its descendants (the server, its forkserver and check workers)."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        found.append(todo.pop())
        todo += parents.get(found[-1], [])
    return found


def memory_mb(pid: int) -> float:
    """Proportional set size of the server's process tree (shared pages counted once)."""
    total = 0
    for member in tree(pid):
        try:
            lines = Path(f"/proc/{member}/smaps_rollup").read_text().splitlines()
        except OSError:
            continue
        total += sum(int(line.split()[1]) for line in lines if line.startswith("Pss:"))
    return total / 1024


def cpu_seconds(pid: int) -> float:
    """CPU time used so far by the server's live process tree."""
    ticks = 0
    for member in tree(pid):
        try:
            fields = Path(f"/proc/{member}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def status_of(port: int, method: str, path: str, body: bytes, headers: dict[str, str]) -> int:
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status
    except OSError:
        return -1
    finally:
        connection.close()


def hostile(port: int) -> list[tuple[str, str, bool]]:
    """(case, what happened, as expected)."""
    json_headers = {"Content-Type": "application/json"}
    cases = [
        ("2 MB body", ("POST", "/api/v1/check", json.dumps({"text": "क" * 2_000_000}).encode()), {413}),
        ("malformed JSON", ("POST", "/api/v1/check", b'{"text": "\xe0\xa4'), {400, 422}),
        ("no text field", ("POST", "/api/v1/check", b'{"txt": "abc"}'), {400, 422}),
        ("wrong method", ("GET", "/api/v1/check", b""), {405}),
    ]
    found = []
    for name, (method, path, body), expected in cases:
        status = status_of(port, method, path, body, json_headers)
        found.append((name, f"HTTP {status}", status in expected))
    found.append(slow_clients(port))
    return found


def slow_clients(port: int, count: int = 16, stall: float = 3.0) -> tuple[str, str, bool]:
    """``count`` clients send half a request and stall; meanwhile normal requests must succeed."""
    sockets = []
    body = json.dumps({"text": "ज़्यादा राष्ट्रपति ने कहा,बातचीत जारी है।"}).encode()
    for i in range(count):
        sock = socket.create_connection((HOST, port), timeout=10)
        head = "POST /api/v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        if i % 2:  # half send every header and half the body
            head += f"Content-Length: {len(body)}\r\n\r\n"
            sock.sendall(head.encode() + body[: len(body) // 2])
        else:  # half stop in the middle of the headers
            sock.sendall(head.encode())
        sockets.append(sock)
    start = time.monotonic()
    served = sum(
        status_of(port, "POST", "/api/v1/check", body, {"Content-Type": "application/json"}) == 200
        for _ in range(20)
    )
    elapsed = time.monotonic() - start
    time.sleep(max(0.0, stall - elapsed))
    for sock in sockets:
        sock.close()
    alive = status_of(port, "GET", "/v2/healthcheck", b"", {}) == 200
    return (
        f"{count} stalled clients",
        f"{served}/20 served in {elapsed:.1f}s, alive after: {alive}",
        served == 20 and alive,
    )


NORMAL = json.dumps({"text": "ज़्यादा राष्ट्रपति ने कहा,बातचीत जारी है।"}).encode()
JSON = {"Content-Type": "application/json"}


def cpu_attack(port: int, pid: int, count: int = 4, size: int = 30_000) -> tuple[str, str, bool]:
    """``count`` texts of mixed digits at once (U029 is quadratic in a digit run), then normal copy.

    Reports when the hostile requests are answered, how long after the burst normal copy
    is answered 200 again, and the CPU the server still burns in the 5 s after that.
    """
    hostile = json.dumps({"text": "४" * (size // 2) + "9" * (size // 2)}).encode()
    answers: list[tuple[int, float]] = []
    start = time.monotonic()

    def send() -> None:
        status = status_of(port, "POST", "/api/v1/check", hostile, JSON)
        answers.append((status, time.monotonic() - start))

    threads = [threading.Thread(target=send) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    while status_of(port, "POST", "/api/v1/check", NORMAL, JSON) != 200 and time.monotonic() - start < 300:
        time.sleep(0.5)
    free = time.monotonic() - start
    before = cpu_seconds(pid)
    time.sleep(5)
    burnt = cpu_seconds(pid) - before
    statuses = "/".join(str(s) for s, _ in answers)
    result = (
        f"{statuses} after {max(t for _, t in answers):.1f}s; normal copy 200 after {free:.1f}s; "
        f"then {burnt:.1f} CPU s in 5 s"
    )
    return f"{count} x {size // 1000}k digits", result, burnt < 1.0


def drip_attack(port: int, count: int = 1100, normal: int = 20) -> tuple[str, str, bool]:
    """``count`` connections send half a request head and stall; ``normal`` requests meanwhile."""
    sockets = []
    for _ in range(count):
        try:
            sock = socket.create_connection((HOST, port), timeout=10)
            sock.sendall(b"POST /api/v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: appl")
        except OSError:
            break
        sockets.append(sock)
    times, served = [], 0
    for _ in range(normal):
        begin = time.monotonic()
        served += status_of(port, "POST", "/api/v1/check", NORMAL, JSON) == 200
        times.append(time.monotonic() - begin)
    deadline, cut = time.monotonic() + 20, 0
    for sock in sockets:
        sock.settimeout(max(0.01, deadline - time.monotonic()))
        try:
            cut += sock.recv(1) == b""
        except ConnectionResetError:
            cut += 1
        except OSError:
            pass
        sock.close()
    times.sort()
    result = (
        f"{served}/{normal} served (p50 {statistics.median(times) * 1000:.0f} ms, max "
        f"{times[-1] * 1000:.0f} ms); {cut}/{len(sockets)} cut off within 20 s"
    )
    return f"{len(sockets)} dripping clients", result, served == normal


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--per-round", type=int, default=240)
    args = parser.parse_args(argv)
    texts = articles(12)
    mixed = [r for rs in requests_for(texts).values() for r in rs]
    process, port = start_server()
    failed = False
    try:
        latency(port, mixed, 24)  # warm-up: every rule and data file loaded
        print(
            f"qa serve soak: {args.rounds} rounds x {args.per_round} requests, {args.workers} clients, "
            f"1,000-word articles; server memory (PSS) after warm-up {memory_mb(process.pid):.0f} MB\n"
        )
        print(f"{'round':>5} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'PSS MB':>8}")
        memory = []
        for number in range(1, args.rounds + 1):
            rate, errors = load(port, mixed, args.workers, args.per_round)
            times, sequential_errors = latency(port, mixed, 60)
            times.sort()
            memory.append(memory_mb(process.pid))
            p99 = times[min(len(times) - 1, int(len(times) * 0.99))] * 1000
            errors += sequential_errors
            failed |= errors > 0
            print(
                f"{number:>5} {rate:>8.1f} {statistics.median(times) * 1000:>8.1f} {p99:>8.1f} {errors:>7} "
                f"{memory[-1]:>8.0f}"
            )
        growth = (memory[-1] - memory[0]) / memory[0] if len(memory) > 1 else 0.0
        flat = growth < 0.20
        failed |= not flat
        print(f"\nmemory from round 1 to {args.rounds}: {growth:+.1%} ({'flat' if flat else 'GROWING'})\n")
        print(f"{'hostile client':<22} {'result':<48} ok")
        for name, result, ok in [*hostile(port), cpu_attack(port, process.pid)]:
            failed |= not ok
            print(f"{name:<22} {result:<48} {'yes' if ok else 'NO'}")
    finally:
        process.terminate()
        process.wait(timeout=10)
    # A server limited to 1,024 descriptors, as on a default Linux box, against 1,100 slow clients.
    process, port = start_server(nofile=1024)
    try:
        name, result, ok = drip_attack(port)
        failed |= not ok
        print(f"{name:<22} {result:<48} {'yes' if ok else 'NO'}")
    finally:
        process.terminate()
        process.wait(timeout=10)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
