"""A bounded soak of ``qa serve`` on loopback: flat memory, zero errors, hostile clients.

Usage: python bench/soak_server.py [--rounds 6] [--workers 8] [--per-round 240]

Complements ``bench/bench_server.py`` (latency and throughput of one burst). Here the
server takes ``--rounds`` rounds of concurrent load on both endpoints with 1,000-word
news articles; after each round it reports requests/second, p99 of a sequential
sample, errors and the server's resident memory, which must stay flat (growth after
the first round under 20 %). Then hostile clients: an oversize body (413), malformed
JSON and a missing field (4xx, never 500), and slow clients that open connections
and stall mid-request while normal traffic must still be served. Everything stays on
127.0.0.1 and ends by itself; the exit code is 1 when any check fails.
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_server import articles, latency, load, requests_for, start_server

HOST = "127.0.0.1"


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


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
            f"1,000-word articles; server RSS after warm-up {rss_mb(process.pid):.0f} MB\n"
        )
        print(f"{'round':>5} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'RSS MB':>8}")
        memory = []
        for number in range(1, args.rounds + 1):
            rate, errors = load(port, mixed, args.workers, args.per_round)
            times, sequential_errors = latency(port, mixed, 60)
            times.sort()
            memory.append(rss_mb(process.pid))
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
        for name, result, ok in hostile(port):
            failed |= not ok
            print(f"{name:<22} {result:<48} {'yes' if ok else 'NO'}")
    finally:
        process.terminate()
        process.wait(timeout=10)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
