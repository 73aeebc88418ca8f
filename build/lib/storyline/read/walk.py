"""Expanding the paths a user gives into files, deterministically.

Sorted order makes two builds over the same folder produce the same ids and the same summary; hidden files and
folders (`.git`, `.DS_Store`, editor swap files) are never articles; a symlinked folder is followed once, so a
link cycle cannot loop forever. Only regular files are read: opening a named pipe blocks until someone writes to
it (a build would hang forever), and sockets and devices are no articles, so each is skipped with a Notice.
"""
from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from ..record import Notice, ReadFailure

Found = tuple[str, Path]
_SPECIAL = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
            (stat.S_ISBLK, "a block device"))


def walk(given: str | Path) -> Iterator[Found | ReadFailure | Notice]:
    """(source, path) for each file under `given`, or a ReadFailure for a path that is missing or unusable.

    `source` is the path as the user wrote it, joined with the relative part inside a folder.
    """
    path = Path(given)
    source = str(given)
    if path.is_symlink() and not path.exists():
        yield ReadFailure(source, f"broken symlink (target {os.readlink(path)} does not exist)")
    elif not path.exists():
        yield ReadFailure(source, "no such file or folder")
    elif path.is_dir():
        found = False
        for item in _walk_folder(path, source, set()):
            found = True
            yield item
        if not found:
            yield ReadFailure(source, "folder holds no files")
    else:
        yield _regular(source, path)


def _regular(source: str, path: Path) -> Found | Notice:
    """(source, path) for a regular file (after following links), a Notice saying what it is otherwise."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return source, path  # the reader reports why it cannot be opened
    if stat.S_ISREG(mode):
        return source, path
    what = next((name for test, name in _SPECIAL if test(mode)), "not a regular file")
    return Notice(source, "skipped", f"{what}, not a regular file: not read")


def _walk_folder(folder: Path, source: str, seen: set[str]) -> Iterator[Found | ReadFailure | Notice]:
    real = os.path.realpath(folder)
    if real in seen:
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        yield ReadFailure(source, f"cannot list folder: {error.strerror or error}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child_source = os.path.join(source, entry.name)
        child = Path(entry.path)
        if child.is_symlink() and not child.exists():
            yield ReadFailure(child_source, f"broken symlink (target {os.readlink(child)} does not exist)")
        elif child.is_dir():
            yield from _walk_folder(child, child_source, seen)
        else:
            yield _regular(child_source, child)
