"""Replacing a file, or a folder's whole set of files, in one step.

A DuckDB export is one file, written beside its target and renamed over it. A Parquet or CSV
export is a set of files that must never be seen half old, half new: the set is written into a
temporary folder beside the target folder, which is then swapped with the target in one step
(Linux renameat2 RENAME_EXCHANGE; elsewhere two renames, undone by the next export if the
process dies between them). Temporary names are `.NAME.export-PID.tmp` (and
`.NAME.previous-PID.tmp` for a set moved aside); an export removes those that a killed export
left beside its target, and removes its own on any error.
"""
from __future__ import annotations

import ctypes
import errno
import os
import re
import shutil
from pathlib import Path

from .writer import fsync_dir

_TEMP_RE = r"\.{name}\.(?:(export|previous)-)?(\d+)\.tmp(?:\.wal)?"


def temp_sibling(path: Path, what: str = "export") -> Path:
    return path.with_name(f".{path.name}.{what}-{os.getpid()}.tmp")


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # an earlier export of this process that failed to clean up
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process
    return True


def _remove(path: Path) -> None:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    except FileNotFoundError:
        pass


def remove_stale(path: Path) -> None:
    """Temporary files and folders left beside `path` by exports that were killed before they
    finished (their process is gone); a set that was moved aside just before the kill, with
    nothing put in its place, goes back first."""
    pattern = re.compile(_TEMP_RE.format(name=re.escape(path.name)))
    try:
        entries = sorted(path.parent.iterdir())
    except FileNotFoundError:
        return
    for entry in entries:
        m = pattern.fullmatch(entry.name)
        if not m or _pid_alive(int(m.group(2))):
            continue
        if m.group(1) == "previous" and not os.path.lexists(path):
            os.rename(entry, path)
        else:
            _remove(entry)


def _exchange(a: Path, b: Path) -> bool:
    """Swap `a` and `b` atomically (Linux renameat2 RENAME_EXCHANGE); False where the system
    or the file system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def replace_file(path: Path, write) -> None:
    """`write(tmp)` a temporary sibling of `path`, then rename it over `path`."""
    remove_stale(path)
    tmp = temp_sibling(path)
    try:
        write(tmp)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    finally:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}.wal").unlink(missing_ok=True)


def _carried_entries(out: Path, ours: set[str]) -> list[os.DirEntry]:
    """What `out` holds besides the files being written: files (another format's tables, a
    README) go into the new set too. A folder inside would be lost by the swap: refused."""
    if not os.path.lexists(out):
        return []
    if not out.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "not a directory", str(out))
    carried = []
    with os.scandir(out) as entries:
        for entry in entries:
            if entry.name in ours:
                continue
            if entry.is_dir(follow_symlinks=False) or not (entry.is_file(follow_symlinks=False)
                                                           or entry.is_symlink()):
                raise IsADirectoryError(
                    errno.EISDIR, f"holds {entry.name!r}, which is not a file; the files are replaced "
                    "as one set, so give them a folder of their own", str(out))
            carried.append(entry)
    return carried


def replace_set(out: Path, names: set[str], write_tables) -> None:
    """`write_tables(folder)` writes the set (`names`, the files it replaces) into a new folder,
    which then replaces `out` in one step: a reader (or a crash) sees the old set or the new one."""
    out = Path(os.path.realpath(out))  # a symlink to the folder: swap the folder itself
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(out)
    carried = _carried_entries(out, names)
    tmp = temp_sibling(out)
    try:
        tmp.mkdir()
        write_tables(tmp)
        for entry in carried:
            target = tmp / entry.name
            if entry.is_symlink():
                os.symlink(os.readlink(entry.path), target)
                continue
            try:
                os.link(entry.path, target)
            except OSError:
                shutil.copy2(entry.path, target)
        fsync_dir(tmp)
        if not os.path.lexists(out):
            os.rename(tmp, out)
        elif not _exchange(tmp, out):  # the old set ends up at `tmp`, removed below
            previous = temp_sibling(out, "previous")
            os.rename(out, previous)
            os.rename(tmp, out)
            fsync_dir(out.parent)
            _remove(previous)
        fsync_dir(out.parent)
    finally:
        _remove(tmp)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
