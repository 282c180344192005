"""Batch: run `extract_article` over many inputs, in parallel, and write records and errors in
input order.

    inputs ──> ingest (this process, in order) ──> cached in OUTDIR? ── yes ──┐
                                                    │ no                        │
                                                    └─> engine: chunks of articles run by
                                                        `process_chunk` on local worker
                                                        processes or a Dask cluster ──> output
                                                        in input order (manifest.Store)

The queue between ingest and output holds a bounded number of articles, so memory stays flat
however large the corpus. Each article runs under a time budget: one pathological article
becomes an error line instead of a hung worker.
"""
from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from .engines import WorkerDied, open_engine
from .extract import extract_article
from .ingest import InputError, RawArticle, is_url, iter_articles, printable  # not .web: its import costs 50 ms
from .manifest import Store
from .writer import encode_line

# Seconds one article may take before it is written as an `ArticleTimeout` error.
ARTICLE_TIMEOUT = float(os.environ.get("CCHC_ARTICLE_TIMEOUT", "60"))
DEADLINE_SLACK = 10.0  # seconds on top of the budgets before a task counts as stuck
CHUNK_SIZE = 4  # articles per task: amortises the per-task overhead, keeps the order cheap
QUEUED_PER_WORKER = 16  # articles between ingest and output, per worker: the memory bound
DEATHS_PER_TASK = 2  # a task whose worker died this often is split; a single article, given up


@dataclass
class Summary:
    articles: int = 0  # records this run read or computed (new, updated or unchanged)
    failed: int = 0
    reused: int = 0  # outputs taken from OUTDIR's manifest/journal instead of recomputed
    seconds: float = 0.0
    new: int = 0  # records the archive gained
    updated: int = 0  # records replaced in place (same doc_id, another line)
    kept: int = 0  # records the archive had and still has as they were

    def line(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        return (f"cchc: {self.new:,} new, {self.updated:,} updated, {self.kept:,} kept, "
                f"{self.failed:,} failed ({self.articles:,} articles read, {self.reused:,} reused, "
                f"{rate:.1f} articles/s)")


# --------------------------------------------------------------------------- one article

class ArticleTimeout(BaseException):
    """Raised inside an article's extraction when its time budget runs out. A BaseException,
    so that `process`'s catch-all does not turn it into an ordinary (cacheable) error."""


def process(item: RawArticle | InputError, include_text: bool = True) -> tuple[str, dict]:
    """("record", record) or ("error", error line) for one input; never raises."""
    if isinstance(item, InputError):
        return "error", {"source": item.source, "error": item.error, "message": item.message}
    try:
        return "record", extract_article(item, include_text=include_text)
    except Exception as exc:  # one article's bug must not stop the batch
        return "error", {"source": item.source, "error": type(exc).__name__,
                         "message": f"extraction failed: {exc}"}


def timeout_error(source: str, budget: float) -> dict:
    return {"source": source, "error": "ArticleTimeout",
            "message": f"extraction took longer than {budget:g} s and was stopped"}


def lost_error(source: str, exc: BaseException) -> dict:
    return {"source": source, "error": type(exc).__name__,
            "message": f"the engine lost this article's task: {exc}"}


def death_error(source: str) -> dict:
    return {"source": source, "error": "WorkerDied",
            "message": f"the worker process died {DEATHS_PER_TASK} times while extracting this "
                       "article (out of memory?); it was given up"}


@contextmanager
def time_budget(seconds: float):
    """Raise ArticleTimeout in this block after `seconds` (SIGALRM: Python code and the `regex`
    matcher check for it). Only in a process's main thread; elsewhere (Dask worker threads)
    the engine's deadline on the whole task is the guard."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise ArticleTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def process_line(raw: RawArticle, include_text: bool, budget: float) -> tuple[str, bytes]:
    """(kind, output line) for one article: kind "record", "error", or "transient" for an
    error that must not be cached (the budget ran out; the next run may have more time)."""
    try:
        with time_budget(budget):
            kind, obj = process(raw, include_text)
    except ArticleTimeout:
        return "transient", encode_line(timeout_error(raw.source, budget))
    return kind, encode_line(obj)


def process_chunk(raws: list[RawArticle], include_text: bool, budget: float) -> list[tuple[str, bytes]]:
    """The task an engine runs: a few articles, their output lines serialised by the worker."""
    return [process_line(raw, include_text, budget) for raw in raws]


# --------------------------------------------------------------------------- ordering

@dataclass
class Slot:
    """One input's place in the output order, filled once its line is known."""

    source: str
    key: str | None = None  # cache key (None: input errors, stdout runs)
    sha: str | None = None
    kind: str | None = None  # "record" | "error" | "transient" (an error not to cache)
    line: bytes | None = None
    reused: bool = False
    text: str | None = None  # the article's text, for the archive's duplicate check


@dataclass
class Task:
    """Consecutive slots that leave the queue together; `raws` are still being computed."""

    slots: list[Slot]
    raws: list[RawArticle] = field(default_factory=list)
    handle: object = None
    deaths: int = 0  # times a worker died running it


class OrderedRunner:
    """Sends uncached articles to the engine in chunks and hands every slot back in input
    order, never holding more than `limit` of them."""

    def __init__(self, engine, include_text: bool, budget: float, limit: int,
                 chunk_size: int = CHUNK_SIZE, notify=None):
        self.engine = engine
        self.notify = notify or (lambda message: print(message, file=sys.stderr))
        self.include_text, self.budget = include_text, budget
        self.limit, self.chunk_size = limit, chunk_size
        self.queue: deque[Task] = deque()
        self.filling = Task([])  # the chunk being gathered, not yet submitted
        self.queued = 0  # slots in `queue` and `filling`

    def run(self, items: Iterable[RawArticle | InputError], sink) -> Iterator[Slot]:
        for item in items:
            self.add(item, sink)
            while self.queued > self.limit:
                yield from self.pop()
        self.flush()
        while self.queue:
            yield from self.pop()

    def add(self, item: RawArticle | InputError, sink) -> None:
        self.queued += 1
        if isinstance(item, InputError):
            self.add_ready(Slot(item.source, kind="error", line=encode_line(process(item)[1])))
            return
        key, sha = sink.key(item)
        hit = sink.cached(key)
        if hit:
            self.add_ready(Slot(item.source, key, sha, *hit, reused=True, text=item.text))
            return
        self.filling.slots.append(Slot(item.source, key, sha, text=item.text))
        self.filling.raws.append(item)
        if len(self.filling.raws) >= self.chunk_size:
            self.flush()

    def add_ready(self, slot: Slot) -> None:
        self.flush()  # what was gathered before this slot goes before it
        self.queue.append(Task([slot]))

    def flush(self) -> None:
        if self.filling.slots:
            self.filling.handle = self.submit(self.filling.raws)
            self.queue.append(self.filling)
            self.filling = Task([])

    def submit(self, raws: list[RawArticle]):
        return self.engine.submit(raws, self.include_text, self.budget)

    def pop(self) -> list[Slot]:
        task = self.queue.popleft()
        if task.raws and not self.settle(task):
            return []  # split into single articles, back at the head of the queue
        self.queued -= len(task.slots)
        return task.slots

    def settle(self, task: Task) -> bool:
        """Fill the task's slots from the engine; False if it was stuck and got split."""
        # a task at the head of the queue is running or next: every earlier one is done
        deadline = self.budget * (len(task.raws) + 1) + DEADLINE_SLACK
        try:
            results = self.engine.result(task.handle, deadline)
        except WorkerDied as exc:
            return self.recover(task, exc)
        except TimeoutError:
            return self.unstick(task, timeout_error(task.slots[0].source, self.budget))
        except Exception as exc:  # the engine lost the task (a Dask worker died, ...)
            return self.unstick(task, lost_error(task.slots[0].source, exc))
        for slot, (kind, line) in zip(task.slots, results):
            slot.kind, slot.line = kind, line
        return True

    def recover(self, head: Task, exc: WorkerDied) -> bool:
        """A worker died: say so once, restart the workers (a worker killed while taking a task
        can leave the pool unable to hand out the next) and submit again, at once, every task
        not yet done. A task that was running on a dead worker again and again is split into
        single articles; a single article, given up as a `WorkerDied` error. Returns False:
        the head task is back at the head of the queue."""
        self.engine.restart()
        tasks, requeued = [head, *self.queue], []
        self.queue.clear()
        lost = 0
        for task in tasks:
            if not task.raws or (task.handle is not None and task.handle.ready()):
                requeued.append(task)  # done before the death: its result stands
                continue
            if task.handle in exc.lost:
                task.deaths += 1
                lost += len(task.raws)
            if task.deaths >= DEATHS_PER_TASK and len(task.raws) > 1:
                singles = [Task([slot], [raw]) for slot, raw in zip(task.slots, task.raws)]
            elif task.deaths >= DEATHS_PER_TASK:
                [slot] = task.slots
                slot.kind, slot.line = "transient", encode_line(death_error(slot.source))
                task.raws = []
                requeued.append(task)
                continue
            else:
                singles = [task]
            for single in singles:
                single.handle = self.submit(single.raws)
                requeued.append(single)
        self.queue.extend(requeued)
        what = f"{lost} article{'s' * (lost != 1)}" if lost else "the articles in progress"
        self.notify(f"cchc: {exc}; {what} retried")
        return False

    def unstick(self, task: Task, error: dict) -> bool:
        """A task blew its deadline despite the per-article budget (stuck in C code, or on Dask
        where the budget cannot interrupt a thread) or was lost. One article: `error` becomes
        its line. Several: retry them one by one to find the culprit."""
        others_lost = self.engine.abandon(task.handle)
        retries = []
        if len(task.raws) > 1:
            retries = [Task([slot], [raw]) for slot, raw in zip(task.slots, task.raws)]
            for retry in retries:  # submitted before the rest, so they run first
                retry.handle = self.submit(retry.raws)
        if others_lost:
            for waiting in self.queue:
                if waiting.raws:
                    waiting.handle = self.submit(waiting.raws)
        if retries:
            self.queue.extendleft(reversed(retries))
            return False
        [slot] = task.slots
        slot.kind, slot.line = "transient", encode_line(error)
        return True


# --------------------------------------------------------------------------- output

class StdoutSink:
    """`-o -`: records to standard output, no manifest (errors go to stderr only)."""

    reused = 0

    def __init__(self):
        self.written = 0

    def key(self, raw: RawArticle) -> tuple[None, None]:
        return None, None

    def cached(self, key) -> None:
        return None

    def save(self, key, kind, line) -> None:
        pass

    def write(self, kind: str, line: bytes, key=None, sha=None, text=None) -> None:
        if kind == "record":
            sys.stdout.buffer.write(line)
            self.written += 1

    def counts(self) -> tuple[int, int, int]:
        """(new, updated, kept): standard output holds no archive, every record is new."""
        return self.written, 0, 0

    def commit(self) -> None:
        sys.stdout.buffer.flush()

    def close(self) -> None:
        pass


class NoBar:
    def update(self, n: int = 1) -> None:
        pass

    def write(self, message: str) -> None:
        print(message, file=sys.stderr)

    def close(self) -> None:
        pass


def progress_bar():
    """A tqdm bar on stderr when it is a terminal; otherwise (logs, CI, tests) nothing."""
    if not sys.stderr.isatty():
        return NoBar()
    try:
        from tqdm import tqdm
    except ImportError:
        return NoBar()
    tqdm.monitor_interval = 0  # no monitor thread: the pool may fork again after a timeout
    return tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True, leave=False)


def emit(slot: Slot, sink, summary: Summary, bar) -> None:
    """Write one slot's line in order, journal it if new, and count it."""
    kind = "error" if slot.kind == "transient" else slot.kind
    cacheable = slot.key is not None and slot.kind != "transient"
    if cacheable and not slot.reused:
        sink.save(slot.key, kind, slot.line)
    sink.write(kind, slot.line, slot.key if cacheable else None, slot.sha, slot.text)
    slot.text = None  # written: the queue need not hold it any longer
    if kind == "record":
        summary.articles += 1
    else:
        summary.failed += 1
        err = json.loads(slot.line)
        bar.write(printable(f"cchc: {err['source']}: {err['error']}: {err['message']}"))
    summary.reused += slot.reused
    bar.update(1)


def iter_inputs(inputs: list[str], web: "WebInputs | None") -> Iterator[RawArticle | InputError]:
    """Local inputs and URL inputs, in the order given."""
    local: list[str] = []
    for item in inputs:
        if web is not None and is_url(item):
            yield from iter_articles(local)
            local = []
            yield from web.articles([item])
        else:
            local.append(item)
    yield from iter_articles(local)


class WebInputs:
    """The fetcher and the HTTP state of one run's URL inputs, opened only if there are some."""

    def __init__(self, state_dir, fresh: bool, config=None):
        from .web import HttpState
        from .web.fetch import Fetcher

        self.state = HttpState.load(state_dir, fresh=fresh)
        self.fetcher = Fetcher(config)

    def articles(self, urls: list[str]):
        from .web import iter_web_articles

        return iter_web_articles(urls, self.fetcher, self.state)

    def commit(self) -> None:
        self.state.save()

    def close(self) -> None:
        self.fetcher.close()


def read_url_list(path: str) -> list[str]:
    """The URLs of a `--urls` file: one a line; blank lines and # comments skipped."""
    try:
        with open(path, encoding="utf-8") as fh:
            lines = [ln.strip() for ln in fh]
    except (OSError, UnicodeDecodeError) as exc:
        raise SystemExit(f"cchc: cannot read the URL list {path}: {getattr(exc, 'strerror', None) or exc}") from None
    return [ln for ln in lines if ln and not ln.startswith("#")]


def run_extract(inputs: list[str], out: str, include_text: bool = True, workers: int = 1,
                force: bool = False, engine: str = "local", scheduler: str | None = None,
                article_timeout: float | None = None, replace: bool = False,
                urls_file: str | None = None, fetch_config=None) -> Summary:
    start = time.perf_counter()
    summary = Summary()
    workers = max(1, workers or 1)
    budget = ARTICLE_TIMEOUT if article_timeout is None else article_timeout
    inputs = [*inputs, *(read_url_list(urls_file) if urls_file else [])]
    sink = StdoutSink() if out == "-" else Store(out, include_text=include_text, force=force, replace=replace)
    web = None
    if any(is_url(item) for item in inputs):
        web = WebInputs(None if out == "-" else sink.state, fresh=replace or force, config=fetch_config)
    try:
        with open_engine(engine, workers, scheduler) as executor:
            bar = progress_bar()
            runner = OrderedRunner(executor, include_text, budget, limit=executor.workers * QUEUED_PER_WORKER,
                                   notify=lambda message: bar.write(printable(message)))
            try:
                for slot in runner.run(iter_inputs(inputs, web), sink):
                    emit(slot, sink, summary, bar)
            finally:
                bar.close()
        sink.commit()
        if web is not None:
            web.commit()  # after the records: a page is known only once its record is archived
    finally:
        sink.close()
        if web is not None:
            web.close()
    summary.new, summary.updated, summary.kept = sink.counts()
    summary.seconds = time.perf_counter() - start
    print(summary.line(), file=sys.stderr)
    return summary
