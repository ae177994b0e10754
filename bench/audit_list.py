"""List T findings (warnings and errors) on an audit corpus, to judge by hand.

Prints one TSV row per finding in the columns of the audit files (file, start, code,
word, first suggestion) followed by the word in its context, and a ``# words: N``
header. Judged rows go to an audit TSV that bench/audit_precision.py summarises.

The audit copy of this round: the second half of the held-out Wikipedia lines
(documents from line :data:`AUDIT_FROM` on), which no count was built from and which
were not read while the precision gates were tuned, the IL-NER test and dev sentences
(``--corpus ilner-test --from-line 0``) and the HiNER validation sentences, never read
for tuning; the next round's, the corrected HiWikiEdits train sentences
(``--corpus hiwikiedits-train-tgt --from-line 0``).

Usage: python bench/audit_list.py [--corpus wikipedia-held-out] [--from-line N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from qa import api
from qa.config import Config
from qa.diagnostic import Severity

from corpora import CORPORA, line_corpus, word_count

#: Sentence sets read only for this audit (never for tuning): IL-NER's test and dev
#: splits and the HiNER validation sentences.
AUDIT_ONLY = {
    **{
        f"ilner-{split}": lambda split=split: line_corpus(f"ilner-hindi-sentences/ilner_hindi_{split}.txt")
        for split in ("test", "dev")
    },
    "hiner-validation": lambda: line_corpus("hiner-validation-sentences/hiner_validation_sentences.txt"),
    # The corrected side of the HiWikiEdits train pairs: Wikipedia sentences in no count, never
    # read for tuning (the misspelling register was mined from the erroneous side's edits).
    "hiwikiedits-train-tgt": lambda: line_corpus("hiwikiedits-hi-gec/train.tgt"),
}

#: The first line (of the corpus's 20-line documents) that belongs to the audit half.
AUDIT_FROM = 1121


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpora = {**CORPORA, **AUDIT_ONLY}
    parser.add_argument("--corpus", choices=sorted(corpora), default="wikipedia-held-out")
    parser.add_argument("--from-line", type=int, default=AUDIT_FROM)
    args = parser.parse_args()
    config = Config()
    config.values["select"] = ["T"]
    words, rows = 0, []
    for name, text in corpora[args.corpus]():
        line = int(name.rsplit(":", 1)[1]) if ":" in name else 0
        if line < args.from_line:
            continue
        words += word_count(text)
        for d in api.check(text, config=config):
            if d.severity < Severity.WARNING:
                continue
            word = text[d.start : d.end]
            first = d.suggestions[0] if d.suggestions else ""
            context = text[max(0, d.start - 50) : d.end + 50].replace("\n", " ")
            rows.append(f"{name}\t{d.start}\t{d.code}\t{word}\t{first}\t| {context}")
    print(f"# words: {words}")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
