#!/usr/bin/env python3
"""The Python binding's cost (docs/bindings.md): on one loaded corpus, the whole clean-up and the
status of every document fully materialised as Python objects, and one small call. Each round
times the C ABI's call alone (what bench/capi_bench.cpp times as *_c) and then the same from
Python, wall and process CPU time, so that the ratio of the two holds on a loaded machine.

    NORMDOC_C_LIBRARY=build/release/libnormdoc_c.so bench/capi_bench.py CORPUS [AS_OF] [ROUNDS]

Prints KEY=VALUE lines, as bench/capi_bench.cpp does (scripts/bench-bindings puts them together)."""

import ctypes
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bindings", "python"))
import normdoc  # noqa: E402
from normdoc import _ffi, lib  # noqa: E402


def c_cleanup(corpus, as_of):
    """What bench/capi_bench.cpp times as cleanup_c, from this process: the C ABI's clean-up and the
    numeric columns and document indexes a binding copies, no Python object made."""
    out, cols, docs = ctypes.c_void_p(), _ffi.CleanupColumns(), ctypes.c_void_p()
    normdoc._call(lib.nd_cleanup_run, corpus._live(), as_of, None, ctypes.byref(out))
    normdoc._call(lib.nd_cleanup_numeric_columns, out.value, ctypes.byref(cols))
    normdoc._call(lib.nd_cleanup_documents, out.value, ctypes.byref(docs))
    return out.value


def c_status(corpus, as_of):
    out, cols, docs = ctypes.c_void_p(), _ffi.StatusColumns(), ctypes.c_void_p()
    normdoc._call(lib.nd_status_all, corpus._live(), as_of, ctypes.byref(out))
    normdoc._call(lib.nd_status_list_numeric_columns, out.value, ctypes.byref(cols))
    normdoc._call(lib.nd_status_list_documents, out.value, ctypes.byref(docs))
    return out.value


class Timer:
    """Wall and process CPU time of each round, by name (a loaded machine inflates wall time most)."""

    def __init__(self):
        self.wall, self.cpu = {}, {}

    def start(self):
        self.t, self.c = time.perf_counter(), time.process_time()

    def stop(self, name):
        self.wall.setdefault(name, []).append(time.perf_counter() - self.t)
        self.cpu.setdefault(name, []).append(time.process_time() - self.c)

    def median(self, name, cpu=False):
        return statistics.median((self.cpu if cpu else self.wall)[name])


def main(argv):
    path = argv[1]
    as_of_text = argv[2] if len(argv) > 2 else "2020-06-30"
    as_of = normdoc.parse_date(as_of_text)
    rounds = int(argv[3]) if len(argv) > 3 else 5
    t = time.perf_counter()
    corpus = normdoc.Corpus.open(path)
    print("load_py_s=%.3f" % (time.perf_counter() - t))
    corpus.status(as_of)  # the corpus's ids and numbers, decoded once (a load-time cost, not a query's)
    tm = Timer()
    for _ in range(rounds):
        # Side by side in each round: the C ABI's call alone, then the same from Python.
        tm.start()
        h = c_cleanup(corpus, as_of_text.encode())
        tm.stop("cleanup_c_in_py")
        lib.nd_cleanup_free(h)
        # The result in Python: every field of every row a Python value (str, enum, date) in lists.
        tm.start()
        r = corpus.cleanup(as_of)
        tm.stop("cleanup_py")
        # … and every row as an object too, with its findings' codes.
        items = list(r)
        codes = sum(len(i.finding_codes) for i in items)
        tm.stop("cleanup_py_rows")
        r.close()
        del items
        tm.start()
        h = c_status(corpus, as_of_text.encode())
        tm.stop("status_all_c_in_py")
        lib.nd_status_list_free(h)
        tm.start()
        rows = corpus.status(as_of)
        tm.stop("status_all_py")
        rows = list(rows)
        tm.stop("status_all_py_rows")
        del rows
    print("cleanup_items=%d\ncleanup_findings=%d" % (len(r), codes))
    for op in ("cleanup", "status_all"):
        for name in (op + "_c_in_py", op + "_py", op + "_py_rows"):
            print("%s_s=%.3f\n%s_cpu_s=%.3f" % (name, tm.median(name), name, tm.median(name, cpu=True)))
        # Python against the same C ABI call in the same rounds of the same process.
        print("%s_py_over_c_ratio=%.2f\n%s_py_over_c_cpu_ratio=%.2f" % (
            op, tm.median(op + "_py") / tm.median(op + "_c_in_py"),
            op, tm.median(op + "_py", cpu=True) / tm.median(op + "_c_in_py", cpu=True)))
    ids = [row.id for row in corpus.status(as_of)][:100000]
    one = []
    for _ in range(rounds):
        t = time.perf_counter()
        for i in ids:
            corpus.status_of(i, as_of)
        one.append((time.perf_counter() - t) * 1e9 / len(ids))
    print("status_one_py_ns=%.0f" % statistics.median(one))


if __name__ == "__main__":
    main(sys.argv)
