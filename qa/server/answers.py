"""Answers kept for texts sent again.

A CMS saving a draft, or an editor's plug-in re-checking on every pause, sends the
same article many times; while the text, the options, the config, the files it names
(a house word list) and the day are the same, so is the answer (LanguageTool's own
server keeps a result cache for the same reason). A repeat is answered from here,
without a worker. Only successful answers are kept, and only when no rule asks a
remote server; the cache is bounded in bytes and forgets the least recently used
answers first.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import pickle
from collections import OrderedDict
from collections.abc import Sequence

from qa.config import stamps
from qa.server.service import Answer, Job

#: Bytes of answer bodies kept (a 1,000-word article's answer is 10-50 KB).
CAPACITY = 32 << 20


class AnswerCache:
    """Successful answers by a digest of the job, the day (rules read today's date) and
    the state of ``files`` (what the config's settings name)."""

    def __init__(self, capacity: int = CAPACITY, files: Sequence[str] = ()) -> None:
        self.capacity = capacity
        self.size = 0
        self.files = tuple(files)
        self._answers: OrderedDict[bytes, Answer] = OrderedDict()

    def key(self, job: Job) -> bytes:
        state = (dt.date.today().toordinal(), stamps(self.files), job)
        payload = pickle.dumps(state, pickle.HIGHEST_PROTOCOL)
        return hashlib.blake2b(payload, digest_size=16).digest()

    def get(self, key: bytes) -> Answer | None:
        answer = self._answers.get(key)
        if answer is not None:
            self._answers.move_to_end(key)
        return answer

    def put(self, key: bytes, answer: Answer) -> None:
        if answer.status != 200 or len(answer.body) > self.capacity or key in self._answers:
            return
        self._answers[key] = answer
        self.size += len(answer.body)
        while self.size > self.capacity:
            _, old = self._answers.popitem(last=False)
            self.size -= len(old.body)
