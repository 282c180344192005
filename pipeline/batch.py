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

from .extract import extract_article
from .ingest import InputError, RawArticle, iter_articles, printable
from .manifest import Store, pipeline_version
from .web.crawl import is_url
from .writer import encode_line

# Seconds one article may take before it is written as an `ArticleTimeout` error.
ARTICLE_TIMEOUT = float(os.environ.get("CCHC_ARTICLE_TIMEOUT", "60"))
DEADLINE_SLACK = 10.0  # seconds on top of the budgets before a task counts as stuck
CHUNK_SIZE = 4  # articles per task: amortises the per-task overhead, keeps the order cheap
QUEUED_PER_WORKER = 16  # articles between ingest and output, per worker: the memory bound
POLL_SECONDS = 0.5  # how often a wait for a result also checks that the workers are alive
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


class WorkerDied(Exception):
    """A local worker process died (the out-of-memory killer, a signal) while waiting for a
    result; `lost`: the handles of the tasks it was running, which will never complete."""

    def __init__(self, message: str, lost: set):
        super().__init__(message)
        self.lost = lost


def death_error(source: str) -> dict:
    return {"source": source, "error": "WorkerDied",
            "message": f"the worker process died {DEATHS_PER_TASK} times while extracting this "
                       "article (out of memory?); it was given up"}


def _how_it_died(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        return f"killed by {name}" + (", perhaps by the out-of-memory killer" if name == "SIGKILL" else "")
    return f"exited with status {exitcode}"


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


# --------------------------------------------------------------------------- engines

WARM_UP_TEXT = ("Năm 2023, UBND huyện Tân Hồng tiếp nhận 2.065 hồ sơ, đạt 100% đúng hạn. "
                "Ông Nguyễn Văn Hội, Chủ tịch UBND huyện, ký Kế hoạch số 249/KH-UBND.")


class LocalEngine:
    """Worker processes on this machine (multiprocessing). The models are loaded once here,
    before the workers fork, so the workers share them instead of each loading a copy."""

    def __init__(self, workers: int):
        import multiprocessing

        self.workers = workers  # tasks that run at once
        self.context = multiprocessing.get_context()
        self.pool = None  # started on the first task: a fully cached run needs no workers
        self.running = None  # shared with the workers: (pid, number of the task it runs) pairs
        self.processes: dict[int, object] = {}  # the pool's worker processes, by pid
        self.tasks: dict[int, object] = {}  # number -> handle of the tasks not yet collected
        self.numbers: dict[object, int] = {}
        self.count = 0

    def submit(self, *args):
        if self.pool is None:
            warm_up()
            self.start_pool()
        self.count += 1
        handle = self.pool.apply_async(run_task, (self.count, *args))
        self.tasks[self.count], self.numbers[handle] = handle, self.count
        return handle

    def start_pool(self) -> None:
        self.running = self.context.Array("q", 2 * (2 * self.workers + 2))  # room for replacements
        self.pool = self.context.Pool(self.workers, initializer=init_worker,
                                      initargs=(os.getpid(), self.running))
        self.processes = {p.pid: p for p in getattr(self.pool, "_pool", [])}
        self.tasks.clear()
        self.numbers.clear()

    def restart(self) -> None:
        self.discard()
        self.start_pool()

    def discard(self) -> None:
        """Kill the pool's workers and drop the pool. Not `terminate()`: a worker that died (or
        is killed) while holding one of the pool's queue locks, or halfway through writing a
        result, would make it wait forever. The old pool's threads are left blocked, as daemons."""
        from multiprocessing import pool as mp_pool

        old, self.pool = self.pool, None
        handler = getattr(old, "_worker_handler", None)
        if handler is not None:  # first stop it from starting new workers
            handler._state = mp_pool.TERMINATE
            old._change_notifier.put(None)
            handler.join(5)
        for process in getattr(old, "_pool", []):
            if process.exitcode is None:
                try:
                    os.kill(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        for process in getattr(old, "_pool", []):
            process.join(5)
        if hasattr(old, "_terminate"):
            old._terminate.cancel()  # its exit-time finalizer would block the same way
            old._state = mp_pool.TERMINATE

    def result(self, handle, timeout: float):
        """The task's result. Waits in short steps, checking between them that no worker died:
        the pool replaces a dead worker but never runs its task again."""
        import multiprocessing

        deadline = time.monotonic() + timeout
        while True:
            try:
                result = handle.get(max(0.0, min(POLL_SECONDS, deadline - time.monotonic())))
            except multiprocessing.TimeoutError:
                pass
            else:
                self.tasks.pop(self.numbers.pop(handle, -1), None)
                return result
            dead = self.dead_workers()
            if dead:
                raise WorkerDied(*dead)
            if time.monotonic() >= deadline:
                raise TimeoutError

    def dead_workers(self) -> tuple[str, set] | None:
        """(what happened, handles of the tasks lost) if a worker process died since the last
        look, else None."""
        for process in getattr(self.pool, "_pool", []):
            self.processes.setdefault(process.pid, process)
        dead = {pid: p.exitcode for pid, p in self.processes.items() if p.exitcode is not None}
        if not dead:
            return None
        lost = set()
        with self.running.get_lock():
            for i in range(0, len(self.running), 2):
                if self.running[i] in dead:
                    handle = self.tasks.get(self.running[i + 1])
                    if handle is not None and not handle.ready():
                        lost.add(handle)
                    self.running[i] = self.running[i + 1] = 0
        for pid in dead:
            del self.processes[pid]
        what = "; ".join(f"worker process {pid} {_how_it_died(code)}" for pid, code in sorted(dead.items()))
        return what, lost

    def abandon(self, handle) -> bool:
        """A task outlived its deadline: kill its worker (the pool cannot single one out, so all
        of them) and start afresh. Returns True: every other submitted task is lost too."""
        self.restart()
        return True

    def close(self, ok: bool) -> None:
        if self.pool is None:
            return
        if ok:
            self.pool.close()
            self.pool.join()
        else:
            self.discard()


class DaskEngine:
    """The same tasks as Dask futures: on the cluster at `scheduler`, else on a LocalCluster
    of `workers` single-threaded worker processes."""

    def __init__(self, workers: int, scheduler: str | None):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise SystemExit("cchc: --engine dask needs dask[distributed] "
                             "(pip install 'dask[distributed]')") from None
        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1,
                                        dashboard_address=None)
            self.client = Client(self.cluster)
        self.check_versions()
        self.workers = max(workers, sum(self.client.nthreads().values()))  # tasks that run at once

    def check_versions(self) -> None:
        """Every worker must run the same pipeline, or the manifest would mix versions."""
        ours = pipeline_version()
        try:
            theirs = self.client.run(pipeline_version)
        except Exception as exc:  # typically: the package is not installed on the workers
            self.close(ok=False)
            raise SystemExit(f"cchc: cannot run the pipeline on the Dask workers ({type(exc).__name__}: "
                             f"{exc}); install cchc-metrics on every worker") from None
        stale = sorted(addr for addr, version in theirs.items() if version != ours)
        if stale:
            self.close(ok=False)
            raise SystemExit(f"cchc: Dask workers {', '.join(stale)} run another pipeline version "
                             f"than this client ({ours}); install the same cchc-metrics there")

    def submit(self, *args):
        return self.client.submit(process_chunk, *args, pure=False)

    def result(self, handle, timeout: float):
        return handle.result(timeout=timeout)  # raises TimeoutError past the deadline

    def abandon(self, handle) -> bool:
        """Dask cannot stop a running task's thread: give up on it; the others stay valid."""
        handle.cancel()
        return False

    def close(self, ok: bool) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


_RUNNING = None  # in a worker: LocalEngine.running, and this worker's pair in it
_SLOT: int | None = None


def init_worker(parent_pid: int, running) -> None:
    """Worker initializer: die with the main process; leave Ctrl-C to it (SIGINT goes to the
    whole process group, and the main process alone reports it and cleans up); take a pair in
    `running` to say which task this worker runs."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent_pid)
    global _RUNNING, _SLOT
    with running.get_lock():
        for i in range(0, len(running), 2):
            if running[i] == 0:
                running[i], running[i + 1] = os.getpid(), 0
                _RUNNING, _SLOT = running, i
                break


def run_task(number: int, raws: list[RawArticle], include_text: bool, budget: float) -> list[tuple[str, bytes]]:
    """`process_chunk` on a local worker, noting first which task this worker runs, so that the
    main process knows what was lost if the worker dies."""
    if _RUNNING is not None:
        _RUNNING[_SLOT + 1] = number
    return process_chunk(raws, include_text, budget)


def die_with_parent(parent_pid: int) -> None:
    """Worker initializer: on Linux, have the kernel kill this worker when the main process
    dies, even by SIGKILL, instead of leaving it orphaned."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent_pid:  # the parent died before the call
        os._exit(1)


def warm_up() -> None:
    """Load the lazily loaded models and lexicons by extracting one short article."""
    try:
        extract_article(RawArticle("warm-up", "-", WARM_UP_TEXT))
    except Exception:  # an extractor bug shows up, per article, in the real run
        pass


@contextmanager
def open_engine(engine: str, workers: int, scheduler: str | None):
    runner = DaskEngine(workers, scheduler) if engine == "dask" else LocalEngine(workers)
    ok = False
    try:
        yield runner
        ok = True
    finally:
        runner.close(ok)


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
