"""Reading and checking a large file in a second process while the first writes.

On a 2-core machine an import's Python work (reading the CSV, checking and matching each row)
and its writes can run side by side. The file is parsed by a forked child and the rows come back
through a pipe as plain tuples, pickled a few thousand at a time: pickle writes each shared value
once per chunk (a place, a pair of actors, a day), so handing a row over costs a fraction of
parsing it. Measured at 200,000 rows: parsing 2.2 s, handing over 0.3 s in the writer.

The child only reads the file and the in-memory indexes it inherited; it never touches the
database (its inherited connection is left alone and it leaves with ``os._exit``). An error in
the child (a file that is not the encoding it claims, say) is raised in the parent as itself. If
the parent stops early, the child is killed; if the child dies, the parent says so.
"""

import contextlib
import gc
import os
import pickle
import queue
import signal
import struct
import threading
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

CHUNK = 2000
LOOKAHEAD = 16  # chunks of rows parsed ahead of the writer, at most
_HEADER = struct.Struct("!I")


def can_fork(raw: BinaryIO) -> bool:
    """A real file on a system that forks (not an upload held in memory, not Windows)."""
    if not hasattr(os, "fork"):
        return False
    try:
        raw.fileno()
    except (AttributeError, OSError, ValueError):
        return False
    return True


class Progress:
    """How far into the file the reading process has got, as it last said (``tell``'s unit)."""

    def __init__(self) -> None:
        self.at = 0

    def tell(self) -> int:
        return self.at


def parsed_beside(
    rows: Callable[[], Iterator[tuple[int, Any]]],
    tell: Callable[[], int] | None = None,
    progress: Progress | None = None,
) -> Iterator[tuple[int, Any]]:
    """``rows()`` (an iterator of (row number, item)) run in a forked child. With each chunk
    the child sends ``tell()`` (how far it has read; asked there, where the file moves), which
    lands in ``progress`` here as the chunk's rows come out."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: parse, send, leave without running any of the parent's cleanup
        os.close(read_end)
        code = 0
        try:
            gc.disable()
            _send_all(rows(), write_end, tell)
        except BaseException:  # noqa: BLE001 (already sent to the parent when it could be)
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    # A thread keeps draining the pipe into a bounded queue, so the child parses ahead while this
    # process writes (a pipe holds 64 KB: without it the two took turns). The bound keeps memory
    # flat: the child waits when LOOKAHEAD chunks are ready.
    frames: queue.Queue = queue.Queue(maxsize=LOOKAHEAD)
    stop = threading.Event()
    pump = threading.Thread(target=_pump, args=(read_end, frames, stop), daemon=True)
    pump.start()
    finished = False
    try:
        while True:
            frame = frames.get()
            if frame is None:
                raise RuntimeError("the process reading the file stopped before the end of it")
            kind, payload, at = pickle.loads(frame)  # noqa: S301 (our own child, a private pipe)
            if kind == "rows":
                if progress is not None and at is not None:
                    progress.at = at
                yield from payload
            elif kind == "error":
                raise payload
            else:
                finished = True
                return
    finally:
        stop.set()
        if not finished:
            _stop(pid)
        pump.join()
        os.waitpid(pid, 0)


def _pump(fd: int, frames: queue.Queue, stop: threading.Event) -> None:
    """Move each frame from the pipe to the queue (None at the end of the pipe)."""
    with os.fdopen(fd, "rb", buffering=1 << 20) as pipe:
        while True:
            frame = _read_frame(pipe)
            while True:
                try:
                    frames.put(frame, timeout=0.1)
                    break
                except queue.Full:
                    if stop.is_set():
                        return
            if frame is None or stop.is_set():
                return


def _send_all(rows: Iterator[tuple[int, Any]], fd: int, tell: Callable[[], int] | None) -> None:
    with os.fdopen(fd, "wb", buffering=1 << 20) as pipe:
        try:
            chunk: list[tuple[int, Any]] = []
            for item in rows:
                chunk.append(item)
                if len(chunk) >= CHUNK:
                    _send(pipe, "rows", chunk, tell() if tell else None)
                    chunk = []
            if chunk:
                _send(pipe, "rows", chunk, tell() if tell else None)
            _send(pipe, "done", None)
        except BrokenPipeError:
            raise  # the parent stopped reading: nothing to tell it
        except BaseException as exc:
            _send(pipe, "error", exc)
            raise


def _send(pipe, kind: str, payload: Any, at: int | None = None) -> None:
    data = pickle.dumps((kind, payload, at), protocol=pickle.HIGHEST_PROTOCOL)
    pipe.write(_HEADER.pack(len(data)))
    pipe.write(data)
    if kind != "rows":
        pipe.flush()


def _read_frame(pipe) -> bytes | None:
    header = pipe.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack(header)
    data = pipe.read(size)
    return data if len(data) == size else None


def _stop(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
