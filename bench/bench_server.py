"""Latency and throughput of ``qa serve`` on loopback, for a 1,000-word news article.

Usage: python bench/bench_server.py [--requests 200] [--workers 8] [--load 800] [--generator vegeta]

Starts ``qa serve`` as a subprocess on a free port, builds a 1,000-word article from
the shared news corpus at run time (the text is never stored in the project), then:

1. latency: ``--requests`` sequential requests per endpoint on one keep-alive
   connection (p50, p99, max);
2. throughput and latency under load: a bounded load generator (``--workers`` threads,
   each on its own connection, ``--load`` requests in all per endpoint); requests/second,
   p50/p99 of every request under that load, and errors;
3. the same load on texts the server has answered before ("again": a CMS saving a draft
   or a plug-in re-checking an unchanged text), which its answer cache answers.

Every text in 1. and 2. is one the server has not seen (a numbered last line makes it so).
Before timing, every check worker is warmed by as many concurrent clients as the load uses.
Each row gives the CPU per request of the load generator and of the server (all its
processes), from /proc: the generator shares the cores it measures.

``--generator vegeta`` drives every request with vegeta, a compiled load generator, each
text a target of its own (installed on first use into ``$QA_BENCH_CACHE``, default
``~/.cache/qa-bench``, with ``go install``; without go the Python threads are used). On a
busy machine its Go threads, which spin briefly for the answer instead of sleeping, read
lower latencies than the Python generator's threads do, for about the same CPU per request.

Every non-200 answer or transport failure counts as an error. Targets: p99 < 20 ms with
8 concurrent clients, zero errors. The machine's load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import base64
import http.client
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import CACHE, install

from corpora import DATA, news_documents

ROOT = Path(__file__).resolve().parent.parent
WORDS = 1000
VEGETA = "github.com/tsenart/vegeta/v12@v12.13.0"


def articles(count: int, words: int = WORDS) -> list[str]:
    """``count`` different articles of ``words`` words each from the news corpus, line breaks kept.

    Distinct texts keep per-text caches in the rules from flattering the numbers.
    """
    found: list[str] = []
    lines: list[str] = []
    taken = 0
    for _, text in news_documents():
        for line in text.splitlines():
            tokens = line.split()
            while tokens:
                take, tokens = tokens[: words - taken], tokens[words - taken :]
                lines.append(" ".join(take))
                taken += len(take)
                if taken == words:
                    found.append("\n".join(lines) + "\n")
                    lines, taken = [], 0
                    if len(found) == count:
                        return found
    raise SystemExit(f"need {count * words} words of news copy under {DATA} (set QA_SHARED_DATA)")


def start_server(
    nofile: int | None = None, concurrency: int | None = None
) -> tuple[subprocess.Popen[bytes], int]:
    """``qa serve`` on a free port; ``nofile``: its open-file limit (as on a default Linux box);
    ``concurrency``: its check workers (default: the server's own default)."""
    import resource
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    folder = tempfile.mkdtemp(prefix="qa-bench-")
    if concurrency is not None:
        Path(folder, "qa.toml").write_text(f"[server]\nconcurrency = {concurrency}\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QA_LANGUAGETOOL_URL": ""}

    def limit() -> None:
        if nofile is not None:
            resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, nofile))

    process = subprocess.Popen(
        [sys.executable, "-m", "qa.cli", "serve", "--port", str(port)], cwd=folder, env=env, preexec_fn=limit
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            connection.request("GET", "/v2/healthcheck")
            if connection.getresponse().status == 200:
                return process, port
        except OSError:
            time.sleep(0.1)
    process.terminate()
    raise SystemExit("qa serve did not start")


def distinct(texts: list[str], count: int, start: int = 0) -> list[str]:
    """``count`` texts never sent before: ``texts`` in rotation, each with a numbered last line,
    so that the server's answer cache never answers them."""
    return [f"{texts[i % len(texts)]}क्रमांक {i}\n" for i in range(start, start + count)]


Request = tuple[str, str, bytes, dict[str, str]]
_JSON = {"Content-Type": "application/json"}
_FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def requests_for(texts: list[str]) -> dict[str, list[Request]]:
    """Per endpoint, one request per text."""
    return {
        "POST /api/v1/check": [
            ("POST", "/api/v1/check", json.dumps({"text": t}, ensure_ascii=False).encode(), _JSON)
            for t in texts
        ],
        "POST /v2/check": [
            ("POST", "/v2/check", urllib.parse.urlencode({"language": "hi-IN", "text": t}).encode(), _FORM)
            for t in texts
        ],
    }


def _send(connection: http.client.HTTPConnection, request: Request) -> bool:
    method, path, body, headers = request
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    response.read()
    return response.status == 200


def latency(port: int, requests: list[Request], count: int) -> tuple[list[float], int]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    times, errors = [], 0
    for i in range(count):
        start = time.perf_counter()
        try:
            ok = _send(connection, requests[i % len(requests)])
        except OSError:
            ok = False
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        times.append(time.perf_counter() - start)
        errors += not ok
    return times, errors


def load(
    port: int, requests: list[Request], workers: int, total: int, times: list[float] | None = None
) -> tuple[float, int]:
    """Requests/second with ``workers`` concurrent clients sending ``total`` requests; errors.

    ``times``, if given, receives every request's latency (seconds) under that load.
    """
    remaining = [total]
    errors = [0]
    lock = threading.Lock()

    def take() -> int:
        with lock:
            remaining[0] -= 1
            return remaining[0]

    def worker() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while (index := take()) >= 0:
            start = time.perf_counter()
            try:
                ok = _send(connection, requests[index % len(requests)])
            except OSError:
                ok = False
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            elapsed = time.perf_counter() - start
            with lock:
                errors[0] += not ok
                if times is not None:
                    times.append(elapsed)

    threads = [threading.Thread(target=worker) for _ in range(workers)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return total / (time.perf_counter() - start), errors[0]


def vegeta() -> str | None:
    """The vegeta binary, installed on first use (None without go)."""
    binary = CACHE / "bin" / "vegeta"
    if not binary.exists() and shutil.which("go"):
        print(f"installing {VEGETA} into {CACHE / 'bin'} ...", flush=True)
        install(["go", "install", VEGETA], env={**os.environ, "GOBIN": str(CACHE / "bin")})
    return str(binary) if binary.exists() else None


def vegeta_load(
    binary: str, port: int, requests: list[Request], workers: int, total: int, times: list[float]
) -> tuple[float, int]:
    """:func:`load` driven by vegeta: ``workers`` connections, ``total`` requests, each answer
    awaited before the connection sends the next (``-rate=0``)."""
    targets = [
        {
            "method": method,
            "url": f"http://127.0.0.1:{port}{path}",
            "body": base64.b64encode(body).decode(),
            "header": {name: [value] for name, value in headers.items()},
        }
        for method, path, body, headers in (requests[i % len(requests)] for i in range(total))
    ]
    command = [binary, "attack", "-format=json", "-lazy", "-rate=0", "-http2=false"]
    start = time.perf_counter()
    attack = subprocess.run(
        [*command, f"-workers={workers}", f"-max-workers={workers}"],
        input="\n".join(json.dumps(target) for target in targets).encode(),
        capture_output=True,
        check=True,
    )
    elapsed = time.perf_counter() - start
    encode = [binary, "encode", "-to=json"]
    encoded = subprocess.run(encode, input=attack.stdout, capture_output=True, check=True)
    # the attack ends with one result that only says the targets ran out
    results = [json.loads(line) for line in encoded.stdout.splitlines()]
    answered = [result for result in results if result["code"] or "no targets" not in result["error"]]
    times.extend(result["latency"] / 1e9 for result in answered)
    return total / elapsed, sum(result["code"] != 200 for result in answered)


def in_process(texts: list[str], count: int) -> dict[str, list[float]]:
    """The same checks without HTTP (what the server adds is the difference)."""
    from qa.config import Config
    from qa.server.service import Service
    from qa.server.settings import Settings

    service = Service(Config(), Settings())
    calls = {
        "in-process check": lambda t: service.check(t),
        "in-process /v2": lambda t: service.languagetool_check({"language": "hi-IN", "text": t}),
    }
    times: dict[str, list[float]] = {}
    for name, call in calls.items():
        times[name] = []
        for i in range(count):
            start = time.perf_counter()
            call(texts[i % len(texts)])
            times[name].append(time.perf_counter() - start)
    return times


def _cpu_seconds(pid: int) -> float:
    """User and system CPU seconds of ``pid`` and its descendants (0 without /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    spent: dict[int, float] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        parents[int(entry.name)] = int(fields[1])
        spent[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    family, grown = {pid}, True
    while grown:
        grown = False
        for child, parent in parents.items():
            if parent in family and child not in family:
                family.add(child)
                grown = True
    return sum(spent.get(member, 0.0) for member in family)


def _own_cpu_seconds() -> float:
    """CPU seconds of this process and of its children that have ended (vegeta's runs)."""
    mine, theirs = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return mine.ru_utime + mine.ru_stime + theirs.ru_utime + theirs.ru_stime


class CpuMeter:
    """CPU per request of this process (the load generator) and of the server's processes."""

    def __init__(self, server: int) -> None:
        self.server = server
        self.start = (_own_cpu_seconds(), _cpu_seconds(server))

    def per_request(self, requests: int) -> str:
        client, server = _own_cpu_seconds() - self.start[0], _cpu_seconds(self.server) - self.start[1]
        return f"{1000 * client / requests:.2f}/{1000 * server / requests:.1f}"


def _ms(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def row(name: str, times: list[float], rest: str = "") -> str:
    """One line of the table: percentiles of ``times`` (seconds) in milliseconds, then ``rest``."""
    figures = (_ms(times, 0.5), _ms(times, 0.99), 1000 * max(times), statistics.mean(times) * 1000)
    return f"{name:<28} " + " ".join(f"{f:>8.1f}" for f in figures) + f" {rest}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="sequential requests per endpoint")
    parser.add_argument("--workers", type=int, default=8, help="concurrent clients in the load test")
    parser.add_argument("--load", type=int, default=800, help="requests per endpoint in the load test")
    parser.add_argument("--texts", type=int, default=200, help="distinct 1,000-word articles to rotate")
    parser.add_argument("--concurrency", type=int, help="the server's check workers (default: its own)")
    parser.add_argument("--generator", choices=("python", "vegeta"), default="python", help="load generator")
    args = parser.parse_args(argv)
    binary = vegeta() if args.generator == "vegeta" else None
    if args.generator == "vegeta" and binary is None:
        print("vegeta could not be installed (is go on the PATH?): Python threads drive the load")
    warmup, *texts = articles(args.texts + 1)
    process, port = start_server(concurrency=args.concurrency)
    rows: list[str] = []

    def drive(requests: list[Request], clients: int, total: int, times: list[float]) -> str:
        """Send ``total`` of ``requests`` from ``clients``; the rest of the table's row."""
        meter = CpuMeter(process.pid)
        if binary is None:
            rate, errors = load(port, requests, clients, total, times)
        else:
            rate, errors = vegeta_load(binary, port, requests, clients, total, times)
        return f"{rate:>10.1f} {errors:>7} {meter.per_request(total):>12}"

    try:
        sequential = requests_for(distinct(texts, args.requests))
        loaded = requests_for(distinct(texts, args.load, args.requests))
        repeated = requests_for(texts[: args.workers])
        for name in sequential:
            warming = requests_for(distinct([warmup], 10 * args.workers, -10 * args.workers))[name]
            load(port, warming, args.workers, len(warming))  # every worker: imports, pages, memos
            times: list[float] = []
            rest = drive(sequential[name], 1, args.requests, times)
            rows.append(row(f"{name}, 1 client", times, rest))
            for kind, requests in (("", loaded[name]), (" again", repeated[name])):
                if kind:
                    latency(port, requests, len(requests))  # answered once, kept by the server
                timed: list[float] = []
                rest = drive(requests, args.workers, args.load, timed)
                rows.append(row(f"{name}, {args.workers} clients{kind}", timed, rest))
    finally:
        process.terminate()
        process.wait(timeout=10)
    for name, times in in_process(texts, args.requests).items():
        rows.append(row(name, times))
    size = sum(len(t) for t in texts) // len(texts)
    print(f"{len(texts)} articles of {WORDS} words (~{size} characters) in rotation; ", end="")
    print(f"{args.requests} sequential requests per endpoint")
    print(f"load: {args.workers} concurrent clients x {args.load} requests per endpoint (loopback)")
    generator = "vegeta" if binary else "Python threads"
    print(f"load generator: {generator}; CPU ms/req: the generator / the server (all its processes)")
    print(f"load average before: {' '.join(f'{v:.2f}' for v in LOAD_BEFORE)}, after: ", end="")
    print(" ".join(f"{v:.2f}" for v in os.getloadavg()))
    header = ("p50 ms", "p99 ms", "max ms", "mean ms")
    columns = f" {'req/s':>10} {'errors':>7} {'CPU ms/req':>12}"
    print(f"{'endpoint':<28} " + " ".join(f"{h:>8}" for h in header) + columns)
    print("\n".join(rows))


LOAD_BEFORE = os.getloadavg()

if __name__ == "__main__":
    main()
