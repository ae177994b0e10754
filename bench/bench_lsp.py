"""Per-edit latency of ``qa lsp`` as an editor sees it: from sending a change to receiving
its diagnostics, with a real LSP client over stdio (the debounce is set to 0 here, so the
figure is the server's own cost; an editor adds the debounce, 150 ms by default).

    python bench/bench_lsp.py [ARTICLE] [--edits N]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from lsp_client import editor  # noqa: E402


async def measure(article: Path, edits: int) -> list[float]:
    text = article.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        story = root / article.name
        story.write_text(text, encoding="utf-8")
        async with editor(root, arguments=("--debounce", "0")) as session:
            uri = session.open(story)
            began = time.perf_counter()
            await session.diagnostics(uri, version=1)
            print(
                f"first diagnostics (data loaded at start-up): {(time.perf_counter() - began) * 1000:.0f} ms"
            )
            times = []
            for n in range(edits):
                typed = text + " और" * (n + 1)  # typing at the end of the story
                began = time.perf_counter()
                version = session.replace_all(uri, typed)
                await session.diagnostics(uri, version=version)
                times.append(time.perf_counter() - began)
            return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("article", nargs="?", type=Path, default=ROOT / "fixtures/articles/putin-xi-call.txt")
    parser.add_argument("--edits", type=int, default=30)
    args = parser.parse_args()
    times = sorted(asyncio.run(measure(args.article, args.edits)))
    ms = [t * 1000 for t in times]
    p90 = ms[int(0.9 * (len(ms) - 1))]
    print(
        f"{args.article.name} ({len(args.article.read_text(encoding='utf-8'))} characters), {len(ms)} edits: "
        f"median {statistics.median(ms):.0f} ms, p90 {p90:.0f} ms, max {ms[-1]:.0f} ms"
    )


if __name__ == "__main__":
    main()
