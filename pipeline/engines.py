"""Engines that run `batch.process_chunk` tasks: `LocalEngine` (worker processes on this
machine, which die with the main process and report which task a dead worker held) and
`DaskEngine` (a Dask cluster); `open_engine` picks one. The ordering of results, the time
budgets and the retries of tasks whose worker died are `batch`'s."""
from __future__ import annotations

import gc
import os
import signal
import time
from contextlib import contextmanager

from .extract import extract_article
from .ingest import RawArticle
from .version import pipeline_version

POLL_SECONDS = 0.5  # how often a wait for a result also checks that the workers are alive


class WorkerDied(Exception):
    """A local worker process died (the out-of-memory killer, a signal) while waiting for a
    result; `lost`: the handles of the tasks it was running, which will never complete."""

    def __init__(self, message: str, lost: set):
        super().__init__(message)
        self.lost = lost


def _how_it_died(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        return f"killed by {name}" + (", perhaps by the out-of-memory killer" if name == "SIGKILL" else "")
    return f"exited with status {exitcode}"


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
        from .batch import process_chunk

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
    from .batch import process_chunk  # batch imports this module

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


_FROZEN = False  # frozen once a process: a later warm-up (a long-running caller's next batch)
# would also freeze whatever that caller left for the collector


def warm_up() -> None:
    """Load the lazily loaded models and lexicons by extracting one short article, and the
    part-of-speech tagger, which that article does not need but about every other batch does
    (each worker loaded its own copy: a third of a second). The garbage collector waits
    meanwhile (loading them makes hundreds of thousands of objects, none of them garbage: its
    full passes over them were a fifth of the warm-up), and what was loaded is then frozen out
    of its passes, here and in the workers forked after it (whose collections then neither
    traverse nor write to those shared pages)."""
    from .pos_tags import pos_tag

    enabled = gc.isenabled()
    gc.disable()
    try:
        extract_article(RawArticle("warm-up", "-", WARM_UP_TEXT))
        pos_tag(WARM_UP_TEXT)
    except Exception:  # an extractor bug shows up, per article, in the real run
        pass
    finally:
        if enabled:
            gc.enable()
    global _FROZEN
    if not _FROZEN:
        gc.freeze()
        _FROZEN = True


@contextmanager
def open_engine(engine: str, workers: int, scheduler: str | None):
    runner = DaskEngine(workers, scheduler) if engine == "dask" else LocalEngine(workers)
    ok = False
    try:
        yield runner
        ok = True
    finally:
        runner.close(ok)
